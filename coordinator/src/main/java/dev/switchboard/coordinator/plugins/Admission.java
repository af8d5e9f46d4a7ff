package dev.switchboard.coordinator.plugins;

import dev.switchboard.spi.Compensation;
import dev.switchboard.spi.OperationDescriptor;
import dev.switchboard.spi.QualityGateProvider;
import dev.switchboard.spi.Specialist;
import dev.switchboard.spi.SpecialistContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Admits candidates one at a time into a catalog under construction: validates each specialist's
 * name and operations, refuses a candidate that claims an operation, specialist name or gate type
 * someone admitted earlier claims, then starts its specialists. First come, first served, so the
 * caller's order decides. Not thread-safe (one snapshot build at a time).
 */
final class Admission {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]*");

    private final Function<String, SpecialistContext> contexts;
    final Map<String, SpecialistOperation> operations = new TreeMap<>();
    final Map<String, SpecialistContext> contextsByName = new HashMap<>();
    final List<QualityGateProvider> gates = new ArrayList<>();
    final List<PluginReport.Entry> entries = new ArrayList<>();
    final List<Specialist> started = new ArrayList<>();
    private final Map<String, String> operationOwners = new HashMap<>();
    private final Map<String, String> specialistOwners = new HashMap<>();
    private final Map<String, String> gateOwners = new HashMap<>();

    Admission(Function<String, SpecialistContext> contexts) {
        this.contexts = contexts;
    }

    /** A new admission that already holds everything this one admitted (started specialists excluded). */
    Admission seeded() {
        Admission next = new Admission(contexts);
        next.operations.putAll(operations);
        next.contextsByName.putAll(contextsByName);
        next.gates.addAll(gates);
        next.entries.addAll(entries);
        next.operationOwners.putAll(operationOwners);
        next.specialistOwners.putAll(specialistOwners);
        next.gateOwners.putAll(gateOwners);
        return next;
    }

    /** Records a source refused before it became a candidate. */
    void refused(String source, String pluginId, String reason, List<String> warnings) {
        entries.add(PluginReport.Entry.refused(source, pluginId, reason, warnings));
    }

    /** Validates, starts and registers {@code candidate}, or refuses it (and discards it). */
    void admit(Candidate candidate) {
        try {
            Map<Specialist, List<OperationDescriptor>> declared = declare(candidate);
            Map<String, SpecialistContext> ctx = start(candidate, declared);
            commit(candidate, declared, ctx);
        } catch (Refusal refusal) {
            candidate.discard().run();
            refused(candidate.source(), candidate.pluginId(), refusal.getMessage(), candidate.warnings());
        } catch (RuntimeException | LinkageError e) {
            candidate.discard().run();
            refused(candidate.source(), candidate.pluginId(), "unexpected error while admitting it: "
                    + Refusal.describe(e), candidate.warnings());
        }
    }

    private Map<Specialist, List<OperationDescriptor>> declare(Candidate candidate) {
        Map<Specialist, List<OperationDescriptor>> declared = new LinkedHashMap<>();
        Map<String, String> claims = new HashMap<>();
        for (Specialist specialist : candidate.specialists()) {
            String name = SpecialistProbe.name(specialist);
            if (!NAME.matcher(name).matches()) {
                throw new Refusal("specialist name '" + name + "' must be lower-kebab-case, like room");
            }
            claim(specialistOwners, "specialist name", name, candidate, claims);
            List<OperationDescriptor> ops = SpecialistProbe.operations(specialist, name);
            for (OperationDescriptor op : ops) {
                claim(operationOwners, "operation", op.name(), candidate, claims);
            }
            declared.put(specialist, ops);
        }
        for (QualityGateProvider gate : candidate.gates()) {
            claim(gateOwners, "gate type", SpecialistProbe.gateType(gate), candidate, claims);
        }
        if (declared.isEmpty() && candidate.gates().isEmpty()) {
            throw new Refusal("provides no Specialist or QualityGateProvider extension");
        }
        return declared;
    }

    private void claim(Map<String, String> owners, String what, String key, Candidate candidate,
            Map<String, String> claims) {
        String owner = owners.get(key);
        if (owner != null) {
            throw new Refusal(what + " '" + key + "' is already provided by " + owner
                    + "; " + candidate.label() + " may not claim it too (the first loaded keeps it)");
        }
        if (claims.put(what + ":" + key, key) != null) {
            throw new Refusal(what + " '" + key + "' is declared twice in " + candidate.label());
        }
    }

    private Map<String, SpecialistContext> start(
            Candidate candidate, Map<Specialist, List<OperationDescriptor>> declared) {
        Map<String, SpecialistContext> ctx = new HashMap<>();
        List<Specialist> startedHere = new ArrayList<>();
        for (Specialist specialist : declared.keySet()) {
            String name = SpecialistProbe.name(specialist);
            try {
                SpecialistContext context = contexts.apply(name);
                specialist.start(context);
                startedHere.add(specialist);
                ctx.put(name, context);
            } catch (RuntimeException | LinkageError e) {
                startedHere.reversed().forEach(SpecialistProbe::stopQuietly);
                throw new Refusal("specialist '" + name + "': start() failed: " + Refusal.describe(e));
            }
        }
        return ctx;
    }

    private void commit(Candidate candidate, Map<Specialist, List<OperationDescriptor>> declared,
            Map<String, SpecialistContext> ctx) {
        List<String> names = new ArrayList<>();
        declared.forEach((specialist, ops) -> {
            String name = SpecialistProbe.name(specialist);
            specialistOwners.put(name, candidate.label());
            for (OperationDescriptor op : ops) {
                operationOwners.put(op.name(), candidate.label());
                operations.put(op.name(), new SpecialistOperation(specialist, op, candidate.source()));
                names.add(op.name());
            }
            started.add(specialist);
        });
        contextsByName.putAll(ctx);
        for (QualityGateProvider gate : candidate.gates()) {
            gateOwners.put(SpecialistProbe.gateType(gate), candidate.label());
            gates.add(gate);
        }
        entries.add(PluginReport.Entry.loaded(candidate.source(), candidate.pluginId(), names, candidate.warnings()));
    }

    /** Checks that every compensation names an operation of the same specialist. */
    static void checkCompensations(String specialist, List<OperationDescriptor> ops) {
        for (OperationDescriptor op : ops) {
            if (op.compensation() instanceof Compensation.ByOperation by
                    && ops.stream().noneMatch(o -> o.name().equals(by.operation()))) {
                throw new Refusal("specialist '" + specialist + "': operation '" + op.name()
                        + "' is compensated by '" + by.operation() + "', which it does not declare");
            }
        }
    }
}
