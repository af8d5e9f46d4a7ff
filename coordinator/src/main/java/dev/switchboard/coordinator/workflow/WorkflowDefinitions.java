package dev.switchboard.coordinator.workflow;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.coordinator.modes.ModeSection;
import dev.switchboard.coordinator.modes.ModeSet;
import dev.switchboard.coordinator.plugins.OperationCatalog;
import dev.switchboard.spi.ConfigException;
import dev.switchboard.spi.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads workflows from the modes ({@code [workflows.NAME]} tables) and validates them against the
 * operation catalog. Stateless, thread-safe.
 */
public final class WorkflowDefinitions {

    /** The prefix of workflow tables in the modes. */
    public static final String SECTION_PREFIX = "workflows.";

    private WorkflowDefinitions() {
    }

    /**
     * Every workflow in {@code modes}, by name.
     *
     * @throws ConfigException with every problem of every workflow, each at {@code file:line:key}
     */
    public static Map<String, WorkflowDefinition> fromModes(ModeSet modes, OperationCatalog catalog) {
        Map<String, WorkflowDefinition> out = new LinkedHashMap<>();
        List<ConfigException.Problem> problems = new ArrayList<>();
        for (ModeSection section : modes.sectionsUnder(SECTION_PREFIX)) {
            try {
                WorkflowDefinition d = fromSection(section, catalog);
                out.put(d.name(), d);
            } catch (ConfigException e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return out;
    }

    /**
     * One workflow table; its name is the section path without {@code workflows.}.
     *
     * @throws ConfigException with every problem found, each at {@code file:line:key}
     */
    public static WorkflowDefinition fromSection(ModeSection section, OperationCatalog catalog) {
        String name = section.path().substring(SECTION_PREFIX.length()).replace("\"", "");
        TreeReader reader = new TreeReader();
        WorkflowDefinition definition = reader.read(name, section.tree());
        List<DefinitionChecks.Issue> issues = new ArrayList<>(reader.issues());
        issues.addAll(DefinitionChecks.structure(definition));
        issues.addAll(DefinitionChecks.operations(definition, catalog));
        if (!issues.isEmpty()) {
            throw new ConfigException(issues.stream().distinct()
                    .map(i -> new ConfigException.Problem(section.locator().locate(i.keyPath()), i.message()))
                    .toList());
        }
        return definition;
    }

    /**
     * Checks a definition built in Java against the catalog.
     *
     * @throws ConfigException at {@code workflow NAME:key} when a rule or operation is broken
     */
    public static void validate(WorkflowDefinition definition, OperationCatalog catalog) {
        List<DefinitionChecks.Issue> issues = new ArrayList<>(DefinitionChecks.structure(definition));
        issues.addAll(DefinitionChecks.operations(definition, catalog));
        if (!issues.isEmpty()) {
            throw new ConfigException(issues.stream().map(i -> new ConfigException.Problem(
                    "workflow " + definition.name() + ":" + i.keyPath(), i.message())).toList());
        }
    }

    /** The definition in its TOML shape as a JSON tree (how the journal stores it). */
    public static ObjectNode toTree(WorkflowDefinition d) {
        ObjectNode o = Json.object().put("description", d.description()).put("forward-recoverable",
                d.forwardRecoverable());
        ObjectNode inputs = o.putObject("inputs");
        for (InputSpec in : d.inputs()) {
            ObjectNode i = inputs.putObject(in.name()).put("type", in.type().label()).put("required", in.required())
                    .put("description", in.description());
            if (!in.defaultValue().isMissingNode()) {
                i.set("default", in.defaultValue());
            }
        }
        ArrayNode steps = o.putArray("steps");
        for (StepDefinition s : d.steps()) {
            ObjectNode step = steps.addObject().put("id", s.id()).put("operation", s.operation());
            step.set("params", s.params());
            if (!s.when().isEmpty()) {
                step.put("when", s.when());
            }
            switch (s.compensation()) {
                case StepDefinition.ByOperation by -> step.put("compensation", by.operation());
                case StepDefinition.Disabled off -> step.put("compensate", false);
                case StepDefinition.FromOperation from -> {
                    // the default needs no key
                }
            }
        }
        return o;
    }

    /**
     * Reads a definition stored by {@link #toTree}.
     *
     * @throws IllegalArgumentException when the tree is not a valid definition
     */
    static WorkflowDefinition fromTree(String name, ObjectNode tree) {
        TreeReader reader = new TreeReader();
        WorkflowDefinition d = reader.read(name, tree);
        List<DefinitionChecks.Issue> issues = new ArrayList<>(reader.issues());
        issues.addAll(DefinitionChecks.structure(d));
        if (!issues.isEmpty()) {
            throw new IllegalArgumentException("stored definition of '" + name + "' is invalid: " + issues);
        }
        return d;
    }
}
