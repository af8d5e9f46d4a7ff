package dev.switchboard.media.voice.provider.internal;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;

/**
 * The one HTTP client of all providers in this JVM (one connection pool, one dispatcher running
 * calls on virtual threads so hundreds of sessions never queue behind OkHttp's default limit of
 * five calls per host), and one timer thread for first-token and keep-alive deadlines.
 * Thread-safe.
 */
public final class Http {

    private static final OkHttpClient BASE;
    private static final ScheduledExecutorService TIMERS;

    static {
        Dispatcher dispatcher = new Dispatcher(Executors.newThreadPerTaskExecutor(
                Thread.ofVirtual().name("voice-provider-http-", 0).factory()));
        dispatcher.setMaxRequests(4096);
        dispatcher.setMaxRequestsPerHost(4096);
        BASE = new OkHttpClient.Builder()
                .dispatcher(dispatcher)
                .connectionPool(new ConnectionPool(64, 5, java.util.concurrent.TimeUnit.MINUTES))
                .retryOnConnectionFailure(false)
                .build();
        TIMERS = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "voice-provider-timers");
            t.setDaemon(true);
            return t;
        });
    }

    private Http() {
    }

    /**
     * A client sharing the pool and dispatcher, with these timeouts: {@code connect} for the TCP
     * and TLS handshake, {@code idle} for the longest silence between two reads or writes.
     */
    public static OkHttpClient client(Duration connect, Duration idle) {
        return BASE.newBuilder().connectTimeout(connect).readTimeout(idle).writeTimeout(idle).build();
    }

    /** The shared timer (deadlines, keep-alives); tasks must be short. */
    public static ScheduledExecutorService timers() {
        return TIMERS;
    }
}
