package dev.switchboard.coordinator.workflow;

import dev.switchboard.coordinator.plugins.OperationCatalog;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules a workflow definition must follow, reported as issues at key paths relative to the
 * workflow's table ({@code steps[1].params.room}). Stateless, thread-safe.
 */
final class DefinitionChecks {

    static final Pattern WORKFLOW_NAME = Pattern.compile("[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)*");
    static final Pattern STEP_ID = Pattern.compile("[a-z][a-z0-9-]*");
    static final Pattern INPUT_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");

    /** One problem at one key path. */
    record Issue(String keyPath, String message) {
        @Override
        public String toString() {
            return (keyPath.isEmpty() ? "(workflow)" : keyPath) + ": " + message;
        }
    }

    private DefinitionChecks() {
    }

    /** Names, unique step ids, inputs and template references. */
    static List<Issue> structure(WorkflowDefinition d) {
        List<Issue> issues = new ArrayList<>();
        if (!WORKFLOW_NAME.matcher(d.name()).matches()) {
            issues.add(new Issue("", "workflow name '" + d.name() + "' must be lower-kebab-case, like session-start"));
        }
        Set<String> inputNames = new HashSet<>();
        for (InputSpec input : d.inputs()) {
            if (!INPUT_NAME.matcher(input.name()).matches()) {
                issues.add(new Issue("inputs." + input.name(), "input name must be letters, digits, '-' or '_'"));
            }
            if (!inputNames.add(input.name())) {
                issues.add(new Issue("inputs." + input.name(), "input '" + input.name() + "' is declared twice"));
            }
            if (!input.defaultValue().isMissingNode() && !input.type().accepts(input.defaultValue())) {
                issues.add(new Issue("inputs." + input.name() + ".default",
                        "default is not of type " + input.type().label()));
            }
        }
        if (d.steps().isEmpty()) {
            issues.add(new Issue("steps", "a workflow needs at least one step"));
        }
        Set<String> earlier = new HashSet<>();
        Set<String> all = new HashSet<>();
        d.steps().forEach(s -> all.add(s.id()));
        for (int i = 0; i < d.steps().size(); i++) {
            StepDefinition step = d.steps().get(i);
            String at = "steps[" + i + "]";
            if (!STEP_ID.matcher(step.id()).matches()) {
                issues.add(new Issue(at + ".id", "step id '" + step.id() + "' must be lower-kebab-case"));
            } else if (earlier.contains(step.id())) {
                issues.add(new Issue(at + ".id", "duplicate step id '" + step.id() + "'"));
            }
            Map<String, String> strings = new LinkedHashMap<>();
            Templates.strings(step.params(), at + ".params", strings);
            if (!step.when().isEmpty()) {
                strings.put(at + ".when", step.when());
            }
            strings.forEach((key, text) -> checkTemplate(key, text, inputNames, earlier, all, step.id(), issues));
            earlier.add(step.id());
        }
        return issues;
    }

    private static void checkTemplate(String key, String text, Set<String> inputs, Set<String> earlier,
            Set<String> all, String self, List<Issue> issues) {
        String syntax = Templates.syntaxError(text);
        if (!syntax.isEmpty()) {
            issues.add(new Issue(key, syntax));
            return;
        }
        for (List<String> ref : Templates.references(text)) {
            String problem = referenceProblem(ref, inputs, earlier, all, self);
            if (!problem.isEmpty()) {
                issues.add(new Issue(key, problem));
            }
        }
    }

    private static String referenceProblem(List<String> ref, Set<String> inputs, Set<String> earlier,
            Set<String> all, String self) {
        String shown = "'${" + String.join(".", ref) + "}'";
        return switch (ref.get(0)) {
            case "inputs" -> ref.size() < 2 ? shown + " must name an input, like ${inputs.room}"
                    : inputs.contains(ref.get(1)) ? "" : shown + " references unknown input '" + ref.get(1)
                    + "' (declared: " + String.join(", ", inputs.stream().sorted().toList()) + ")";
            case "steps" -> stepProblem(ref, shown, earlier, all, self);
            case "workflow" -> ref.size() == 2 && (ref.get(1).equals("id") || ref.get(1).equals("name")) ? ""
                    : shown + ": only ${workflow.id} and ${workflow.name} exist";
            default -> shown + " must start with inputs., steps. or workflow.";
        };
    }

    private static String stepProblem(List<String> ref, String shown, Set<String> earlier, Set<String> all,
            String self) {
        if (ref.size() < 3 || !ref.get(2).equals("output")) {
            return shown + " must have the form ${steps.STEP-ID.output...}";
        }
        String step = ref.get(1);
        if (earlier.contains(step)) {
            return "";
        }
        if (step.equals(self)) {
            return shown + " references the step's own output";
        }
        return all.contains(step) ? shown + " references step '" + step + "', which runs later"
                : shown + " references unknown step '" + step + "'";
    }

    /** Every operation and compensation override must be known to the catalog. */
    static List<Issue> operations(WorkflowDefinition d, OperationCatalog catalog) {
        List<Issue> issues = new ArrayList<>();
        for (int i = 0; i < d.steps().size(); i++) {
            StepDefinition step = d.steps().get(i);
            if (catalog.find(step.operation()).isEmpty()) {
                issues.add(new Issue("steps[" + i + "].operation", "unknown operation '" + step.operation() + "'"));
            }
            if (step.compensation() instanceof StepDefinition.ByOperation by
                    && catalog.find(by.operation()).isEmpty()) {
                issues.add(new Issue("steps[" + i + "].compensation",
                        "unknown compensation operation '" + by.operation() + "'"));
            }
        }
        return issues;
    }
}
