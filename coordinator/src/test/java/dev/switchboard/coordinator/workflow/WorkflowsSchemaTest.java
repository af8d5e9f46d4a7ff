package dev.switchboard.coordinator.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.io.InputStream;
import org.everit.json.schema.Schema;
import org.everit.json.schema.ValidationException;
import org.everit.json.schema.loader.SchemaLoader;
import org.json.JSONObject;
import org.json.JSONTokener;
import org.junit.jupiter.api.Test;

/**
 * The published schema (applied by mode.schema.json to the value of the {@code workflows} table)
 * accepts what the reader accepts and refuses what it refuses.
 */
class WorkflowsSchemaTest {

    private static Schema schema() throws Exception {
        try (InputStream in = WorkflowsSchemaTest.class.getResourceAsStream("/schema/workflows.schema.json")) {
            assertThat(in).as("schema/workflows.schema.json on the classpath (modes module)").isNotNull();
            return SchemaLoader.load(new JSONObject(new JSONTokener(in)));
        }
    }

    private static JSONObject toml(String text) throws Exception {
        return new JSONObject(new TomlMapper().readTree(text).path("workflows").toString());
    }

    @Test
    void theDocumentedExampleIsValid() throws Exception {
        schema().validate(toml(WorkflowDefinitionsTest.GOOD));
    }

    @Test
    void unknownStepKeysAndBadIdsAreInvalid() throws Exception {
        Schema schema = schema();
        assertThatThrownBy(() -> schema.validate(toml(WorkflowDefinitionsTest.GOOD.replace("id = \"note\"",
                "id = \"Note\""))))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> schema.validate(toml(WorkflowDefinitionsTest.GOOD.replace("compensate = false",
                "compensate = false\nretry = 3"))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.getAllMessages())
                        .anySatisfy(m -> assertThat(m).contains("extraneous key [retry]")));
        assertThatThrownBy(() -> schema.validate(toml(WorkflowDefinitionsTest.GOOD.replace("compensate = false",
                "compensate = false\ncompensation = \"room.delete\""))))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> schema.validate(toml("[workflows.empty]\ndescription = \"x\"\n")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("steps");
    }
}
