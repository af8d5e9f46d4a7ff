package dev.switchboard.media.rtc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Text data streams (what agents send on {@code lk.transcription}) and own attributes, through a real server. */
class TextStreamAndAttributesTest {

    @RegisterExtension
    static final RtcRooms ROOMS = RtcRooms.namespace();

    @Test
    void textStreamArrivesWholeWithAttributesAndOwnAttributesReachOthers() throws Exception {
        var streams = new ConcurrentLinkedQueue<TextStream>();
        var updates = new ConcurrentLinkedQueue<Participant>();
        try (RoomSession agent = ROOMS.agent("agent", "streams");
             RoomSession user = ROOMS.join("user", "streams")) {
            user.addListener(new RoomListener() {
                @Override
                public void onTextStream(TextStream stream) {
                    streams.add(stream);
                }

                @Override
                public void onParticipantUpdated(Participant participant) {
                    updates.add(participant);
                }
            });
            SignallingTest.waitUntil(() -> !agent.remoteParticipants().isEmpty());
            String longText = "word ".repeat(7_000);
            agent.sendText("lk.transcription", "hello there", Map.of("lk.segment_id", "SG_1",
                    "lk.transcription_final", "true"), List.of());
            agent.sendText("long", longText, Map.of(), List.of("user"));
            agent.setAttributes(Map.of("lk.agent.state", "listening"));
            SignallingTest.waitUntil(() -> streams.size() == 2 && updates.stream()
                    .anyMatch(p -> "listening".equals(p.attributes().get("lk.agent.state"))));
            assertThat(streams).hasSize(2);
            TextStream first = streams.peek();
            assertThat(first.senderIdentity()).isEqualTo("agent");
            assertThat(first.topic()).isEqualTo("lk.transcription");
            assertThat(first.text()).isEqualTo("hello there");
            assertThat(first.attributes()).containsEntry("lk.segment_id", "SG_1")
                    .containsEntry("lk.transcription_final", "true");
            assertThat(streams).extracting(TextStream::text).contains(longText);
            assertThat(updates).anyMatch(p -> p.identity().equals("agent")
                    && "listening".equals(p.attributes().get("lk.agent.state")));
        }
    }
}
