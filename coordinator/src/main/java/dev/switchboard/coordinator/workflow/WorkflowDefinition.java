package dev.switchboard.coordinator.workflow;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A workflow: ordered steps over declared inputs. Declared in TOML ({@code [workflows.NAME]}, read by
 * {@link WorkflowDefinitions}) or in Java with {@link #builder(String)}. Immutable.
 *
 * @param name the workflow's name, lower-kebab-case (dots allowed)
 * @param description one line for docs and listings
 * @param inputs the declared inputs
 * @param forwardRecoverable whether recovery after a crash resumes the run instead of rolling it back
 *     (default {@code false})
 * @param steps the steps, in order; never empty
 */
public record WorkflowDefinition(
        String name, String description, List<InputSpec> inputs, boolean forwardRecoverable,
        List<StepDefinition> steps) {

    /** Validates presence and copies; {@link #builder} and the engine check the rest. */
    public WorkflowDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        inputs = List.copyOf(inputs);
        steps = List.copyOf(steps);
    }

    /** A builder for the workflow {@code name}. */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** The input called {@code name}. */
    public Optional<InputSpec> input(String inputName) {
        return inputs.stream().filter(i -> i.name().equals(inputName)).findFirst();
    }

    /** The index of the step {@code id}, or -1. */
    int indexOf(String stepId) {
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).id().equals(stepId)) {
                return i;
            }
        }
        return -1;
    }

    /** Builds a {@link WorkflowDefinition}; not thread-safe. */
    public static final class Builder {
        private final String name;
        private String description = "";
        private final List<InputSpec> inputs = new ArrayList<>();
        private boolean forwardRecoverable;
        private final List<StepDefinition> steps = new ArrayList<>();

        private Builder(String name) {
            this.name = Objects.requireNonNull(name, "name");
        }

        /** Sets the description. Default: empty. */
        public Builder description(String value) {
            this.description = Objects.requireNonNull(value, "description");
            return this;
        }

        /** Declares an input. */
        public Builder input(InputSpec value) {
            inputs.add(Objects.requireNonNull(value, "input"));
            return this;
        }

        /** Whether a crashed run is resumed rather than rolled back. Default {@code false}. */
        public Builder forwardRecoverable(boolean value) {
            this.forwardRecoverable = value;
            return this;
        }

        /** Appends a step. */
        public Builder step(StepDefinition value) {
            steps.add(Objects.requireNonNull(value, "step"));
            return this;
        }

        /**
         * Builds the definition.
         *
         * @throws IllegalArgumentException naming the key and the rule when the name, a step id, an input
         *     or a template is invalid (operations are checked against the catalog when the workflow runs)
         */
        public WorkflowDefinition build() {
            WorkflowDefinition definition = new WorkflowDefinition(name, description, inputs, forwardRecoverable,
                    steps);
            List<DefinitionChecks.Issue> issues = DefinitionChecks.structure(definition);
            if (!issues.isEmpty()) {
                throw new IllegalArgumentException("workflow '" + name + "' is invalid:\n" + String.join("\n",
                        issues.stream().map(DefinitionChecks.Issue::toString).toList()));
            }
            return definition;
        }
    }
}
