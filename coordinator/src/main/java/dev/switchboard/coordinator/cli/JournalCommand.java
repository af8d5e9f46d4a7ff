package dev.switchboard.coordinator.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.coordinator.Switchboard;
import dev.switchboard.coordinator.internal.Coordinator;
import dev.switchboard.coordinator.journal.Journal;
import dev.switchboard.coordinator.journal.JournalRecord;
import dev.switchboard.coordinator.journal.JournalView;
import dev.switchboard.coordinator.journal.RunSummary;
import dev.switchboard.coordinator.workflow.RecoveryReport;
import dev.switchboard.coordinator.workflow.WorkflowResult;
import dev.switchboard.spi.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code switchboard journal list|show ID|recover}. Not thread-safe. */
@Command(name = "journal", description = "Inspect the journal and recover unfinished workflows.",
        subcommands = {JournalCommand.ListRuns.class, JournalCommand.Show.class, JournalCommand.Recover.class})
final class JournalCommand implements Runnable {

    @ParentCommand
    Main main;

    @Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand: list, show or recover");
    }

    /** The journal file of the global options, which must exist; a usage error otherwise. */
    static Path file(Main main, CommandLine cmd) {
        Path file = main.journalFile().orElseThrow(() -> new CommandLine.ParameterException(cmd,
                "no journal: give --journal FILE or set SWITCHBOARD_JOURNAL"));
        if (!Files.isRegularFile(file)) {
            throw new CommandLine.ParameterException(cmd, "--journal " + file + ": no such file");
        }
        return file;
    }

    /** Reads the journal (read-only, no lock) and warns about a corrupt tail on stderr. */
    static JournalView read(Main main, CommandLine cmd) {
        JournalView view = Journal.read(file(main, cmd));
        view.corruption().ifPresent(c -> cmd.getErr().println("warning: the journal has a bad tail at byte "
                + c.offset() + " (" + c.reason().name().toLowerCase(Locale.ROOT) + ", " + c.badBytes()
                + " bytes not read): " + c.detail()));
        return view;
    }

    /** {@code journal list}. */
    @Command(name = "list", description = "Every journaled run: id, kind, name, state.")
    static final class ListRuns implements Callable<Integer> {
        @ParentCommand
        private JournalCommand parent;

        @Spec
        private CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            List<RunSummary> runs = read(parent.main, spec.commandLine()).runs();
            ArrayNode doc = Json.mapper().createArrayNode();
            StringBuilder text = new StringBuilder();
            for (RunSummary r : runs) {
                doc.addObject().put("id", r.runId()).put("kind", r.kind().name().toLowerCase(Locale.ROOT))
                        .put("name", r.name()).put("state", r.state().label())
                        .put("started", r.startedAt().toString()).put("updated", r.updatedAt().toString())
                        .put("records", r.records());
                text.append(String.format("%-48s %-8s %-24s %-13s %s%n", r.runId(),
                        r.kind().name().toLowerCase(Locale.ROOT), r.name(), r.state().label(), r.startedAt()));
            }
            parent.main.printer().either(doc, text.isEmpty() ? "the journal has no runs\n" : text.toString());
            return ExitCodes.OK;
        }
    }

    /** {@code journal show ID}. */
    @Command(name = "show", description = "The records of one run, in the order they were written.")
    static final class Show implements Callable<Integer> {
        @ParentCommand
        private JournalCommand parent;

        @Spec
        private CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "ID", description = "The run id (see journal list).")
        private String id;

        @Override
        public Integer call() {
            Optional<List<JournalRecord>> records = read(parent.main, spec.commandLine()).records(id);
            if (records.isEmpty()) {
                parent.main.printer().problems("not_found", "the journal has no run '" + id + "'", List.of());
                return ExitCodes.FAILED;
            }
            ArrayNode doc = Json.mapper().createArrayNode();
            StringBuilder text = new StringBuilder();
            for (JournalRecord r : records.get()) {
                ObjectNode json = r.toJson();
                doc.add(json);
                text.append(r.at()).append("  ").append(r.type()).append("  ").append(json).append('\n');
            }
            parent.main.printer().either(doc, text.toString());
            return ExitCodes.OK;
        }
    }

    /** {@code journal recover}. */
    @Command(name = "recover", description = "Compensate (or resume) the workflows a crash left unfinished.")
    static final class Recover implements Callable<Integer> {
        @ParentCommand
        private JournalCommand parent;

        @Spec
        private CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            file(parent.main, spec.commandLine());
            try (Switchboard switchboard = parent.main.open(true)) {
                RecoveryReport report = ((Coordinator) switchboard).recovery();
                ObjectNode doc = Json.object();
                ArrayNode workflows = doc.putArray("workflows");
                StringBuilder text = new StringBuilder();
                for (WorkflowResult w : report.workflows()) {
                    String state = w instanceof WorkflowResult.Completed ? "completed" : "rolled-back";
                    ObjectNode entry = workflows.addObject().put("id", w.workflowId()).put("state", state);
                    if (w instanceof WorkflowResult.RolledBack rb) {
                        rb.compensated().forEach(entry.putArray("compensated")::add);
                        rb.deadLettered().forEach(entry.putArray("dead-lettered")::add);
                        text.append(w.workflowId()).append(": rolled back; compensated ").append(rb.compensated())
                                .append(rb.deadLettered().isEmpty() ? "" : "; dead-lettered " + rb.deadLettered())
                                .append('\n');
                    } else {
                        text.append(w.workflowId()).append(": resumed and completed\n");
                    }
                }
                report.inDoubtExecutes().forEach(doc.putArray("in-doubt-executes")::add);
                report.inDoubtExecutes().forEach(id -> text.append(id).append(": single execute in doubt\n"));
                parent.main.printer().either(doc, text.isEmpty() ? "nothing to recover\n" : text.toString());
                boolean parked = report.workflows().stream()
                        .anyMatch(w -> w instanceof WorkflowResult.RolledBack rb && !rb.deadLettered().isEmpty());
                return parked ? ExitCodes.FAILED : ExitCodes.OK;
            }
        }
    }
}
