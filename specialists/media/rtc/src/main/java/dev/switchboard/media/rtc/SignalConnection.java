package dev.switchboard.media.rtc;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import livekit.LivekitRtc.JoinResponse;
import livekit.LivekitRtc.SignalRequest;
import livekit.LivekitRtc.SignalResponse;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import okio.ByteString;

/**
 * The signalling WebSocket: one binary protobuf {@link SignalRequest} per frame out, one
 * {@link SignalResponse} per frame in. The first message completes {@link #joined()} (or fails it when
 * it is a leave); every later message goes to the handler on the session's event executor, in order.
 * Thread-safe: {@link #send} may be called from any thread.
 */
final class SignalConnection {

    /** Receives server messages, on the event executor: first the join, then everything else in order. */
    interface Handler {
        void onJoin(JoinResponse join);

        void onMessage(SignalResponse message);

        void onClosed(String reason);
    }

    private final CompletableFuture<JoinResponse> joined = new CompletableFuture<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Executor events;
    private final Handler handler;
    private final String url;
    private volatile long lastMessageNanos;
    private final dev.switchboard.spi.TimeSource time;
    private volatile WebSocket socket;

    private SignalConnection(String url, Executor events, Handler handler, dev.switchboard.spi.TimeSource time) {
        this.url = url;
        this.events = events;
        this.handler = handler;
        this.time = time;
    }

    /** A connection not yet opened; call {@link #open}. */
    static SignalConnection create(ConnectOptions options, Executor events, Handler handler) {
        String url = SignalUrls.rtcUrl(options.url(), options.autoSubscribe());
        return new SignalConnection(url, events, handler, options.time());
    }

    /** Opens the WebSocket; {@link #joined()} completes with the JoinResponse. */
    void open(OkHttpClient http, dev.switchboard.spi.Secret token) {
        Request request = new Request.Builder()
                .url(SignalUrls.httpUrl(url))
                .header("Authorization", "Bearer " + token.reveal())
                .build();
        lastMessageNanos = time.nanos();
        socket = http.newWebSocket(request, new Listener());
    }

    CompletableFuture<JoinResponse> joined() {
        return joined;
    }

    /** When the last message (of any kind) arrived, in {@link dev.switchboard.spi.TimeSource#nanos()}. */
    long lastMessageNanos() {
        return lastMessageNanos;
    }

    /** Queues a request; returns false when the socket is closed or its buffer is full. */
    boolean send(SignalRequest request) {
        WebSocket s = socket;
        return !closed.get() && s != null && s.send(ByteString.of(request.toByteArray()));
    }

    /** Closes the socket normally. Idempotent. */
    void close() {
        if (closed.compareAndSet(false, true)) {
            WebSocket s = socket;
            if (s != null) {
                s.close(1000, "client leave");
            }
        }
    }

    private void failed(String reason) {
        if (closed.compareAndSet(false, true)) {
            events.execute(() -> handler.onClosed(reason));
        }
    }

    private static RtcException mapFailure(String url, Throwable t, Response response) {
        if (response != null) {
            String body;
            try {
                body = response.body().string();
            } catch (IOException | RuntimeException e) {
                body = "";
            }
            String reason = body.isBlank() ? response.message() : body;
            return new JoinRefusedException(response.code(), SignalUrls.scrub(reason));
        }
        String where = url.replaceFirst("\\?.*", "");
        if (t instanceof ConnectException || t instanceof UnknownHostException) {
            return new ServerUnreachableException("cannot reach LiveKit at " + where + ": " + t.getMessage(), t);
        }
        return new ServerUnreachableException("signal connection to " + where + " failed: " + t, t);
    }

    private final class Listener extends WebSocketListener {
        @Override
        public void onMessage(WebSocket webSocket, ByteString bytes) {
            lastMessageNanos = time.nanos();
            SignalResponse message;
            try {
                message = SignalResponse.parseFrom(bytes.toByteArray());
            } catch (com.google.protobuf.InvalidProtocolBufferException e) {
                failed("unreadable signal message: " + e.getMessage());
                return;
            }
            if (!joined.isDone()) {
                if (message.hasJoin()) {
                    events.execute(() -> handler.onJoin(message.getJoin()));
                    joined.complete(message.getJoin());
                } else if (message.hasLeave()) {
                    joined.completeExceptionally(new JoinRefusedException(0,
                            "server sent leave (" + message.getLeave().getReason() + ")"));
                    close();
                } else {
                    joined.completeExceptionally(new RtcStateException(
                            "first signal message was " + message.getMessageCase() + ", expected join"));
                    close();
                }
                return;
            }
            events.execute(() -> handler.onMessage(message));
        }

        @Override
        public void onMessage(WebSocket webSocket, String text) {
            lastMessageNanos = time.nanos();
        }

        @Override
        public void onClosing(WebSocket webSocket, int code, String reason) {
            webSocket.close(1000, null);
            failed("signal connection closed by server (" + code + (reason.isEmpty() ? "" : " " + reason) + ")");
        }

        @Override
        public void onFailure(WebSocket webSocket, Throwable t, Response response) {
            if (!joined.isDone()) {
                joined.completeExceptionally(mapFailure(url, t, response));
                closed.set(true);
                return;
            }
            failed("signal connection lost: " + t.getMessage());
        }
    }
}
