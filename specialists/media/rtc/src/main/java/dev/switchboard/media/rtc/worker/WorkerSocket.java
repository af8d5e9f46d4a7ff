package dev.switchboard.media.rtc.worker;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.switchboard.spi.Secret;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import livekit.LivekitAgent.ServerMessage;
import livekit.LivekitAgent.WorkerMessage;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import okio.ByteString;

/**
 * One {@code /agent} WebSocket: {@link WorkerMessage}s out, {@link ServerMessage}s in, both binary
 * protobuf. Every callback runs on the given executor, in arrival order; {@link Handler#onClosed} runs
 * at most once. Thread-safe: {@link #send} may be called from any thread.
 */
final class WorkerSocket {

    /** Receives what happens on the socket, on the worker's executor. */
    interface Handler {
        void onOpen(WorkerSocket socket);

        void onMessage(WorkerSocket socket, ServerMessage message);

        /** The socket ended; {@code httpStatus} is the refused upgrade's status, or 0. */
        void onClosed(WorkerSocket socket, String reason, int httpStatus);
    }

    private final AtomicBoolean closed = new AtomicBoolean();
    private final CountDownLatch finished = new CountDownLatch(1);
    private final Executor events;
    private final Handler handler;
    private volatile WebSocket socket;

    private WorkerSocket(Executor events, Handler handler) {
        this.events = events;
        this.handler = handler;
    }

    /** Opens a socket to {@code <url>/agent}, authenticated with {@code token}. */
    static WorkerSocket open(OkHttpClient http, URI url, Secret token, Executor events, Handler handler) {
        WorkerSocket s = new WorkerSocket(events, handler);
        Request request = new Request.Builder()
                .url(agentUrl(url))
                .header("Authorization", "Bearer " + token.reveal())
                .build();
        s.socket = http.newWebSocket(request, s.new Listener());
        return s;
    }

    /** {@code http(s)://host:port/path/agent?protocol=1} (OkHttp wants http schemes for WebSockets). */
    static String agentUrl(URI url) {
        String scheme = switch (url.getScheme()) {
            case "ws", "http" -> "http";
            default -> "https";
        };
        String port = url.getPort() < 0 ? "" : ":" + url.getPort();
        String path = url.getPath() == null ? "" : url.getPath().replaceAll("/+$", "");
        return scheme + "://" + url.getHost() + port + path + "/agent?protocol=1";
    }

    /** Queues a message; false when the socket is closed or its buffer is full. */
    boolean send(WorkerMessage message) {
        WebSocket s = socket;
        return !closed.get() && s != null && s.send(ByteString.of(message.toByteArray()));
    }

    /** Closes normally (the server then unregisters the worker). Idempotent; no callback follows. */
    void close() {
        if (closed.compareAndSet(false, true)) {
            WebSocket s = socket;
            if (s != null) {
                s.close(1000, "worker closing");
            }
        }
    }

    /**
     * Waits at most {@code timeout} for OkHttp to finish with the socket (close handshake done or
     * connection failed), so no OkHttp thread still runs this plugin's code after its owner stopped.
     */
    void awaitFinished(Duration timeout) {
        try {
            finished.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Drops the connection at once, as a network loss would, and reports it. */
    void abort(String reason) {
        WebSocket s = socket;
        if (s != null) {
            s.cancel();
        }
        ended(reason, 0);
    }

    private void ended(String reason, int status) {
        if (closed.compareAndSet(false, true)) {
            events.execute(() -> handler.onClosed(this, reason, status));
        }
    }

    private final class Listener extends WebSocketListener {
        @Override
        public void onOpen(WebSocket webSocket, Response response) {
            events.execute(() -> handler.onOpen(WorkerSocket.this));
        }

        @Override
        public void onMessage(WebSocket webSocket, ByteString bytes) {
            ServerMessage message;
            try {
                message = ServerMessage.parseFrom(bytes.toByteArray());
            } catch (InvalidProtocolBufferException e) {
                webSocket.cancel();
                ended("unreadable server message: " + e.getMessage(), 0);
                return;
            }
            if (!closed.get()) {
                events.execute(() -> handler.onMessage(WorkerSocket.this, message));
            }
        }

        @Override
        public void onClosing(WebSocket webSocket, int code, String reason) {
            webSocket.close(1000, null);
            ended("closed by server (" + code + (reason.isEmpty() ? "" : " " + reason) + ")", 0);
        }

        @Override
        public void onClosed(WebSocket webSocket, int code, String reason) {
            finished.countDown();
        }

        @Override
        public void onFailure(WebSocket webSocket, Throwable t, Response response) {
            finished.countDown();
            int status = response == null ? 0 : response.code();
            String why = response == null ? String.valueOf(t.getMessage())
                    : "HTTP " + status + " " + response.message();
            if (response != null) {
                response.close();
            }
            ended(why, status);
        }
    }
}
