package dev.switchboard.coordinator.gates;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.switchboard.coordinator.modes.ModeSection;
import dev.switchboard.qualitygates.GateTypes;
import dev.switchboard.spi.ConfigException;
import dev.switchboard.spi.GateSettings;
import dev.switchboard.spi.OperationDescriptor;
import dev.switchboard.spi.QualityGate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.stream.Collectors;

/**
 * The {@link GatePolicy} of the modes: the {@code [[gates]]} tables, plus three gates every
 * operation gets unless a declared gate of the same name applies to it: {@code input-schema}
 * (json-schema of its own input schema), {@code confirmation} (only when destructive) and
 * {@code post-verify}. Immutable and thread-safe; chains are built once per operation and cached.
 */
public final class ModeGatePolicy implements GatePolicy {

    /** Name of the default json-schema gate. */
    public static final String INPUT_SCHEMA = "input-schema";
    /** Name of the default confirmation gate (destructive operations). */
    public static final String CONFIRMATION = "confirmation";
    /** Name of the default post-verify gate. */
    public static final String POST_VERIFY = "post-verify";

    private final List<DeclaredGate> declared;
    private final DeclaredGate inputSchema;
    private final DeclaredGate confirmation;
    private final DeclaredGate postVerify;
    // by operation name, one map per destructive flag: a plain get on the request path
    private final ConcurrentMap<String, GateChain> chains = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, GateChain> destructiveChains = new ConcurrentHashMap<>();

    private ModeGatePolicy(List<DeclaredGate> declared, GateProviders providers) {
        this.declared = List.copyOf(declared);
        this.inputSchema = builtIn(providers, INPUT_SCHEMA, GateTypes.JSON_SCHEMA);
        this.confirmation = builtIn(providers, CONFIRMATION, GateTypes.CONFIRMATION);
        this.postVerify = builtIn(providers, POST_VERIFY, GateTypes.POST_VERIFY);
    }

    /**
     * Builds the policy from the {@code [[gates]]} sections ({@code ModeSet.sectionsUnder("gates[")}).
     *
     * @throws ConfigException listing every problem found, each at {@code file:line:key}: unknown
     *     gate type, bad settings, missing or malformed name/type/applies-to, a name used twice
     */
    public static ModeGatePolicy build(List<ModeSection> gateSections, GateProviders providers) {
        GateSectionReader reader = new GateSectionReader(providers);
        List<DeclaredGate> declared = new ArrayList<>();
        List<ConfigException.Problem> problems = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        for (ModeSection section : gateSections) {
            JsonNode name = section.tree().path(GateSectionReader.NAME);
            String first = name.isTextual() ? seen.putIfAbsent(name.asText(), section.locator().locate("")) : null;
            if (first != null) {
                problems.addAll(section.invalid(GateSectionReader.NAME, "gate name '" + name.asText()
                        + "' is already declared at " + first).problems());
                continue;
            }
            try {
                declared.add(reader.read(section));
            } catch (ConfigException e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return new ModeGatePolicy(declared, providers);
    }

    @Override
    public List<QualityGate> gatesFor(OperationDescriptor operation) {
        return chainFor(operation).gates();
    }

    @Override
    public GateChain chainFor(OperationDescriptor operation) {
        boolean destructive = operation.destructive();
        ConcurrentMap<String, GateChain> byName = destructive ? destructiveChains : chains;
        GateChain chain = byName.get(operation.name());
        return chain != null ? chain : byName.computeIfAbsent(operation.name(), name -> chain(name, destructive));
    }

    /** The names of the declared gates, in declaration order. */
    public List<String> declaredNames() {
        return declared.stream().map(d -> d.gate().name()).toList();
    }

    private GateChain chain(String operation, boolean destructive) {
        List<QualityGate> gates = new ArrayList<>();
        for (DeclaredGate d : declared) {
            if (d.appliesTo(operation)) {
                gates.add(d.gate());
            }
        }
        Set<String> names = gates.stream().map(QualityGate::name).collect(Collectors.toSet());
        List<DeclaredGate> defaults = destructive
                ? List.of(inputSchema, confirmation, postVerify)
                : List.of(inputSchema, postVerify);
        for (DeclaredGate d : defaults) {
            if (!names.contains(d.gate().name())) {
                gates.add(d.gate());
            }
        }
        gates.sort(Comparator.comparingInt(QualityGate::weight));
        return GateChain.of(gates);
    }

    private static DeclaredGate builtIn(GateProviders providers, String name, String type) {
        var provider = providers.find(type).orElseThrow(() -> new ConfigException("built-in gate " + name,
                "no provider for gate type '" + type + "'; is switchboard-quality-gates on the class path?"));
        QualityGate gate = provider.create(new GateSettings(name, type, JsonNodeFactory.instance.objectNode(),
                "built-in gate " + name));
        return new DeclaredGate(gate, List.of(), "built-in");
    }
}
