package dev.switchboard.coordinator.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.coordinator.Switchboard;
import dev.switchboard.coordinator.workflow.WorkflowResult;
import dev.switchboard.spi.Caller;
import dev.switchboard.spi.Json;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code switchboard workflow run NAME}: runs a workflow; exit 0 completed, 6 rolled back. Not thread-safe. */
@Command(name = "workflow", description = "Run workflows.", subcommands = WorkflowCommand.Run.class)
final class WorkflowCommand implements Runnable {

    @ParentCommand
    private Main main;

    @Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand: run");
    }

    /** {@code workflow run NAME --input k=v}. */
    @Command(name = "run", description = "Run a workflow; a failing step rolls back the steps before it.")
    static final class Run implements Callable<Integer> {

        @ParentCommand
        private WorkflowCommand parent;

        @Spec
        private CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "NAME", description = "The workflow, e.g. session-start.")
        private String name;

        @Option(names = {"-i", "--input"}, paramLabel = "NAME=VALUE",
                description = "An input: name=text, or name:=json for a typed value.")
        private List<String> inputs = new ArrayList<>();

        @Option(names = "--json", paramLabel = "FILE", description = "Inputs from a JSON object file ('-' for stdin).")
        private Path json;

        @Option(names = "--principal", defaultValue = "cli", description = "The caller's principal (default: cli).")
        private String principal;

        @Option(names = "--role", paramLabel = "ROLE", description = "A caller role (repeatable).")
        private List<String> roles = new ArrayList<>();

        @Override
        public Integer call() throws Exception {
            Main main = parent.main;
            ObjectNode values = ParamParser.parse(spec.commandLine(), json, inputs, main.in());
            try (Switchboard switchboard = main.open(true)) {
                Waiting waiting = Waiting.start(main.progress(), name);
                AutoCloseable events = switchboard.listen(waiting::on);
                WorkflowResult result;
                try {
                    result = switchboard.run(name, values, new Caller(principal, Set.copyOf(roles)));
                } finally {
                    events.close();
                    waiting.close();
                }
                return print(main.printer(), result);
            }
        }

        private static int print(Printer printer, WorkflowResult result) {
            switch (result) {
                case WorkflowResult.Completed c -> {
                    ObjectNode doc = Json.object().put("status", "completed").put("workflow-id", c.workflowId());
                    doc.set("outputs", c.outputs());
                    printer.either(doc, "workflow " + c.workflowId() + " completed\n" + Printer.pretty(c.outputs())
                            + "\n");
                    return ExitCodes.OK;
                }
                case WorkflowResult.RolledBack r -> {
                    ObjectNode doc = Json.object().put("status", "rolled-back").put("workflow-id", r.workflowId())
                            .put("failed-step", r.failedStep()).put("code", r.failure().code())
                            .put("message", r.failure().message());
                    doc.set("violations", Printer.violations(r.failure().violations()));
                    r.compensated().forEach(doc.putArray("compensated")::add);
                    r.deadLettered().forEach(doc.putArray("dead-lettered")::add);
                    printer.either(doc, "workflow " + r.workflowId() + " rolled back: step '" + r.failedStep()
                            + "' failed: " + r.failure().code() + ": " + r.failure().message()
                            + "\n  compensated: " + r.compensated()
                            + (r.deadLettered().isEmpty() ? "" : "\n  dead-lettered: " + r.deadLettered()) + "\n");
                    return ExitCodes.ROLLED_BACK;
                }
            }
        }
    }
}
