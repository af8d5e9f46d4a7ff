package dev.switchboard.qualitygates;

import dev.switchboard.spi.GateSettings;
import dev.switchboard.spi.QualityGate;
import dev.switchboard.spi.QualityGateProvider;
import java.time.Duration;
import org.pf4j.Extension;

/**
 * Builds {@code quota} gates. Keys: {@code limit} (requests per window, required), {@code window}
 * (required, at least 1ms; windows are aligned to the epoch), {@code key}, {@code path} and
 * {@code max-keys} as for {@code rate-limit}. Thread-safe.
 */
@Extension
public final class QuotaGateProvider implements QualityGateProvider {

    /** Creates the provider (for ServiceLoader and PF4J). */
    public QuotaGateProvider() {
        // stateless
    }

    @Override
    public String type() {
        return GateTypes.QUOTA;
    }

    @Override
    public QualityGate create(GateSettings settings) {
        Settings s = Settings.of(settings, LimitGateProviders.QUOTA_KEYS);
        int limit = s.positiveInt("limit");
        String windowText = s.string("window");
        Duration window = s.duration("window", windowText);
        if (window.toMillis() < 1) {
            throw s.invalid("window", "must be at least 1ms, got '" + windowText + "'");
        }
        LimitKey key = LimitKey.read(s);
        int maxKeys = s.positiveInt("max-keys", LimitGateProviders.DEFAULT_MAX_KEYS);
        return new QuotaGate(settings.name(), key, limit, window, windowText, maxKeys);
    }
}
