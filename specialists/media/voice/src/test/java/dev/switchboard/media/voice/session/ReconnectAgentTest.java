package dev.switchboard.media.voice.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.media.rtc.ConnectionChange;
import dev.switchboard.media.rtc.ConnectionState;
import dev.switchboard.media.rtc.LeaveReason;
import dev.switchboard.media.rtc.Participant;
import dev.switchboard.media.rtc.ReconnectPolicy;
import dev.switchboard.media.rtc.RemoteAudioTrack;
import dev.switchboard.media.rtc.RoomListener;
import dev.switchboard.media.rtc.RoomSession;
import dev.switchboard.media.rtc.RtcRooms;
import dev.switchboard.media.voice.agent.Agent;
import dev.switchboard.media.voice.spi.ChatMessage;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * One {@link AgentSession} keeps serving its user through the room reconnecting, in a real room: a cut
 * link (both sides resume, same sids) and a server restart (both sides rejoin: new participant and track
 * sids; the session follows the user's new track and its state attribute is set again). Each time the user
 * talks afterwards and hears the answer; prints the time from the cut or kill to the answer being heard.
 * Finally a user who leaves on purpose still ends the session at once.
 */
class ReconnectAgentTest {

    @RegisterExtension
    static final RtcRooms ROOMS = RtcRooms.namespace();

    /** The user's return timeout where a test waits for it. */
    private static final Duration RETURN_TIMEOUT = Duration.ofSeconds(2);

    /**
     * While the link is down one attempt may hang for the join timeout (see the rtc ReconnectTest), so the
     * cut test resumes for 30 s.
     */
    private static final ReconnectPolicy LONG_RESUME = ReconnectPolicy.builder()
            .resumeWindow(Duration.ofSeconds(30)).build();

    @Test
    void aCutLinkResumesAndTheUserIsAnsweredAfterwards() throws Exception {
        Changes atAgent = new Changes();
        Changes atUser = new Changes();
        try (RoomSession agentRoom = ROOMS.join("agent", "cut", true, LONG_RESUME);
             TestUser user = new TestUser(ROOMS.join("user", "cut", false, LONG_RESUME), "agent");
             AgentSession session = AgentSession.start(agentRoom, Agent.builder("answers").build(), options())) {
            agentRoom.addListener(atAgent);
            user.room.addListener(atUser);
            Turn first = turn(user, "first turn");
            String agentSid = agentRoom.localParticipant().sid();
            String userSid = user.room.localParticipant().sid();
            String micSid = user.micTrackSid();

            long cut = System.nanoTime();
            ROOMS.server().cutNetwork(Duration.ofSeconds(9));   // ICE notices (~5 s) plus the 2 s grace
            long restored = System.nanoTime();
            awaitBoth(ConnectionChange.Resumed.class, atAgent, atUser);
            long resumed = System.nanoTime();
            assertThat(agentRoom.localParticipant().sid()).isEqualTo(agentSid);
            assertThat(user.room.localParticipant().sid()).isEqualTo(userSid);
            assertThat(session.state()).isNotEqualTo(AgentState.CLOSED);
            int statesBefore = user.states.size();

            Turn next = turn(user, "second turn");
            System.out.printf("reconnect-agent/cut: link down %d ms; both resumed %d ms after the restore (agent"
                            + " downtime %d ms); the next turn's answer heard %d ms after the cut, %d ms after the"
                            + " restore, %d ms after the user stopped (turn before the cut: %d ms); agent events %s%n",
                    (restored - cut) / 1_000_000, (resumed - restored) / 1_000_000,
                    atAgent.last(ConnectionChange.Resumed.class).orElseThrow().downtime().toMillis(),
                    (next.heard() - cut) / 1_000_000, (next.heard() - restored) / 1_000_000, next.millis(),
                    first.millis(), atAgent.changes);
            assertThat(user.states.subList(statesBefore, user.states.size())).as("states at the user after the cut")
                    .containsSubsequence("thinking", "speaking", "listening");
            assertThat(user.micTrackSid()).isEqualTo(micSid);
            assertThat(transcribedTracks(user, "second turn")).containsOnly(micSid);
            assertThat(atAgent.last(ConnectionChange.Rejoined.class)).isEmpty();
        }
    }

    @Test
    void aServerRestartRejoinsEveryoneAndTheSameSessionAnswersTheNewTrack() throws Exception {
        Changes atAgent = new Changes();
        Changes atUser = new Changes();
        List<RemoteAudioTrack> agentTracks = new CopyOnWriteArrayList<>();
        try (RoomSession agentRoom = ROOMS.join("agent", "restart", true, ReconnectPolicy.defaults());
             TestUser user = new TestUser(ROOMS.join("user", "restart", false, ReconnectPolicy.defaults()), "agent");
             AgentSession session = AgentSession.start(agentRoom, Agent.builder("answers").build(),
                     options(RETURN_TIMEOUT))) {
            agentRoom.addListener(atAgent);
            user.room.addListener(atUser);
            user.room.addListener(new RoomListener() {
                @Override
                public void onTrackSubscribed(RemoteAudioTrack track) {
                    agentTracks.add(track);
                }
            });
            Turn first = turn(user, "first turn");
            String agentSid = agentRoom.localParticipant().sid();
            String userSid = user.room.localParticipant().sid();
            String micSid = user.micTrackSid();
            assertThat(transcribedTracks(user, "first turn")).containsOnly(micSid);

            long killed = System.nanoTime();
            ROOMS.server().kill();
            ROOMS.server().restart();
            long restarted = System.nanoTime();
            awaitBoth(ConnectionChange.Rejoined.class, atAgent, atUser);
            long rejoined = System.nanoTime();
            String newAgentSid = agentRoom.localParticipant().sid();
            assertThat(newAgentSid).isNotEqualTo(agentSid);
            assertThat(user.room.localParticipant().sid()).isNotEqualTo(userSid);
            assertThat(user.micTrackSid()).startsWith("TR_").isNotEqualTo(micSid);
            TestUser.waitFor(() -> agentState(user).isPresent(), 10_000);
            assertThat(agentState(user)).as("the agent's state attribute is set again on its new participant")
                    .contains("listening");
            Thread.sleep(RETURN_TIMEOUT.plusMillis(500));   // the user was lost for a moment, and came back in time
            assertThat(session.state()).isEqualTo(AgentState.LISTENING);

            Turn next = turn(user, "second turn");
            System.out.printf("reconnect-agent/restart: server down+up %d ms; both rejoined %d ms after the kill"
                            + " (agent downtime %d ms, user %d ms); the next turn's answer heard %d ms after the"
                            + " kill, %d ms after the user stopped (turn before: %d ms); agent events %s%n",
                    (restarted - killed) / 1_000_000, (rejoined - killed) / 1_000_000,
                    atAgent.last(ConnectionChange.Rejoined.class).orElseThrow().downtime().toMillis(),
                    atUser.last(ConnectionChange.Rejoined.class).orElseThrow().downtime().toMillis(),
                    (next.heard() - killed) / 1_000_000, next.millis(), first.millis(), atAgent.changes);
            assertThat(transcribedTracks(user, "second turn")).as("the session listens to the user's new track")
                    .containsOnly(user.micTrackSid());
            assertThat(agentTracks).as("the agent's track, published again, is received")
                    .anyMatch(t -> t.participantSid().equals(newAgentSid));
            assertThat(session.history()).filteredOn(m -> m instanceof ChatMessage.User)
                    .extracting(m -> ((ChatMessage.User) m).text()).containsExactly("first turn", "second turn");

            long left = System.nanoTime();
            user.room.close();
            TestUser.waitFor(() -> session.state() == AgentState.CLOSED, 10_000);
            System.out.printf("reconnect-agent/restart: the session closed %d ms after the user left%n",
                    (System.nanoTime() - left) / 1_000_000);
            assertThat(session.state()).as("a user leaving on purpose still ends the session at once")
                    .isEqualTo(AgentState.CLOSED);
            assertThat(agentRoom.connectionState()).isEqualTo(ConnectionState.CONNECTED);
        }
    }

    @Test
    void aUserWhoDoesNotComeBackAfterARestartEndsTheSessionAfterTheReturnTimeout() throws Exception {
        Changes atAgent = new Changes();
        try (RoomSession agentRoom = ROOMS.join("agent", "gone", true, ReconnectPolicy.defaults());
             TestUser user = new TestUser(ROOMS.join("user", "gone", false, ReconnectPolicy.disabled()), "agent");
             AgentSession session = AgentSession.start(agentRoom, Agent.builder("answers").build(),
                     options(RETURN_TIMEOUT))) {
            agentRoom.addListener(atAgent);
            turn(user, "first turn");
            long killed = System.nanoTime();
            ROOMS.server().kill();
            ROOMS.server().restart();
            TestUser.waitFor(() -> atAgent.last(ConnectionChange.Rejoined.class).isPresent(), 60_000);
            assertThat(atAgent.last(ConnectionChange.Rejoined.class)).as("agent events %s", atAgent.changes)
                    .isPresent();
            long rejoined = System.nanoTime();
            assertThat(user.room.isConnected()).as("the user does not reconnect").isFalse();
            TestUser.waitFor(() -> session.state() == AgentState.CLOSED, 30_000);
            long closed = System.nanoTime();
            System.out.printf("reconnect-agent/gone: the session closed %d ms after the agent rejoined without its"
                            + " user, %d ms after the kill (userReturnTimeout %d ms)%n",
                    (closed - rejoined) / 1_000_000, (closed - killed) / 1_000_000, RETURN_TIMEOUT.toMillis());
            assertThat(session.state()).isEqualTo(AgentState.CLOSED);
            assertThat((closed - killed) / 1_000_000).as("the user had the return timeout to come back")
                    .isGreaterThanOrEqualTo(RETURN_TIMEOUT.toMillis());
            assertThat(agentRoom.connectionState()).as("the room stays the caller's").isEqualTo(
                    ConnectionState.CONNECTED);
        }
    }

    @Test
    void aUserReplacedByANewConnectionOfTheSameIdentityIsFollowed() throws Exception {
        List<String> left = new CopyOnWriteArrayList<>();
        try (RoomSession agentRoom = ROOMS.agent("agent", "replaced");
             TestUser first = TestUser.join(ROOMS, "replaced");
             AgentSession session = AgentSession.start(agentRoom, Agent.builder("answers").build(), options())) {
            agentRoom.addListener(new RoomListener() {
                @Override
                public void onParticipantLeft(Participant participant, LeaveReason reason) {
                    left.add(participant.sid() + " " + reason);
                }
            });
            turn(first, "first turn");
            String firstSid = first.room.localParticipant().sid();
            try (TestUser second = TestUser.join(ROOMS, "replaced")) {   // the same identity, "user", again
                TestUser.waitFor(() -> !first.room.isConnected(), 10_000);
                assertThat(first.room.isConnected()).as("the server sends the first connection away").isFalse();
                Turn next = turn(second, "second turn");
                System.out.printf("reconnect-agent/replaced: agent saw leaves %s; answer heard %d ms after the user"
                        + " stopped%n", left, next.millis());
                assertThat(left).containsExactly(firstSid + " REPLACED");
                assertThat(transcribedTracks(second, "second turn")).containsOnly(second.micTrackSid());
                assertThat(session.state()).isNotEqualTo(AgentState.CLOSED);
            }
        }
    }

    /** When the user stopped talking and when the answer was first heard (process clock). */
    private record Turn(long stopped, long heard) {
        long millis() {
            return (heard - stopped) / 1_000_000;
        }
    }

    /** The user says something; returns when the scripted transcript and the answer were seen and heard. */
    private static Turn turn(TestUser user, String transcript) throws Exception {
        Thread.sleep(300);
        user.say(Utterances.speak("Hello, can you hear me?"));
        user.waitSpoken();
        long stopped = System.nanoTime();
        String answer = "You said " + transcript + ".";
        TestUser.waitFor(() -> user.finals("SG_agent_").contains(answer), 20_000);
        assertThat(user.finals("SG_user_")).contains(transcript);
        assertThat(user.finals("SG_agent_")).contains(answer);
        Optional<Long> heard = user.hearAgent(stopped, 1000, Duration.ofSeconds(10));
        assertThat(heard).as("the answer to '%s' is heard", transcript).isPresent();
        return new Turn(stopped, heard.orElseThrow());
    }

    /** The {@code lk.transcribed_track_id} of the user's final transcriptions reading {@code text}. */
    private static List<String> transcribedTracks(TestUser user, String text) {
        return user.transcripts.stream().filter(t -> t.text().equals(text)
                        && "true".equals(t.attributes().get("lk.transcription_final")))
                .map(t -> t.attributes().get("lk.transcribed_track_id")).toList();
    }

    private static Optional<String> agentState(TestUser user) {
        return user.room.remoteParticipants().stream().filter(p -> p.identity().equals("agent"))
                .map(Participant::attributes).map(a -> a.get("lk.agent.state")).filter(s -> s != null).findFirst();
    }

    private static SessionOptions options() {
        return options(Duration.ofSeconds(20));
    }

    private static SessionOptions options(Duration userReturnTimeout) {
        ScriptedLlm llm = new ScriptedLlm("llm", 30, r -> r.messages().getLast() instanceof ChatMessage.User u
                ? List.of(new ScriptedLlm.Text("You said " + u.text() + "."))
                : List.of(new ScriptedLlm.Text("Okay.")));
        return SessionOptions.builder(new EnergyVad(400)).stt(new ScriptedStt(50, "first turn", "second turn"))
                .llm(llm).tts(new ToneTts(100, 20)).userReturnTimeout(userReturnTimeout).build();
    }

    /** Waits (up to 60 s) until both sessions reported a change of {@code type}; fails with their events if not. */
    private static void awaitBoth(Class<? extends ConnectionChange> type, Changes atAgent, Changes atUser)
            throws InterruptedException {
        TestUser.waitFor(() -> atAgent.last(type).isPresent() && atUser.last(type).isPresent(), 60_000);
        assertThat(atAgent.last(type)).as("agent events %s", atAgent.changes).isPresent();
        assertThat(atUser.last(type)).as("user events %s", atUser.changes).isPresent();
    }

    /** Connection changes of one room session. */
    private static final class Changes implements RoomListener {
        final List<ConnectionChange> changes = new CopyOnWriteArrayList<>();

        @Override
        public void onConnectionChanged(ConnectionChange change) {
            changes.add(change);
        }

        <T extends ConnectionChange> Optional<T> last(Class<T> type) {
            return changes.stream().filter(type::isInstance).map(type::cast).reduce((a, b) -> b);
        }
    }
}
