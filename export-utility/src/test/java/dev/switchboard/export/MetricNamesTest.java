package dev.switchboard.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.coordinator.Switchboard;
import dev.switchboard.spi.OperationDescriptor;
import dev.switchboard.spi.OperationRequest;
import dev.switchboard.spi.OperationResult;
import dev.switchboard.spi.Specialist;
import dev.switchboard.spi.SpecialistContext;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The metric names the docs export lists are the ones the coordinator registers. */
class MetricNamesTest {

    @TempDir
    Path modes;

    @Test
    void everyRegisteredCoordinatorMetricIsDocumented() throws IOException {
        Files.writeString(modes.resolve("router.toml"), """
                [router]
                root = "all"
                [router.nodes.all]
                when = [ { operation = "probe.*", specialist = "probe" } ]
                """);
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (Switchboard sb = Switchboard.builder().modes(modes).watchModes(false).specialist(new Probe())
                .meterRegistry(registry).build()) {
            sb.execute(OperationRequest.builder("probe.ok").build());
            sb.execute(OperationRequest.builder("probe.fail").build());
            sb.execute(OperationRequest.builder("probe.ok").param("unexpected", "x").build());
        }
        Set<String> registered = registry.getMeters().stream().map(Meter::getId).map(Meter.Id::getName)
                .filter(n -> n.startsWith("switchboard.")).collect(Collectors.toSet());
        Set<String> documented = MetricNames.ALL.stream().map(MetricNames.Metric::name).collect(Collectors.toSet());

        assertThat(registered).contains("switchboard.operation.latency", "switchboard.operation.errors",
                "switchboard.gate.rejections");
        assertThat(documented).containsAll(registered);
    }

    /** Two operations: one succeeds, one fails; both refuse unknown parameters. */
    static final class Probe implements Specialist {
        @Override
        public String name() {
            return "probe";
        }

        @Override
        public List<OperationDescriptor> operations() {
            String schema = "{\"type\":\"object\",\"additionalProperties\":false}";
            return List.of(OperationDescriptor.builder("probe.ok").inputSchema(schema).build(),
                    OperationDescriptor.builder("probe.fail").inputSchema(schema).build());
        }

        @Override
        public OperationResult execute(SpecialistContext context, OperationRequest request) {
            return request.operation().equals("probe.ok") ? OperationResult.success(dev.switchboard.spi.Json.object())
                    : OperationResult.failure("conflict", "probe.fail always fails");
        }
    }
}
