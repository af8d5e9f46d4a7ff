package dev.switchboard.specialist.data;

import dev.switchboard.spi.GateCheck;
import dev.switchboard.spi.GateSettings;
import dev.switchboard.spi.GateVerdict;
import dev.switchboard.spi.QualityGate;
import dev.switchboard.spi.QualityGateProvider;
import org.pf4j.Extension;

/**
 * Gate type {@code data-size}: refuses {@code data.send} payloads over the reliable or lossy limit
 * before anything reaches LiveKit. Keys: {@code max-reliable-bytes}, {@code max-lossy-bytes}.
 * Weight 350 (after naming, before the schema-heavy checks). Thread-safe.
 */
@Extension
public final class DataSizeGateProvider implements QualityGateProvider {

    /** Created by PF4J or {@link java.util.ServiceLoader}. */
    public DataSizeGateProvider() {
    }

    @Override
    public String type() {
        return "data-size";
    }

    @Override
    public QualityGate create(GateSettings settings) {
        DataLimits limits = DataLimits.from(settings.settings());
        if (limits.maxReliableBytes() <= 0) {
            throw settings.invalid("max-reliable-bytes", "must be a positive number of bytes");
        }
        if (limits.maxLossyBytes() <= 0) {
            throw settings.invalid("max-lossy-bytes", "must be a positive number of bytes");
        }
        return new QualityGate() {
            @Override
            public String name() {
                return settings.name();
            }

            @Override
            public int weight() {
                return 350;
            }

            @Override
            public GateVerdict before(GateCheck check) {
                return limits.check(check.request().params()).map(GateVerdict::block).orElse(GateVerdict.pass());
            }
        };
    }
}
