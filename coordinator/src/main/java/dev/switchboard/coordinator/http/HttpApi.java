package dev.switchboard.coordinator.http;

import dev.switchboard.coordinator.Switchboard;
import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * A running HTTP API server: the JSON API over a {@link Switchboard}, {@code /health},
 * {@code /metrics}, {@code /openapi.json} and the LiveKit webhook receiver.
 *
 * <p>Thread-safe. Requests are served on virtual threads. {@link #close()} stops accepting
 * connections, lets running exchanges finish (bounded by {@link HttpSettings#drainTimeout()}),
 * parks undelivered webhook forwards and closes the webhook state files. It does not close the
 * {@link Switchboard}; its owner does.
 */
public interface HttpApi extends AutoCloseable {

    /**
     * Binds and starts serving.
     *
     * @throws HttpApiException when the address cannot be bound or the webhook state cannot be opened
     */
    static HttpApi start(Switchboard switchboard, HttpSettings settings) {
        Objects.requireNonNull(switchboard, "switchboard");
        Objects.requireNonNull(settings, "settings");
        return HttpApiServer.start(switchboard, settings);
    }

    /** The port actually bound (the free port picked when {@link HttpSettings#port()} is 0). */
    int port();

    /** The address actually bound. */
    InetSocketAddress address();

    /** Stops the server. Idempotent. */
    @Override
    void close();
}
