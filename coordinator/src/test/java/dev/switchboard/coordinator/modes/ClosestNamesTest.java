package dev.switchboard.coordinator.modes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClosestNamesTest {

    private static final List<String> KNOWN = List.of("room.create", "room.delete", "room.list", "token.create",
            "egress.start");

    @Test
    void swapsAndTyposComeFirst() {
        assertThat(ClosestNames.of("room.craete", KNOWN, 3)).containsExactly("room.create", "room.delete", "room.list");
        assertThat(ClosestNames.of("tokn.create", KNOWN, 3)).first().isEqualTo("token.create");
    }

    @Test
    void theSameFamilyIsSuggestedEvenWhenFar() {
        assertThat(ClosestNames.of("room.remove-everything", KNOWN, 5))
                .containsExactlyInAnyOrder("room.create", "room.delete", "room.list");
    }

    @Test
    void nothingCloseGivesNothing() {
        assertThat(ClosestNames.of("sip.dial", KNOWN, 3)).isEmpty();
        assertThat(ClosestNames.distance("abc", "acb")).isEqualTo(1);
    }
}
