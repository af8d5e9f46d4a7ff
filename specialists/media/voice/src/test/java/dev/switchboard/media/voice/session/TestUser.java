package dev.switchboard.media.voice.session;

import dev.switchboard.media.rtc.LocalAudioTrack;
import dev.switchboard.media.rtc.Participant;
import dev.switchboard.media.rtc.RoomListener;
import dev.switchboard.media.rtc.RoomSession;
import dev.switchboard.media.rtc.RtcRooms;
import dev.switchboard.media.rtc.TextStream;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

/**
 * The human side of an agent test: a real participant that talks (publishes PCM through its
 * microphone track) and records what it receives from the agent — audio levels per 10 ms frame,
 * {@code lk.transcription} streams and {@code lk.agent.state} values.
 */
final class TestUser implements AutoCloseable {

    final RoomSession room;
    final List<TextStream> transcripts = new CopyOnWriteArrayList<>();
    final List<String> states = new CopyOnWriteArrayList<>();
    private final Levels agentAudio;
    private final LocalAudioTrack mic;

    TestUser(RoomSession room, String agentIdentity) {
        this.room = room;
        this.agentAudio = new Levels(agentIdentity);
        room.addListener(agentAudio);
        room.addListener(new RoomListener() {
            @Override
            public void onTextStream(TextStream stream) {
                if (stream.topic().equals("lk.transcription")) {
                    transcripts.add(stream);
                }
            }

            @Override
            public void onParticipantJoined(Participant participant) {   // also the agent after its rejoin
                onParticipantUpdated(participant);
            }

            @Override
            public void onParticipantUpdated(Participant participant) {
                String s = participant.attributes().get("lk.agent.state");
                if (participant.identity().equals(agentIdentity) && s != null
                        && (states.isEmpty() || !states.getLast().equals(s))) {
                    states.add(s);
                }
            }
        });
        this.mic = room.publishAudio("microphone");
    }

    /** Joins {@code room} as {@code user}, listening to the participant {@code agent} (see {@link RtcRooms#agent}). */
    static TestUser join(RtcRooms rooms, String room) {
        return new TestUser(rooms.join("user", room), "agent");
    }

    /** Plays {@code pcm48} into the room in real time; returns when it has been queued (blocks while it plays). */
    void say(short[] pcm48) {
        mic.write(pcm48);
    }

    /** Plays on a virtual thread. */
    Thread sayAsync(short[] pcm48) {
        return Thread.ofVirtual().start(() -> mic.write(pcm48));
    }

    /** The microphone's current track sid (a new one after a rejoin). */
    String micTrackSid() {
        return mic.trackSid();
    }

    /** Waits until the mic queue is empty. */
    void waitSpoken() throws InterruptedException {
        waitFor(() -> mic.queuedMillis() == 0, 30_000);
    }

    /** Mean RMS of the agent's audio received in [from, to). */
    double agentLevel(long from, long to) {
        return agentAudio.mean(from, to);
    }

    /** When the agent's audio first went above {@code rms} after {@code from}. */
    Optional<Long> agentAudioAfter(long from, double rms) {
        return agentAudio.firstAbove(from, rms);
    }

    /**
     * Waits up to {@code within} for the agent's audio to go above {@code rms} after {@code from}; returns
     * when it did. Audio travels behind the data channel (a jitter buffer that grew on a stalled machine
     * holds it back), so a transcript can arrive before the words are heard: wait for both.
     */
    Optional<Long> hearAgent(long from, double rms, Duration within) throws InterruptedException {
        waitFor(() -> agentAudioAfter(from, rms).isPresent(), within.toMillis());
        return agentAudioAfter(from, rms);
    }

    /** After the user stopped at {@code stopped}: waits until the answer is heard and has been quiet 0.7 s. */
    void awaitAnswerHeard(long stopped) throws InterruptedException {
        hearAgent(stopped, 500, Duration.ofSeconds(10));
        waitFor(() -> lastAgentAudio(500).filter(t -> t > stopped && System.nanoTime() - t > 700_000_000L)
                .isPresent(), 10_000);
    }

    /** When the agent's audio was last above {@code rms}. */
    Optional<Long> lastAgentAudio(double rms) {
        return agentAudio.lastAbove(rms);
    }

    /** Final transcriptions whose segment id starts with {@code prefix}. */
    List<String> finals(String prefix) {
        return transcripts.stream().filter(t -> "true".equals(t.attributes().get("lk.transcription_final"))
                && t.attributes().getOrDefault("lk.segment_id", "").startsWith(prefix)).map(TextStream::text).toList();
    }

    static void waitFor(BooleanSupplier condition, long millis) throws InterruptedException {
        long deadline = System.nanoTime() + millis * 1_000_000L;
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    @Override
    public void close() {
        room.close();
    }
}
