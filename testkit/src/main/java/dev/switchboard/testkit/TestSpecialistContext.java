package dev.switchboard.testkit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.spi.Json;
import dev.switchboard.spi.Secrets;
import dev.switchboard.spi.SpecialistContext;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A {@link SpecialistContext} for tests: configuration and secrets the test chooses, a
 * {@link ManualTime} clock, and metrics and events that remember what was recorded. Thread-safe
 * (its parts are); the configuration tree is a copy and must be treated as read-only.
 *
 * <pre>{@code
 * TestSpecialistContext ctx = TestSpecialistContext.builder("room")
 *         .config("{\"region\":\"eu\"}")
 *         .secret("${LIVEKIT_API_SECRET}", "test-secret")
 *         .build();
 * ctx.time().advance(Duration.ofSeconds(5));
 * assertThat(ctx.metrics().count("room.create.calls")).isEqualTo(1);
 * }</pre>
 */
public final class TestSpecialistContext implements SpecialistContext {

    private final String specialist;
    private final ObjectNode config;
    private final Secrets secrets;
    private final ManualTime time;
    private final RecordingMetrics metrics = new RecordingMetrics();
    private final RecordingEvents events = new RecordingEvents();

    private TestSpecialistContext(Builder b) {
        this.specialist = b.specialist;
        this.config = b.config.deepCopy();
        this.secrets = new TestSecrets(b.secrets);
        this.time = b.time;
    }

    /** A builder for the context of specialist {@code specialist}. */
    public static Builder builder(String specialist) {
        return new Builder(specialist);
    }

    @Override
    public String specialist() {
        return specialist;
    }

    @Override
    public ObjectNode config() {
        return config;
    }

    @Override
    public Secrets secrets() {
        return secrets;
    }

    /** The manual clock; advance it to test deadlines and timeouts. */
    @Override
    public ManualTime time() {
        return time;
    }

    /** The recording metrics. */
    @Override
    public RecordingMetrics metrics() {
        return metrics;
    }

    @Override
    public System.Logger logger() {
        return System.getLogger("dev.switchboard.specialist." + specialist);
    }

    /** The recording event publisher. */
    @Override
    public RecordingEvents events() {
        return events;
    }

    /** Builds a {@link TestSpecialistContext}; defaults: empty config, no secrets, {@link ManualTime#fixed()}. */
    public static final class Builder {
        private final String specialist;
        private ObjectNode config = Json.object();
        private final Map<String, String> secrets = new LinkedHashMap<>();
        private ManualTime time = ManualTime.fixed();

        private Builder(String specialist) {
            this.specialist = Objects.requireNonNull(specialist, "specialist");
        }

        /** Sets the configuration section. */
        public Builder config(ObjectNode value) {
            this.config = Objects.requireNonNull(value, "config");
            return this;
        }

        /** Sets the configuration section from JSON text. */
        public Builder config(String json) {
            return config(Json.object(json));
        }

        /** Adds a secret the specialist can resolve by {@code reference}. */
        public Builder secret(String reference, String value) {
            secrets.put(Objects.requireNonNull(reference, "reference"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /** Sets the clock (share one {@link ManualTime} between several contexts to move them together). */
        public Builder time(ManualTime value) {
            this.time = Objects.requireNonNull(value, "time");
            return this;
        }

        /** Builds the context. */
        public TestSpecialistContext build() {
            return new TestSpecialistContext(this);
        }
    }
}
