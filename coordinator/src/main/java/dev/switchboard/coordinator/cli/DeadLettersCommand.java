package dev.switchboard.coordinator.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.switchboard.coordinator.Switchboard;
import dev.switchboard.coordinator.internal.Coordinator;
import dev.switchboard.coordinator.journal.JournalRecord;
import dev.switchboard.spi.Json;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code switchboard dead-letters list|retry ID}: compensations that kept failing. Not thread-safe. */
@Command(name = "dead-letters", description = "List and retry compensations that kept failing.",
        subcommands = {DeadLettersCommand.ListLetters.class, DeadLettersCommand.Retry.class})
final class DeadLettersCommand implements Runnable {

    @ParentCommand
    private Main main;

    @Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand: list or retry");
    }

    /** {@code dead-letters list}. */
    @Command(name = "list", description = "The open dead letters, oldest first.")
    static final class ListLetters implements Callable<Integer> {
        @ParentCommand
        private DeadLettersCommand parent;

        @Spec
        private CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            List<JournalRecord.DeadLettered> letters = JournalCommand.read(parent.main, spec.commandLine())
                    .deadLetters();
            ArrayNode doc = Json.mapper().createArrayNode();
            StringBuilder text = new StringBuilder();
            for (JournalRecord.DeadLettered d : letters) {
                String id = d.runId() + "/" + d.stepId();
                doc.addObject().put("id", id).put("operation", d.operation()).put("reason", d.reason())
                        .put("at", d.at().toString());
                text.append(String.format("%-56s %-24s %s%n", id, d.operation(), d.reason()));
            }
            parent.main.printer().either(doc, text.isEmpty() ? "no dead letters\n" : text.toString());
            return ExitCodes.OK;
        }
    }

    /** {@code dead-letters retry ID}. */
    @Command(name = "retry", description = "Run a parked compensation again.")
    static final class Retry implements Callable<Integer> {
        @ParentCommand
        private DeadLettersCommand parent;

        @Spec
        private CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "ID", description = "The dead letter's id, RUN-ID/STEP-ID.")
        private String id;

        @Override
        public Integer call() {
            JournalCommand.file(parent.main, spec.commandLine());
            try (Switchboard switchboard = parent.main.open(true)) {
                boolean done = ((Coordinator) switchboard).retryDeadLetter(id);
                parent.main.printer().either(Json.object().put("id", id).put("resolved", done),
                        id + (done ? ": compensated, resolved\n" : ": the compensation still fails; still parked\n"));
                return done ? ExitCodes.OK : ExitCodes.FAILED;
            }
        }
    }
}
