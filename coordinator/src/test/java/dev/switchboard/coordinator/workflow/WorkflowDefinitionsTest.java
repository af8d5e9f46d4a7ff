package dev.switchboard.coordinator.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.spi.ConfigException;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkflowDefinitionsTest {

    static final String GOOD = """
            [workflows.session-start]
            description = "Create a room and maybe record it"
            forward-recoverable = false

            [workflows.session-start.inputs]
            room = { type = "string", required = true, description = "the room name" }
            record = { type = "boolean", default = false }
            max = "integer"

            [[workflows.session-start.steps]]
            id = "create-room"
            operation = "room.create"
            params = { name = "${inputs.room}", max = "${inputs.max}" }

            [[workflows.session-start.steps]]
            id = "start-recording"
            operation = "rec.start"
            when = "${inputs.record}"
            params = { room = "${steps.create-room.output.name}" }
            compensation = "rec.stop"

            [[workflows.session-start.steps]]
            id = "note"
            operation = "test.echo"
            compensate = false
            params = { text = "room ${steps.create-room.output.sid}" }
            """;

    final TestCatalog catalog = new TestCatalog(new TestSpecialist(Effects.inMemory()));

    @Test
    void readsAWorkflowTable() {
        WorkflowDefinition d = WorkflowDefinitions.fromModes(TomlSections.parse("modes/s.toml", GOOD), catalog)
                .get("session-start");

        assertThat(d.description()).isEqualTo("Create a room and maybe record it");
        assertThat(d.forwardRecoverable()).isFalse();
        assertThat(d.inputs()).extracting(i -> i.name() + ":" + i.type().label() + ":" + i.required())
                .containsExactly("room:string:true", "record:boolean:false", "max:integer:true");
        assertThat(d.input("record").orElseThrow().defaultValue().asBoolean()).isFalse();
        assertThat(d.steps()).extracting(StepDefinition::id).containsExactly("create-room", "start-recording", "note");
        assertThat(d.steps().get(1).when()).isEqualTo("${inputs.record}");
        assertThat(d.steps().get(1).compensation()).isEqualTo(new StepDefinition.ByOperation("rec.stop"));
        assertThat(d.steps().get(2).compensation()).isInstanceOf(StepDefinition.Disabled.class);
        assertThat(d.steps().get(0).compensation()).isInstanceOf(StepDefinition.FromOperation.class);
    }

    @Test
    void theStoredTreeReadsBackToTheSameDefinition() {
        WorkflowDefinition d = WorkflowDefinitions.fromModes(TomlSections.parse("s.toml", GOOD), catalog)
                .get("session-start");
        assertThat(WorkflowDefinitions.fromTree(d.name(), WorkflowDefinitions.toTree(d))).isEqualTo(d);
    }

    @Test
    void unknownOperationIsReportedAtFileLineKey() {
        assertThat(problems(GOOD.replace("operation = \"rec.start\"", "operation = \"rec.strat\"")))
                .containsExactly("modes/s.toml:17:workflows.session-start.steps[1].operation: unknown operation"
                        + " 'rec.strat'");
    }

    @Test
    void unknownInputIsReportedAtTheParam() {
        assertThat(problems(GOOD.replace("${inputs.room}", "${inputs.rom}")))
                .containsExactly("modes/s.toml:13:workflows.session-start.steps[0].params.name: '${inputs.rom}'"
                        + " references unknown input 'rom' (declared: max, record, room)");
    }

    @Test
    void outputOfALaterStepIsRejected() {
        String toml = GOOD.replace("${steps.create-room.output.name}", "${steps.note.output.text}");
        assertThat(problems(toml)).containsExactly("modes/s.toml:19:workflows.session-start.steps[1].params.room:"
                + " '${steps.note.output.text}' references step 'note', which runs later");
    }

    @Test
    void outputOfAnUnknownStepAndABadConditionAreRejected() {
        String toml = GOOD.replace("${steps.create-room.output.sid}", "${steps.creat-room.output.sid}")
                .replace("when = \"${inputs.record}\"", "when = \"${inputs.record\"");
        assertThat(problems(toml)).containsExactly(
                "modes/s.toml:18:workflows.session-start.steps[1].when: unclosed '${' in template",
                "modes/s.toml:26:workflows.session-start.steps[2].params.text: '${steps.creat-room.output.sid}'"
                        + " references unknown step 'creat-room'");
    }

    @Test
    void duplicateStepIdsAreRejected() {
        assertThat(problems(GOOD.replace("id = \"note\"", "id = \"create-room\"")))
                .containsExactly("modes/s.toml:23:workflows.session-start.steps[2].id: duplicate step id"
                        + " 'create-room'");
    }

    @Test
    void unknownKeysAndWrongTypesAreRejected() {
        String toml = GOOD.replace("forward-recoverable = false", "forward-recoverable = \"no\"\nretries = 3")
                .replace("compensate = false", "compensate = false\ncompensation = \"room.delete\"");
        assertThat(problems(toml)).containsExactly(
                "modes/s.toml:4:workflows.session-start.retries: unknown key 'retries' (expected one of description,"
                        + " forward-recoverable, inputs, steps)",
                "modes/s.toml:3:workflows.session-start.forward-recoverable: must be true or false, not string",
                "modes/s.toml:26:workflows.session-start.steps[2].compensate: compensate = false contradicts"
                        + " compensation = \"…\"");
    }

    @Test
    void badInputDeclarationsAreRejected() {
        String toml = GOOD.replace("max = \"integer\"", "max = \"int\"")
                .replace("record = { type = \"boolean\", default = false }",
                        "record = { type = \"boolean\", default = \"yes\" }");
        assertThat(problems(toml)).containsExactly(
                "modes/s.toml:8:workflows.session-start.inputs.max: unknown type 'int' (string, integer, number,"
                        + " boolean, object, array, any)",
                "modes/s.toml:7:workflows.session-start.inputs.record.default: default is not of type boolean");
    }

    @Test
    void aWorkflowWithoutStepsIsRejected() {
        String toml = "[workflows.empty]\ndescription = \"nothing\"\n";
        assertThat(problems(toml)).containsExactly(
                "modes/s.toml:1:workflows.empty.steps: a workflow needs at least one step");
    }

    @Test
    void theJavaBuilderRejectsTheSameMistakes() {
        assertThatThrownBy(() -> WorkflowDefinition.builder("Bad Name")
                .step(StepDefinition.of("a", "room.create", "{\"name\":\"${steps.a.output.name}\"}"))
                .step(StepDefinition.of("a", "room.create", "{}"))
                .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("workflow name 'Bad Name' must be lower-kebab-case")
                .hasMessageContaining("steps[0].params.name: '${steps.a.output.name}' references the step's own output")
                .hasMessageContaining("steps[1].id: duplicate step id 'a'");
    }

    private List<String> problems(String toml) {
        try {
            WorkflowDefinitions.fromModes(TomlSections.parse("modes/s.toml", toml), catalog);
        } catch (ConfigException e) {
            return e.problems().stream().map(ConfigException.Problem::toString).toList();
        }
        throw new AssertionError("expected a ConfigException");
    }
}
