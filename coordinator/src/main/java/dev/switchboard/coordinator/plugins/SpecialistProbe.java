package dev.switchboard.coordinator.plugins;

import dev.switchboard.spi.OperationDescriptor;
import dev.switchboard.spi.QualityGateProvider;
import dev.switchboard.spi.Specialist;
import java.util.List;
import java.util.Objects;

/**
 * Calls a specialist's or gate provider's declaration methods, turning whatever they throw (or a
 * null they return) into a {@link Refusal} that names the method. Stateless.
 */
final class SpecialistProbe {

    private static final System.Logger LOG = System.getLogger(SpecialistProbe.class.getName());

    private SpecialistProbe() {
    }

    static String name(Specialist specialist) {
        try {
            String name = specialist.name();
            if (name == null) {
                throw new Refusal("specialist " + specialist.getClass().getName() + ": name() returned null");
            }
            return name;
        } catch (RuntimeException | LinkageError e) {
            if (e instanceof Refusal r) {
                throw r;
            }
            throw new Refusal("specialist " + specialist.getClass().getName() + ": name() threw "
                    + Refusal.describe(e));
        }
    }

    static List<OperationDescriptor> operations(Specialist specialist, String name) {
        List<OperationDescriptor> ops;
        try {
            ops = specialist.operations();
        } catch (RuntimeException | LinkageError e) {
            throw new Refusal("specialist '" + name + "': operations() threw " + Refusal.describe(e));
        }
        if (ops == null || ops.isEmpty() || ops.stream().anyMatch(Objects::isNull)) {
            throw new Refusal("specialist '" + name + "': operations() returned no operations");
        }
        Admission.checkCompensations(name, ops);
        return List.copyOf(ops);
    }

    static String gateType(QualityGateProvider provider) {
        try {
            String type = provider.type();
            if (type == null || type.isBlank()) {
                throw new Refusal("gate provider " + provider.getClass().getName() + ": type() is empty");
            }
            return type;
        } catch (RuntimeException | LinkageError e) {
            if (e instanceof Refusal r) {
                throw r;
            }
            throw new Refusal("gate provider " + provider.getClass().getName() + ": type() threw "
                    + Refusal.describe(e));
        }
    }

    /** Stops a specialist, logging (not throwing) what goes wrong. */
    static void stopQuietly(Specialist specialist) {
        try {
            specialist.stop();
        } catch (RuntimeException | LinkageError e) {
            LOG.log(System.Logger.Level.WARNING, "stopping specialist " + specialist.getClass().getName()
                    + " failed: " + Refusal.describe(e));
        }
    }
}
