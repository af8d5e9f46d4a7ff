package dev.switchboard.coordinator.http;

import dev.switchboard.spi.Secret;
import dev.switchboard.spi.SwitchboardEvent;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Settings of the LiveKit webhook receiver at {@code POST /webhooks/livekit}. Immutable; build with
 * {@link #builder()}. The receiver is enabled when at least one verification key is set.
 *
 * @param keys LiveKit API key → API secret; a webhook's token must be issued by one of these keys
 *     and signed (HS256) with its secret. Several pairs allow key rotation.
 * @param stateDirectory where the seen-event log ({@code seen-events.log}) and the parked forwards
 *     ({@code parked-forwards.jsonl}) live; required when enabled
 * @param dedupeWindow how long an event id is remembered; default 24 h
 * @param dedupeMaxEntries most event ids remembered at once; default 100,000
 * @param fsync whether each seen id is forced to disk before the answer; default {@code true}
 * @param clockSkew tolerance on the token's {@code exp} and {@code nbf}; default 10 s
 * @param triggers LiveKit event name ({@code room_finished}) → workflow to run with the event as inputs
 * @param forwards outgoing HTTP forwards
 * @param forwardAttempts deliveries tried per forward before the event is parked; default 5
 * @param forwardBackoff wait after the first failed delivery, doubled each time; default 1 s
 * @param forwardMaxBackoff longest wait between deliveries; default 1 min
 * @param forwardTimeout time allowed for one delivery; default 10 s
 * @param eventSink receives each new verified event as {@code livekit.<event>} (wire it to the
 *     coordinator's listeners); default: drops them
 */
public record WebhookSettings(
        Map<String, Secret> keys,
        Path stateDirectory,
        Duration dedupeWindow,
        int dedupeMaxEntries,
        boolean fsync,
        Duration clockSkew,
        Map<String, String> triggers,
        List<WebhookForward> forwards,
        int forwardAttempts,
        Duration forwardBackoff,
        Duration forwardMaxBackoff,
        Duration forwardTimeout,
        Consumer<SwitchboardEvent> eventSink) {

    /** Validates and copies. */
    public WebhookSettings {
        keys = Map.copyOf(keys);
        Objects.requireNonNull(stateDirectory, "stateDirectory");
        HttpSettings.requirePositive(dedupeWindow, "dedupeWindow");
        if (dedupeMaxEntries < 1) {
            throw new IllegalArgumentException("dedupeMaxEntries must be at least 1, got " + dedupeMaxEntries);
        }
        Objects.requireNonNull(clockSkew, "clockSkew");
        if (clockSkew.isNegative()) {
            throw new IllegalArgumentException("clockSkew must not be negative, got " + clockSkew);
        }
        triggers = Map.copyOf(triggers);
        forwards = List.copyOf(forwards);
        if (forwardAttempts < 1) {
            throw new IllegalArgumentException("forwardAttempts must be at least 1, got " + forwardAttempts);
        }
        HttpSettings.requirePositive(forwardBackoff, "forwardBackoff");
        HttpSettings.requirePositive(forwardMaxBackoff, "forwardMaxBackoff");
        HttpSettings.requirePositive(forwardTimeout, "forwardTimeout");
        Objects.requireNonNull(eventSink, "eventSink");
    }

    /** Settings with no key: the webhook endpoint answers 404. */
    public static WebhookSettings disabled() {
        return builder().build();
    }

    /** A builder with every default set. */
    public static Builder builder() {
        return new Builder();
    }

    /** Whether the receiver accepts webhooks (at least one key is set). */
    public boolean enabled() {
        return !keys.isEmpty();
    }

    /** Builds {@link WebhookSettings}; not thread-safe. */
    public static final class Builder {
        private final Map<String, Secret> keys = new LinkedHashMap<>();
        private Path stateDirectory = Path.of("");
        private boolean stateDirectorySet;
        private Duration dedupeWindow = Duration.ofHours(24);
        private int dedupeMaxEntries = 100_000;
        private boolean fsync = true;
        private Duration clockSkew = Duration.ofSeconds(10);
        private final Map<String, String> triggers = new LinkedHashMap<>();
        private final List<WebhookForward> forwards = new ArrayList<>();
        private int forwardAttempts = 5;
        private Duration forwardBackoff = Duration.ofSeconds(1);
        private Duration forwardMaxBackoff = Duration.ofMinutes(1);
        private Duration forwardTimeout = Duration.ofSeconds(10);
        private Consumer<SwitchboardEvent> eventSink = event -> { };

        private Builder() {
        }

        /** Accepts webhooks issued by {@code apiKey} and signed with {@code secret}. */
        public Builder key(String apiKey, Secret secret) {
            keys.put(Objects.requireNonNull(apiKey, "apiKey"), Objects.requireNonNull(secret, "secret"));
            return this;
        }

        /** Sets the folder of the seen-event log and the parked forwards. */
        public Builder stateDirectory(Path value) {
            this.stateDirectory = Objects.requireNonNull(value, "stateDirectory");
            this.stateDirectorySet = true;
            return this;
        }

        /** Sets how long event ids are remembered. */
        public Builder dedupeWindow(Duration value) {
            this.dedupeWindow = value;
            return this;
        }

        /** Sets the most event ids remembered. */
        public Builder dedupeMaxEntries(int value) {
            this.dedupeMaxEntries = value;
            return this;
        }

        /** Whether seen ids are forced to disk before answering. */
        public Builder fsync(boolean value) {
            this.fsync = value;
            return this;
        }

        /** Sets the tolerance on token times. */
        public Builder clockSkew(Duration value) {
            this.clockSkew = value;
            return this;
        }

        /** Runs {@code workflow} with the event as inputs whenever {@code event} arrives. */
        public Builder trigger(String event, String workflow) {
            triggers.put(Objects.requireNonNull(event, "event"), Objects.requireNonNull(workflow, "workflow"));
            return this;
        }

        /** Adds an outgoing forward. */
        public Builder forward(WebhookForward value) {
            forwards.add(Objects.requireNonNull(value, "forward"));
            return this;
        }

        /** Sets the deliveries tried before parking. */
        public Builder forwardAttempts(int value) {
            this.forwardAttempts = value;
            return this;
        }

        /** Sets the first wait between deliveries. */
        public Builder forwardBackoff(Duration value) {
            this.forwardBackoff = value;
            return this;
        }

        /** Sets the longest wait between deliveries. */
        public Builder forwardMaxBackoff(Duration value) {
            this.forwardMaxBackoff = value;
            return this;
        }

        /** Sets the time allowed for one delivery. */
        public Builder forwardTimeout(Duration value) {
            this.forwardTimeout = value;
            return this;
        }

        /** Sets where new verified events are published. */
        public Builder eventSink(Consumer<SwitchboardEvent> value) {
            this.eventSink = Objects.requireNonNull(value, "eventSink");
            return this;
        }

        /**
         * Builds the settings.
         *
         * @throws IllegalArgumentException naming the field and the rule it breaks
         */
        public WebhookSettings build() {
            if (!keys.isEmpty() && !stateDirectorySet) {
                throw new IllegalArgumentException(
                        "stateDirectory is required when webhook keys are set"
                        + " (it keeps seen event ids across restarts)");
            }
            return new WebhookSettings(keys, stateDirectory, dedupeWindow, dedupeMaxEntries, fsync, clockSkew,
                    triggers, forwards, forwardAttempts, forwardBackoff, forwardMaxBackoff, forwardTimeout, eventSink);
        }
    }
}
