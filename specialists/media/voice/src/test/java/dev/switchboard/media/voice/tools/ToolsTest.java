package dev.switchboard.media.voice.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.spi.ConfigException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** JSON Schema generation from {@link FunctionTool} methods, and the definitions it refuses. */
class ToolsTest {

    enum Unit { CELSIUS, FAHRENHEIT }

    record Address(String street, int number) {
    }

    /** Tools with every supported parameter kind. */
    public static final class Good {
        /** A tool. */
        @FunctionTool(value = "Weather for a city", timeoutMillis = 2_000)
        public String weather(@Param("The city") String city, @Param(value = "Unit", required = false) Unit unit,
                              RunContext context) {
            return city + unit;
        }

        /** Another tool. */
        @FunctionTool(value = "Books a table", name = "book_table")
        public void book(int people, double budget, boolean outside, List<String> names, Address address) {
        }
    }

    /** A tool with a parameter type that has no schema. */
    public static final class Bad {
        /** A tool. */
        @FunctionTool("Broken")
        public String broken(Thread thread) {
            return "";
        }
    }

    /** Two tools with one name. */
    public static final class Twice {
        /** A tool. */
        @FunctionTool(value = "One", name = "same")
        public String one() {
            return "";
        }

        /** A tool. */
        @FunctionTool(value = "Two", name = "same")
        public String two() {
            return "";
        }
    }

    @Test
    void schemaFromParameterTypesAndDescriptions() {
        List<Tool> tools = Tools.from(new Good());
        assertThat(tools).extracting(t -> t.spec().name()).containsExactly("book_table", "weather");
        Tool weather = tools.get(1);
        assertThat(weather.timeout().toMillis()).isEqualTo(2_000);
        assertThat(weather.spec().description()).isEqualTo("Weather for a city");
        assertThat(weather.spec().parameters().toString()).isEqualTo("{\"type\":\"object\",\"properties\":{"
                + "\"city\":{\"type\":\"string\",\"description\":\"The city\"},"
                + "\"unit\":{\"type\":\"string\",\"enum\":[\"CELSIUS\",\"FAHRENHEIT\"],\"description\":\"Unit\"}},"
                + "\"required\":[\"city\"],\"additionalProperties\":false}");
        assertThat(tools.get(0).spec().parameters().toString()).isEqualTo("{\"type\":\"object\",\"properties\":{"
                + "\"people\":{\"type\":\"integer\"},\"budget\":{\"type\":\"number\"},"
                + "\"outside\":{\"type\":\"boolean\"},"
                + "\"names\":{\"type\":\"array\",\"items\":{\"type\":\"string\"}},"
                + "\"address\":{\"type\":\"object\",\"properties\":{\"street\":{\"type\":\"string\"},"
                + "\"number\":{\"type\":\"integer\"}},\"required\":[\"street\",\"number\"],"
                + "\"additionalProperties\":false}},"
                + "\"required\":[\"people\",\"budget\",\"outside\",\"names\",\"address\"],"
                + "\"additionalProperties\":false}");
    }

    @Test
    void unsupportedParameterTypeIsNamed() {
        assertThatThrownBy(() -> Tools.from(new Bad())).isInstanceOf(ConfigException.class)
                .hasMessageContaining("ToolsTest$Bad.broken(thread)").hasMessageContaining("java.lang.Thread");
    }

    @Test
    void duplicateNamesAreRefused() {
        assertThatThrownBy(() -> Tools.from(new Twice())).isInstanceOf(ConfigException.class)
                .hasMessageContaining("duplicate tool name 'same'");
    }

    private static dev.switchboard.media.voice.agent.Agent never() {
        throw new AssertionError("the target is only built when the tool is called");
    }

    @Test
    void handoffToolNamesAreChecked() {
        assertThat(Tools.handoff("billing", "", ToolsTest::never).spec().name())
                .isEqualTo("transfer_to_billing");
        assertThatThrownBy(() -> Tools.handoff("bad name", "", ToolsTest::never))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bad name");
    }
}
