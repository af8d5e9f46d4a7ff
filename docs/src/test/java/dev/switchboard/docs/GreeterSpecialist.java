package dev.switchboard.docs;

import dev.switchboard.spi.Json;
import dev.switchboard.spi.OperationDescriptor;
import dev.switchboard.spi.OperationRequest;
import dev.switchboard.spi.OperationResult;
import dev.switchboard.spi.Specialist;
import dev.switchboard.spi.SpecialistContext;
import java.util.List;

// tag::specialist[]
/** A specialist written in the host application: greets by name. Stateless, thread-safe. */
public final class GreeterSpecialist implements Specialist {

    @Override
    public String name() {
        return "greeter";
    }

    @Override
    public List<OperationDescriptor> operations() {
        return List.of(OperationDescriptor.builder("greeting.say")
                .description("Greets someone by name.")
                .inputSchema("""
                        {"type": "object", "required": ["name"],
                         "properties": {"name": {"type": "string", "minLength": 1}}}""")
                .build());
    }

    @Override
    public OperationResult execute(SpecialistContext context, OperationRequest request) {
        String greeting = context.config().path("greeting").asText("Hello");
        String name = request.params().path("name").asText();
        return OperationResult.success(Json.object().put("text", greeting + ", " + name + "!"));
    }
}
// end::specialist[]
