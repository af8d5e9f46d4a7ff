package dev.switchboard.coordinator.http;

import dev.switchboard.spi.TimeSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Settings of the HTTP API. Immutable; build with {@link #builder()}, which validates eagerly.
 *
 * @param bindAddress interface to bind; default {@code 127.0.0.1}
 * @param port TCP port; {@code 0} picks a free one; default {@code 8080}
 * @param apiKeys accepted API keys; with none, every authenticated endpoint answers 401 unless
 *     {@code allowAnonymous}
 * @param allowAnonymous serve requests without a key as {@link dev.switchboard.spi.Caller#anonymous()};
 *     default {@code false}
 * @param openHealth whether {@code /health} needs no key; default {@code true}
 * @param openMetrics whether {@code /metrics} needs no key; default {@code true}
 * @param maxRequestBytes largest accepted request body; larger ones get 413; default 1 MiB
 * @param requestTimeout longest a request may run (a shorter {@code Request-Timeout} or
 *     {@code X-Deadline} header wins); past it the answer is 504; default 30 s
 * @param drainTimeout how long {@link HttpApi#close()} waits for running exchanges; default 5 s
 * @param retryAfter the {@code Retry-After} sent with 429 answers; default 1 s
 * @param metricsScrape produces the Prometheus text for {@code /metrics} (for example
 *     {@code PrometheusMeterRegistry::scrape}); default: a comment saying none is configured
 * @param time the clock deadlines and webhook tokens are checked against; default the system clock
 * @param webhooks the LiveKit webhook receiver; default {@link WebhookSettings#disabled()}
 * @param playground the browser playground at {@code /playground/}; default {@link PlaygroundSettings#disabled()}
 */
public record HttpSettings(
        String bindAddress,
        int port,
        List<ApiKey> apiKeys,
        boolean allowAnonymous,
        boolean openHealth,
        boolean openMetrics,
        long maxRequestBytes,
        Duration requestTimeout,
        Duration drainTimeout,
        Duration retryAfter,
        Supplier<String> metricsScrape,
        TimeSource time,
        WebhookSettings webhooks,
        PlaygroundSettings playground) {

    /** Validates and copies; see {@link Builder#build()} for the rules. */
    public HttpSettings {
        Objects.requireNonNull(bindAddress, "bindAddress");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0..65535, got " + port);
        }
        apiKeys = List.copyOf(apiKeys);
        Set<String> names = new HashSet<>();
        for (ApiKey key : apiKeys) {
            if (!names.add(key.name())) {
                throw new IllegalArgumentException("apiKeys: the name '" + key.name() + "' is used twice");
            }
        }
        if (maxRequestBytes < 1 || maxRequestBytes > Integer.MAX_VALUE - 1) {
            throw new IllegalArgumentException("maxRequestBytes must be 1.." + (Integer.MAX_VALUE - 1));
        }
        requirePositive(requestTimeout, "requestTimeout");
        requirePositive(drainTimeout, "drainTimeout");
        requirePositive(retryAfter, "retryAfter");
        Objects.requireNonNull(metricsScrape, "metricsScrape");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(webhooks, "webhooks");
        Objects.requireNonNull(playground, "playground");
    }

    /** A builder with every default set. */
    public static Builder builder() {
        return new Builder();
    }

    static void requirePositive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, got " + value);
        }
    }

    /** Builds {@link HttpSettings}; not thread-safe. */
    public static final class Builder {
        private String bindAddress = "127.0.0.1";
        private int port = 8080;
        private final List<ApiKey> apiKeys = new ArrayList<>();
        private boolean allowAnonymous;
        private boolean openHealth = true;
        private boolean openMetrics = true;
        private long maxRequestBytes = 1024 * 1024;
        private Duration requestTimeout = Duration.ofSeconds(30);
        private Duration drainTimeout = Duration.ofSeconds(5);
        private Duration retryAfter = Duration.ofSeconds(1);
        private Supplier<String> metricsScrape = () -> "# no metrics registry is configured\n";
        private TimeSource time = TimeSource.system();
        private WebhookSettings webhooks = WebhookSettings.disabled();
        private PlaygroundSettings playground = PlaygroundSettings.disabled();

        private Builder() {
        }

        /** Sets the interface to bind ({@code 0.0.0.0} for all). */
        public Builder bindAddress(String value) {
            this.bindAddress = Objects.requireNonNull(value, "bindAddress");
            return this;
        }

        /** Sets the port; 0 picks a free one. */
        public Builder port(int value) {
            this.port = value;
            return this;
        }

        /** Adds one accepted API key. */
        public Builder apiKey(ApiKey key) {
            apiKeys.add(Objects.requireNonNull(key, "key"));
            return this;
        }

        /** Whether requests without a key are served as the anonymous caller. */
        public Builder allowAnonymous(boolean value) {
            this.allowAnonymous = value;
            return this;
        }

        /** Whether {@code /health} needs no key. */
        public Builder openHealth(boolean value) {
            this.openHealth = value;
            return this;
        }

        /** Whether {@code /metrics} needs no key. */
        public Builder openMetrics(boolean value) {
            this.openMetrics = value;
            return this;
        }

        /** Sets the largest accepted request body in bytes. */
        public Builder maxRequestBytes(long value) {
            this.maxRequestBytes = value;
            return this;
        }

        /** Sets the longest time a request may run. */
        public Builder requestTimeout(Duration value) {
            this.requestTimeout = value;
            return this;
        }

        /** Sets how long close waits for running exchanges. */
        public Builder drainTimeout(Duration value) {
            this.drainTimeout = value;
            return this;
        }

        /** Sets the {@code Retry-After} of 429 answers. */
        public Builder retryAfter(Duration value) {
            this.retryAfter = value;
            return this;
        }

        /** Sets the Prometheus text producer for {@code /metrics}. */
        public Builder metricsScrape(Supplier<String> value) {
            this.metricsScrape = Objects.requireNonNull(value, "metricsScrape");
            return this;
        }

        /** Sets the clock. */
        public Builder time(TimeSource value) {
            this.time = Objects.requireNonNull(value, "time");
            return this;
        }

        /** Turns on the browser playground (local development). */
        public Builder playground(PlaygroundSettings value) {
            this.playground = Objects.requireNonNull(value, "playground");
            return this;
        }

        /** Sets the webhook receiver settings. */
        public Builder webhooks(WebhookSettings value) {
            this.webhooks = Objects.requireNonNull(value, "webhooks");
            return this;
        }

        /**
         * Builds the settings.
         *
         * @throws IllegalArgumentException naming the field and the rule it breaks
         */
        public HttpSettings build() {
            return new HttpSettings(bindAddress, port, apiKeys, allowAnonymous, openHealth, openMetrics,
                    maxRequestBytes, requestTimeout, drainTimeout, retryAfter, metricsScrape, time, webhooks,
                    playground);
        }
    }
}
