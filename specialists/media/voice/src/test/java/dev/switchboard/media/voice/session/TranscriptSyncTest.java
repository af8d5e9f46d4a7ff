package dev.switchboard.media.voice.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.media.rtc.RoomSession;
import dev.switchboard.media.rtc.RtcRooms;
import dev.switchboard.media.rtc.TextStream;
import dev.switchboard.media.voice.agent.Agent;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Synchronized transcription in a real room: while the agent speaks, the user receives interim
 * {@code lk.transcription} segments that grow word by word with the audio, each a prefix of the final one;
 * with it off, one interim segment holds the whole text from the start.
 */
class TranscriptSyncTest {

    @RegisterExtension
    static final RtcRooms ROOMS = RtcRooms.namespace();

    private static final String LINE = "This is a rather long sentence the agent says so that the user can read it"
            + " while it is being spoken.";

    private static List<TextStream> agentSegments(TestUser user) {
        return user.transcripts.stream()
                .filter(t -> t.attributes().getOrDefault("lk.segment_id", "").startsWith("SG_agent_")).toList();
    }

    private static List<String> interims(List<TextStream> segments) {
        return segments.stream().filter(t -> "false".equals(t.attributes().get("lk.transcription_final")))
                .map(TextStream::text).toList();
    }

    private List<TextStream> speak(String room, boolean sync) throws Exception {
        SessionOptions options = SessionOptions.builder(new EnergyVad(400)).tts(new ToneTts(120, 10))
                .syncTranscription(sync).build();
        try (RoomSession agentRoom = ROOMS.agent("agent", room);
             TestUser user = TestUser.join(ROOMS, room);
             AgentSession session = AgentSession.start(agentRoom, Agent.builder("speaker").build(), options)) {
            TestUser.waitFor(() -> user.states.contains("listening"), 10_000);
            session.say(LINE);
            TestUser.waitFor(() -> user.finals("SG_agent_").contains(LINE), 20_000);
            assertThat(user.finals("SG_agent_")).as("the final segment holds what was heard: all of it")
                    .containsExactly(LINE);
            return agentSegments(user);
        }
    }

    @Test
    void theAgentsWordsAppearAsTheyAreSpoken() throws Exception {
        List<String> interims = interims(speak("synced", true));
        System.out.println("interim segments: " + interims.size() + " " + interims);
        assertThat(interims.size()).as("the line took ~3 s: revealed in many steps").isGreaterThanOrEqualTo(5);
        assertThat(interims.getFirst().length()).as("the first step shows the first words, not the line")
                .isLessThan(LINE.length() / 2);
        for (int i = 0; i < interims.size(); i++) {
            String shown = interims.get(i);
            assertThat(LINE).as("step %d is a prefix of the line", i).startsWith(shown);
            assertThat(LINE.length() == shown.length() || LINE.charAt(shown.length()) == ' ')
                    .as("step %d ends on a word: '%s'", i, shown).isTrue();
            if (i > 0) {
                assertThat(shown.length()).as("step %d grows", i).isGreaterThan(interims.get(i - 1).length());
            }
        }
    }

    @Test
    void withSyncOffTheWholeLineComesFirst() throws Exception {
        assertThat(interims(speak("unsynced", false))).containsExactly(LINE);
    }
}
