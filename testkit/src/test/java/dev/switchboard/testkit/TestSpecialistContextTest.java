package dev.switchboard.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.spi.ConfigException;
import dev.switchboard.spi.Json;
import dev.switchboard.spi.SwitchboardEvent;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TestSpecialistContextTest {

    @Test
    void holdsConfigAndResolvesOnlyTheSecretsItWasGiven() {
        TestSpecialistContext ctx = TestSpecialistContext.builder("room")
                .config("{\"region\":\"eu\"}").secret("${LIVEKIT_API_SECRET}", "s3cr3t-value").build();

        assertThat(ctx.specialist()).isEqualTo("room");
        assertThat(ctx.config().path("region").asText()).isEqualTo("eu");
        assertThat(ctx.secrets().resolve("${LIVEKIT_API_SECRET}").reveal()).isEqualTo("s3cr3t-value");
        assertThat(ctx.secrets().find("${OTHER}")).isEmpty();
        assertThatThrownBy(() -> ctx.secrets().resolve("${OTHER}")).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("${OTHER}: no such secret")
                .hasMessageNotContaining("s3cr3t-value");
    }

    @Test
    void manualTimeMovesOnlyWhenAdvanced() {
        ManualTime time = ManualTime.at(Instant.parse("2030-05-01T10:00:00Z"));
        TestSpecialistContext ctx = TestSpecialistContext.builder("room").time(time).build();

        time.advance(Duration.ofMillis(1500));

        assertThat(ctx.time().now()).isEqualTo(Instant.parse("2030-05-01T10:00:01.500Z"));
        assertThat(ctx.time().nanos()).isEqualTo(1_500_000_000L);
        assertThatThrownBy(() -> time.advance(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("step:");
    }

    @Test
    void recordsMetricsAndEvents() {
        TestSpecialistContext ctx = TestSpecialistContext.builder("room").build();

        ctx.metrics().increment("room.create.calls", "outcome", "ok");
        ctx.metrics().increment("room.create.calls", "outcome", "ok");
        ctx.metrics().record("room.create.time", Duration.ofMillis(7));
        ctx.events().publish(new SwitchboardEvent("room.created", "room", ctx.time().now(), Json.object()));

        assertThat(ctx.metrics().count("room.create.calls", "outcome", "ok")).isEqualTo(2);
        assertThat(ctx.metrics().count("room.create.calls")).isZero();
        assertThat(ctx.metrics().counters()).containsEntry("room.create.calls{outcome=ok}", 2L);
        assertThat(ctx.metrics().timings("room.create.time")).containsExactly(Duration.ofMillis(7));
        assertThat(ctx.events().ofType("room.created")).hasSize(1);
        assertThat(ctx.events().all()).hasSize(1);
        assertThatThrownBy(() -> ctx.metrics().increment("x", "lonely"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("tags:");
    }
}
