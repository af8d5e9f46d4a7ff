package dev.switchboard.media.rtc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SoakDurationTest {

    @Test
    void tenMinutesInCiAndSkippedOtherwiseUnlessSet() {
        assertThat(SoakDuration.from(Map.of("CI", "true"))).contains(Duration.ofMinutes(10));
        assertThat(SoakDuration.from(Map.of())).isEmpty();
        assertThat(SoakDuration.from(Map.of("CI", "false"))).isEmpty();
        assertThat(SoakDuration.from(Map.of("SWITCHBOARD_SOAK_MINUTES", "0.5"))).contains(Duration.ofSeconds(30));
        assertThat(SoakDuration.from(Map.of("CI", "true", "SWITCHBOARD_SOAK_MINUTES", "2")))
                .contains(Duration.ofMinutes(2));
    }

    @Test
    void aBadValueIsNamed() {
        assertThatThrownBy(() -> SoakDuration.from(Map.of("SWITCHBOARD_SOAK_MINUTES", "ten")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SWITCHBOARD_SOAK_MINUTES='ten'");
        assertThatThrownBy(() -> SoakDuration.from(Map.of("SWITCHBOARD_SOAK_MINUTES", "0")))
                .hasMessageContaining("must be more than 0");
        assertThatThrownBy(() -> SoakDuration.from(Map.of("SWITCHBOARD_SOAK_MINUTES", "-3")))
                .hasMessageContaining("must be more than 0");
    }
}
