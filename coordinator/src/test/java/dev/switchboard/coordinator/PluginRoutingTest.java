package dev.switchboard.coordinator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.coordinator.plugins.SpecialistOperation;
import dev.switchboard.spi.OperationRequest;
import dev.switchboard.spi.OperationResult;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A request routed to a specialist that was dropped into the plugins folder as a JAR. */
class PluginRoutingTest {

    @TempDir
    Path dir;

    @Test
    void aRequestIsRoutedToADroppedInPluginWhileABrokenJarIsLeftOut() {
        try (Switchboard switchboard = Switchboard.builder().plugins(TestPlugins.folder(dir))
                .modes(TestPlugins.modes(dir)).specialist(new CounterSpecialist())
                .meterRegistry(new SimpleMeterRegistry()).environment(Map.of()).build()) {
            OperationResult result = switchboard.execute(OperationRequest.builder("echo.say")
                    .param("text", "hello").build());

            assertThat(result.field("said").asText()).isEqualTo("hello");
            assertThat(result.field("by").asText()).isEqualTo("plugin");
            assertThat(switchboard.operations()).extracting(SpecialistOperation::origin).contains("echo.jar");
            assertThat(switchboard.explain(OperationRequest.builder("echo.say").build()).route())
                    .hasValueSatisfying(r -> assertThat(r.specialist()).isEqualTo("echo"));
            assertThat(switchboard.execute(OperationRequest.builder("counter.add").param("name", "p").build())
                    .isSuccess()).isTrue();
        }
    }
}
