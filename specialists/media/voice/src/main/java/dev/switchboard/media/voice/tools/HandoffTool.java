package dev.switchboard.media.voice.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.media.voice.agent.Agent;
import dev.switchboard.media.voice.spi.ToolSpec;
import java.util.function.Supplier;

/** A tool {@code transfer_to_<agent>} that hands the conversation over. Thread-safe. */
final class HandoffTool implements Tool {

    private final ToolSpec spec;
    private final Supplier<Agent> target;

    HandoffTool(String targetName, String description, Supplier<Agent> target) {
        ObjectNode schema = JsonNodeFactory.instance.objectNode().put("type", "object");
        schema.putObject("properties");
        schema.put("additionalProperties", false);
        this.spec = new ToolSpec("transfer_to_" + targetName, description.isBlank()
                ? "Hand the conversation to the " + targetName + " agent." : description, schema);
        this.target = target;
    }

    @Override
    public ToolSpec spec() {
        return spec;
    }

    @Override
    public ToolOutcome invoke(JsonNode arguments, RunContext context) {
        return ToolOutcome.handoff(target.get());
    }
}
