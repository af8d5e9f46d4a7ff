package dev.switchboard.specialist.auth;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.spi.ConfigException;
import dev.switchboard.spi.EventPublisher;
import dev.switchboard.spi.Json;
import dev.switchboard.spi.Metrics;
import dev.switchboard.spi.Secret;
import dev.switchboard.spi.Secrets;
import dev.switchboard.spi.SpecialistContext;
import dev.switchboard.spi.TimeSource;
import java.text.MessageFormat;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.concurrent.CopyOnWriteArrayList;

/** A real (not mocked) SpecialistContext for the auth tests: env-map secrets, a settable clock, a recording logger. */
final class TestContext implements SpecialistContext {

    private final ObjectNode config;
    private final Map<String, String> env;
    private volatile Instant now;
    final List<String> logLines = new CopyOnWriteArrayList<>();

    TestContext(String configJson, Map<String, String> env, Instant now) {
        this.config = Json.object(configJson);
        this.env = Map.copyOf(env);
        this.now = now;
    }

    void advance(Duration d) {
        now = now.plus(d);
    }

    @Override
    public String specialist() {
        return "auth";
    }

    @Override
    public ObjectNode config() {
        return config.deepCopy();
    }

    @Override
    public Secrets secrets() {
        return new Secrets() {
            @Override
            public Secret resolve(String reference) {
                return find(reference).orElseThrow(() -> new ConfigException(reference, "unresolved secret reference"));
            }

            @Override
            public Optional<Secret> find(String reference) {
                String name = reference.startsWith("${") ? reference.substring(2, reference.length() - 1)
                        : reference.startsWith("env:") ? reference.substring(4) : reference;
                return Optional.ofNullable(env.get(name)).map(v -> Secret.of(reference, v));
            }
        };
    }

    @Override
    public TimeSource time() {
        return new TimeSource() {
            @Override
            public Instant now() {
                return now;
            }

            @Override
            public long nanos() {
                return System.nanoTime();
            }
        };
    }

    @Override
    public Metrics metrics() {
        return Metrics.none();
    }

    @Override
    public System.Logger logger() {
        return new System.Logger() {
            @Override
            public String getName() {
                return "auth";
            }

            @Override
            public boolean isLoggable(Level level) {
                return true;
            }

            @Override
            public void log(Level level, ResourceBundle bundle, String msg, Throwable thrown) {
                logLines.add(msg + (thrown == null ? "" : " " + thrown));
            }

            @Override
            public void log(Level level, ResourceBundle bundle, String format, Object... params) {
                logLines.add(params == null ? format : MessageFormat.format(format, params));
            }
        };
    }

    @Override
    public EventPublisher events() {
        return event -> { };
    }
}
