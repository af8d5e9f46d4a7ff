package dev.switchboard.media.rtc;

import dev.switchboard.spi.Secret;
import dev.switchboard.spi.TimeSource;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * How to join a room: the LiveKit URL ({@code ws://}, {@code wss://}, {@code http://} or {@code https://}),
 * the participant's JWT, and the client's choices. Immutable, thread-safe.
 *
 * @param url the LiveKit server URL; {@code /rtc} is appended
 * @param token the access token (sent in the Authorization header, never logged)
 * @param autoSubscribe whether the server subscribes this participant to every track (default true)
 * @param joinTimeout how long to wait from opening the WebSocket to the JoinResponse (default 10 s)
 * @param operationTimeout how long to wait for a track publication or a negotiation (default 10 s)
 * @param time the clock used for pings, timeouts, reconnect backoff and measurements (default the system clock)
 * @param reconnect how a lost connection is resumed or rejoined (default {@link ReconnectPolicy#defaults()})
 */
public record ConnectOptions(URI url, Secret token, boolean autoSubscribe, Duration joinTimeout,
                             Duration operationTimeout, TimeSource time, ReconnectPolicy reconnect) {

    /** Validates every field; see {@link Builder#build()}. */
    public ConnectOptions {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(joinTimeout, "joinTimeout");
        Objects.requireNonNull(operationTimeout, "operationTimeout");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(reconnect, "reconnect");
        String scheme = String.valueOf(url.getScheme());
        if (!scheme.matches("wss?|https?")) {
            throw new IllegalArgumentException("url: scheme must be ws, wss, http or https, got '" + scheme + "'");
        }
        if (url.getHost() == null) {
            throw new IllegalArgumentException("url: must name a host, got '" + url + "'");
        }
        if (token.reveal().isBlank()) {
            throw new IllegalArgumentException("token: must not be blank (" + token + ")");
        }
        requirePositive("joinTimeout", joinTimeout);
        requirePositive("operationTimeout", operationTimeout);
    }

    /** The options without a reconnect choice: {@link ReconnectPolicy#defaults()}. */
    public ConnectOptions(URI url, Secret token, boolean autoSubscribe, Duration joinTimeout,
                          Duration operationTimeout, TimeSource time) {
        this(url, token, autoSubscribe, joinTimeout, operationTimeout, time, ReconnectPolicy.defaults());
    }

    /** Options for {@code url} and {@code token} with every default. */
    public static ConnectOptions of(URI url, Secret token) {
        return builder(url, token).build();
    }

    /** A builder starting from the defaults. */
    public static Builder builder(URI url, Secret token) {
        return new Builder(url, token);
    }

    private static void requirePositive(String field, Duration d) {
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(field + ": must be positive, got " + d);
        }
    }

    /** Builds {@link ConnectOptions}. Not thread-safe. */
    public static final class Builder {
        private final URI url;
        private final Secret token;
        private boolean autoSubscribe = true;
        private Duration joinTimeout = Duration.ofSeconds(10);
        private Duration operationTimeout = Duration.ofSeconds(10);
        private TimeSource time = TimeSource.system();
        private ReconnectPolicy reconnect = ReconnectPolicy.defaults();

        private Builder(URI url, Secret token) {
            this.url = url;
            this.token = token;
        }

        /** Whether the server subscribes to every track (default true). */
        public Builder autoSubscribe(boolean value) {
            this.autoSubscribe = value;
            return this;
        }

        /** Deadline for the JoinResponse (default 10 s). */
        public Builder joinTimeout(Duration value) {
            this.joinTimeout = value;
            return this;
        }

        /** Deadline for a publication or a negotiation (default 10 s). */
        public Builder operationTimeout(Duration value) {
            this.operationTimeout = value;
            return this;
        }

        /** The clock (default the system clock). */
        public Builder time(TimeSource value) {
            this.time = value;
            return this;
        }

        /** How lost connections are recovered (default {@link ReconnectPolicy#defaults()}). */
        public Builder reconnect(ReconnectPolicy value) {
            this.reconnect = value;
            return this;
        }

        /** The options; throws {@link IllegalArgumentException} naming the field that is wrong. */
        public ConnectOptions build() {
            return new ConnectOptions(url, token, autoSubscribe, joinTimeout, operationTimeout, time, reconnect);
        }
    }
}
