package dev.switchboard.qualitygates;

import dev.switchboard.spi.GateSettings;
import dev.switchboard.spi.QualityGate;
import dev.switchboard.spi.QualityGateProvider;
import java.time.Duration;
import org.pf4j.Extension;

/**
 * Builds {@code rate-limit} gates. Keys: {@code limit} (permits per period, required),
 * {@code period} (default {@code 1s}), {@code key} ({@code caller}, {@code operation}, {@code param}
 * or {@code global}; default {@code caller}), {@code path} (with {@code key = "param"}),
 * {@code max-keys} (distinct keys tracked before new keys share one budget; default 10000).
 * Thread-safe.
 */
@Extension
public final class RateLimitGateProvider implements QualityGateProvider {

    /** Creates the provider (for ServiceLoader and PF4J). */
    public RateLimitGateProvider() {
        // stateless
    }

    @Override
    public String type() {
        return GateTypes.RATE_LIMIT;
    }

    @Override
    public QualityGate create(GateSettings settings) {
        Settings s = Settings.of(settings, LimitGateProviders.RATE_KEYS);
        int limit = s.positiveInt("limit");
        Duration period = s.duration("period", "1s");
        LimitKey key = LimitKey.read(s);
        int maxKeys = s.positiveInt("max-keys", LimitGateProviders.DEFAULT_MAX_KEYS);
        return new RateLimitGate(settings.name(), key, limit, period, s.optionalString("period").orElse("1s"), maxKeys);
    }
}
