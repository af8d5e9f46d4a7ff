package dev.switchboard.coordinator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.coordinator.routing.RouteExplanation;
import dev.switchboard.spi.ConfigException;
import dev.switchboard.spi.FailureCode;
import dev.switchboard.spi.Json;
import dev.switchboard.spi.OperationRequest;
import dev.switchboard.spi.OperationResult;
import dev.switchboard.spi.SwitchboardEvent;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RoutingAndReloadTest {

    @TempDir
    Path dir;

    final CounterSpecialist counter = new CounterSpecialist();

    @Test
    void explainShowsThePathThroughTheDecisionTree() {
        try (Switchboard switchboard = build(TestModes.folder(dir, ""), false)) {
            RouteExplanation explanation = switchboard.explain(OperationRequest.builder("counter.add").build());

            assertThat(explanation.route()).hasValueSatisfying(route -> {
                assertThat(route.specialist()).isEqualTo("counter");
                assertThat(route.operation()).isEqualTo("counter.add");
                assertThat(route.path()).first().isEqualTo("start");
            });
            assertThat(explanation.steps()).anySatisfy(step -> {
                assertThat(step.matched()).isTrue();
                assertThat(step.location()).contains("coordinator.toml:");
            });
        }
    }

    @Test
    void aModesFolderWithAnUnsoundRouterIsRefusedAtBuildWithFileLineAndKey() throws Exception {
        Path modes = TestModes.folder(dir, "");
        Files.writeString(modes.resolve("coordinator.toml"), TestModes.ROUTER.replace("counter.*\", specialist",
                "counter.*\", run = \"counter.nope\", specialist"));

        assertThatThrownBy(() -> build(modes, false))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("coordinator.toml:")
                .hasMessageContaining("counter.nope");
    }

    @Test
    void aRejectedReloadKeepsTheRunningConfigAndAGoodOneSwapsIn() throws Exception {
        Path modes = TestModes.folder(dir, "[coordinator]\ndefault-timeout = \"5s\"\n");
        List<SwitchboardEvent> events = new CopyOnWriteArrayList<>();
        try (Switchboard switchboard = build(modes, true)) {
            switchboard.listen(events::add);

            Files.writeString(modes.resolve("extra.toml"), "[coordinator]\ndefault-timeout = 12\n");
            await(events, "modes.rejected");

            assertThat(events).filteredOn(e -> e.type().equals("modes.rejected")).first()
                    .satisfies(e -> assertThat(e.data().path("problems").get(0).path("location").asText())
                            .contains("extra.toml:2:coordinator.default-timeout"));
            assertThat(switchboard.execute(OperationRequest.builder("counter.add").param("name", "r").build())
                    .isSuccess()).isTrue();
            OperationResult slow = switchboard.execute(OperationRequest.builder("counter.sleep")
                    .params(Json.object().put("millis", 400)).build());
            assertThat(slow.isSuccess()).as("the 5s timeout still applies").isTrue();

            Files.writeString(modes.resolve("extra.toml"), "[coordinator]\ndefault-timeout = \"100ms\"\n");
            await(events, "modes.reloaded");

            OperationResult cut = switchboard.execute(OperationRequest.builder("counter.sleep")
                    .params(Json.object().put("millis", 2_000)).build());
            assertThat(((OperationResult.Failure) cut).code()).isEqualTo(FailureCode.DEADLINE_EXCEEDED);
        }
    }

    private Switchboard build(Path modes, boolean watch) {
        return Switchboard.builder().modes(modes).watchModes(watch).specialist(counter)
                .meterRegistry(new SimpleMeterRegistry()).environment(Map.of()).build();
    }

    private static void await(List<SwitchboardEvent> events, String type) throws InterruptedException {
        for (int i = 0; i < 1_000 && events.stream().noneMatch(e -> e.type().equals(type)); i++) {
            Thread.sleep(10);
        }
        assertThat(events).as("an event " + type).anyMatch(e -> e.type().equals(type));
    }
}
