package dev.switchboard.coordinator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.coordinator.cli.Main;
import dev.switchboard.coordinator.journal.Journal;
import dev.switchboard.coordinator.journal.JournalRecord;
import dev.switchboard.coordinator.modes.ModeRegistry;
import dev.switchboard.coordinator.plugins.OperationCatalog;
import dev.switchboard.coordinator.plugins.SpecialistOperation;
import dev.switchboard.coordinator.workflow.WorkflowDefinition;
import dev.switchboard.coordinator.workflow.WorkflowDefinitions;
import dev.switchboard.coordinator.workflow.WorkflowResult;
import dev.switchboard.spi.Caller;
import dev.switchboard.spi.Json;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A failing workflow rolls back; a workflow a crash left unfinished is compensated at the next start. */
class WorkflowAndRecoveryTest {

    static final String WORKFLOW = """
            [workflows.pair]
            description = "Adds two counters, then fails"

            [workflows.pair.inputs]
            name = { type = "string", required = true }

            [[workflows.pair.steps]]
            id = "add-a"
            operation = "counter.add"
            params = { name = "${inputs.name}" }

            [[workflows.pair.steps]]
            id = "add-b"
            operation = "counter.add"
            params = { name = "${inputs.name}" }

            [[workflows.pair.steps]]
            id = "fail"
            operation = "counter.boom"
            """;

    @TempDir
    Path dir;

    final CounterSpecialist counter = new CounterSpecialist();

    @Test
    void aFailingWorkflowRollsBackInReverseOrder() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        try (Switchboard switchboard = Switchboard.builder().modes(TestModes.folder(dir, WORKFLOW))
                .specialist(counter).meterRegistry(meters).environment(Map.of()).build()) {
            WorkflowResult result = switchboard.run("pair", Json.object().put("name", "w"), Caller.of("test"));

            assertThat(result).isInstanceOfSatisfying(WorkflowResult.RolledBack.class, r -> {
                assertThat(r.failedStep()).isEqualTo("fail");
                assertThat(r.compensated()).containsExactly("add-b", "add-a");
            });
            assertThat(counter.count("w")).isZero();
            assertThat(meters.get("switchboard.compensations").tag("operation", "counter.remove").counter().count())
                    .isEqualTo(2);
        }
    }

    @Test
    void aBuiltInWorkflowWhosePluginsAreMissingIsUnavailableNotAConfigError() {
        try (Switchboard switchboard = Switchboard.builder().specialist(counter)
                .meterRegistry(new SimpleMeterRegistry()).environment(Map.of()).build()) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                            switchboard.run("session.start", Json.object().put("room", "r").put("user", "u"),
                                    Caller.of("test")))
                    .isInstanceOf(dev.switchboard.coordinator.workflow.WorkflowException.class)
                    .hasMessageContaining("workflow 'session.start' is unavailable")
                    .hasMessageContaining("room.create").hasMessageContaining("token.mint");
        }
    }

    @Test
    void anOperatorWorkflowNamingAnUnknownOperationIsStillAConfigError() {
        String bad = WORKFLOW.replace("operation = \"counter.boom\"", "operation = \"counter.bom\"");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Switchboard.builder()
                        .modes(TestModes.folder(dir, bad)).specialist(counter).environment(Map.of()).build())
                .isInstanceOf(dev.switchboard.spi.ConfigException.class)
                .hasMessageContaining("counter.bom");
    }

    @Test
    void anUnfinishedWorkflowInTheJournalIsCompensatedAtTheNextStart() throws Exception {
        Path journalFile = dir.resolve("crash.journal");
        String run = "pair-crashed";
        WorkflowDefinition pair = WorkflowDefinitions.fromModes(ModeRegistry.parse("pair.toml", WORKFLOW),
                catalog()).get("pair");
        ObjectNode params = Json.object().put("name", "c");
        counter.execute(null, dev.switchboard.spi.OperationRequest.builder("counter.add").params(params).build());
        try (Journal journal = Journal.builder(journalFile).build()) {
            Instant at = Instant.now();
            journal.append(new JournalRecord.WorkflowStarted(run, "pair", WorkflowDefinitions.toTree(pair), params,
                    Caller.of("test"), at));
            journal.append(new JournalRecord.StepStarted(run, "add-a", "counter.add", run + "/add-a", params,
                    "counter.remove", false, at));
            journal.append(new JournalRecord.StepSucceeded(run, "add-a", Json.object().put("count", 1), params, at));
        }
        assertThat(counter.count("c")).isEqualTo(1);

        try (Switchboard restarted = Switchboard.builder().modes(TestModes.folder(dir, WORKFLOW)).journal(journalFile)
                .specialist(counter).meterRegistry(new SimpleMeterRegistry()).environment(Map.of()).build()) {
            assertThat(counter.count("c")).as("the crashed run's step was compensated").isZero();
            assertThat(((dev.switchboard.coordinator.internal.Coordinator) restarted).recovery().workflows())
                    .extracting(WorkflowResult::workflowId).containsExactly(run);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = Main.run(new String[] {"--journal", journalFile.toString(), "journal", "list"},
                new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), Map.of());
        assertThat(code).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains(run).contains("rolled-back");
        assertThat(Files.size(journalFile)).isPositive();
    }

    private OperationCatalog catalog() {
        return new OperationCatalog() {
            @Override
            public Optional<SpecialistOperation> find(String name) {
                return all().stream().filter(o -> o.descriptor().name().equals(name)).findFirst();
            }

            @Override
            public Collection<SpecialistOperation> all() {
                return counter.operations().stream().map(d -> new SpecialistOperation(counter, d, "test")).toList();
            }
        };
    }
}
