package dev.switchboard.media.rtc;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import livekit.LivekitRtc.JoinResponse;
import livekit.LivekitRtc.ReconnectResponse;
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
 * {@link SignalResponse} per frame in. A join connection's first message must be a JoinResponse, a resume
 * connection's ({@code reconnect=1}) a ReconnectResponse (any message but {@code leave} counts); a leave
 * first fails {@link #first()}. Every later message goes to the handler on the session's event executor,
 * in order, tagged with this connection so the session can ignore a connection it replaced.
 * Thread-safe: {@link #send} may be called from any thread.
 */
final class SignalConnection {

    /** Receives server messages, on the event executor: first the join or resume, then everything else. */
    interface Handler {
        void onJoin(SignalConnection source, JoinResponse join);

        void onResumed(SignalConnection source, ReconnectResponse response);

        void onMessage(SignalConnection source, SignalResponse message);

        void onClosed(SignalConnection source, String reason);
    }

    private final CompletableFuture<SignalResponse> first = new CompletableFuture<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Executor events;
    private final Handler handler;
    private final String url;
    private final boolean resume;
    private volatile long lastMessageNanos;
    private final dev.switchboard.spi.TimeSource time;
    private volatile WebSocket socket;

    private SignalConnection(String url, boolean resume, Executor events, Handler handler,
                             dev.switchboard.spi.TimeSource time) {
        this.url = url;
        this.resume = resume;
        this.events = events;
        this.handler = handler;
        this.time = time;
    }

    /** A join connection, not yet opened; call {@link #open}. */
    static SignalConnection create(ConnectOptions options, Executor events, Handler handler) {
        String url = SignalUrls.rtcUrl(options.url(), options.autoSubscribe());
        return new SignalConnection(url, false, events, handler, options.time());
    }

    /** A resume connection for participant {@code sid}, not yet opened; call {@link #open}. */
    static SignalConnection resume(ConnectOptions options, String sid, livekit.LivekitModels.ReconnectReason reason,
                                   Executor events, Handler handler) {
        String url = SignalUrls.resumeUrl(options.url(), options.autoSubscribe(), sid, reason);
        return new SignalConnection(url, true, events, handler, options.time());
    }

    /** Opens the WebSocket; {@link #first()} completes with the first message. */
    void open(OkHttpClient http, dev.switchboard.spi.Secret token) {
        Request request = new Request.Builder()
                .url(SignalUrls.httpUrl(url))
                .header("Authorization", "Bearer " + token.reveal())
                .build();
        lastMessageNanos = time.nanos();
        socket = http.newWebSocket(request, new Listener());
    }

    /**
     * Completes with the first message (JoinResponse or ReconnectResponse); fails with
     * {@link JoinRefusedException} or {@link ResumeRefusedException} on a leave, or when the socket failed first.
     */
    CompletableFuture<SignalResponse> first() {
        return first;
    }

    /** Whether the socket is neither closed by us nor lost. */
    boolean isOpen() {
        return !closed.get();
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
        first.completeExceptionally(new RtcStateException("signal connection closed"));
    }

    /** Drops the socket at once, without a close handshake (it is presumed dead). Idempotent. */
    void abort() {
        if (closed.compareAndSet(false, true)) {
            WebSocket s = socket;
            if (s != null) {
                s.cancel();
            }
        }
        first.completeExceptionally(new RtcStateException("signal connection aborted"));
    }

    private void failed(String reason) {
        first.completeExceptionally(new RtcStateException(reason));
        if (closed.compareAndSet(false, true)) {
            events.execute(() -> handler.onClosed(this, reason));
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
            if (!first.isDone()) {
                firstMessage(message);
                return;
            }
            events.execute(() -> handler.onMessage(SignalConnection.this, message));
        }

        private void firstMessage(SignalResponse message) {
            if (message.hasLeave()) {
                first.completeExceptionally(resume ? new ResumeRefusedException(message.getLeave())
                        : new JoinRefusedException(0, "server sent leave (" + message.getLeave().getReason() + ")"));
                close();
            } else if (resume) {
                ReconnectResponse response = message.hasReconnect() ? message.getReconnect()
                        : ReconnectResponse.getDefaultInstance();
                events.execute(() -> handler.onResumed(SignalConnection.this, response));
                if (!message.hasReconnect()) {
                    events.execute(() -> handler.onMessage(SignalConnection.this, message));
                }
                first.complete(message);
            } else if (message.hasJoin()) {
                events.execute(() -> handler.onJoin(SignalConnection.this, message.getJoin()));
                first.complete(message);
            } else {
                first.completeExceptionally(new RtcStateException(
                        "first signal message was " + message.getMessageCase() + ", expected join"));
                close();
            }
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
            if (!first.isDone()) {
                first.completeExceptionally(mapFailure(url, t, response));
                closed.set(true);
                return;
            }
            String why = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
            failed("signal connection lost: " + why);
        }
    }
}
