package dev.switchboard.media.rtc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The server's participant kinds reach both sides: a token with the agent grant makes an agent. */
class ParticipantKindTest {

    @RegisterExtension
    static final RtcRooms ROOMS = RtcRooms.namespace();

    @Test
    void anAgentGrantMakesAnAgentAndAPlainTokenAStandardParticipant() throws Exception {
        try (RoomSession agent = ROOMS.agent("agent", "kinds");
             RoomSession user = ROOMS.join("user", "kinds")) {
            SignallingTest.waitUntil(() -> !agent.remoteParticipants().isEmpty()
                    && !user.remoteParticipants().isEmpty());
            assertThat(agent.remoteParticipants()).singleElement()
                    .satisfies(p -> assertThat(p.identity()).isEqualTo("user"))
                    .extracting(Participant::kind).isEqualTo(ParticipantKind.STANDARD);
            assertThat(user.remoteParticipants()).singleElement()
                    .satisfies(p -> assertThat(p.identity()).isEqualTo("agent"))
                    .extracting(Participant::kind).isEqualTo(ParticipantKind.AGENT);
            assertThat(agent.localParticipant().kind()).isEqualTo(ParticipantKind.AGENT);
        }
    }
}
