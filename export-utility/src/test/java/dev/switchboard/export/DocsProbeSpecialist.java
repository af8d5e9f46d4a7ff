package dev.switchboard.export;

import dev.switchboard.spi.Json;
import dev.switchboard.spi.OperationDescriptor;
import dev.switchboard.spi.OperationRequest;
import dev.switchboard.spi.OperationResult;
import dev.switchboard.spi.Specialist;
import dev.switchboard.spi.SpecialistContext;
import java.util.List;

/**
 * A classpath specialist (META-INF/services in the test resources) whose operations the docs export
 * documents: one compensated by the other, which is destructive. Stateless, thread-safe.
 */
public final class DocsProbeSpecialist implements Specialist {

    /** For ServiceLoader. */
    public DocsProbeSpecialist() {
    }

    @Override
    public String name() {
        return "docsprobe";
    }

    @Override
    public List<OperationDescriptor> operations() {
        return List.of(OperationDescriptor.builder("docsprobe.create").description("Creates a probe thing.")
                        .inputSchema("{\"type\":\"object\",\"required\":[\"label\"],"
                                + "\"properties\":{\"label\":{\"type\":\"string\"}}}")
                        .compensatedBy("docsprobe.delete").idempotent(true).build(),
                OperationDescriptor.builder("docsprobe.delete").description("Deletes a probe thing.")
                        .destructive(true).build());
    }

    @Override
    public OperationResult execute(SpecialistContext context, OperationRequest request) {
        return OperationResult.success(Json.object());
    }
}
