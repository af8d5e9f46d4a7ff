package dev.switchboard.media.rtc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.switchboard.testkit.livekit.LiveKitServerExtension;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.BooleanSupplier;
import livekit.LivekitRtc.SignalRequest;
import livekit.LivekitRtc.SimulateScenario;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Reconnects against a real livekit-server in a network namespace, one fresh server per test: a server
 * restart (resume refused, full rejoin, the same LocalAudioTrack heard again; attributes set before and
 * during it are back, departures carry their {@link LeaveReason}), a cut veth link (resume,
 * same sid, reliable data sent during the outage delivered exactly once) and a server-side participant
 * failure (resume refused with leave RECONNECT, rejoin). Prints the measured reconnect times.
 */
class ReconnectTest {

    @RegisterExtension
    final LiveKitServerExtension livekit = LiveKitServerExtension.namespace();
    private static final int MESSAGES_DURING_CUT = 22;
    private static RtcClient client;

    @BeforeAll
    static void start() {
        client = RtcClient.create();
    }

    @AfterAll
    static void stop() {
        if (client != null) {
            client.close();
        }
    }

    @Test
    void serverRestartRejoinsAndTheSameTrackIsHeardAgain() throws Exception {
        Recorder atListener = new Recorder();
        Recorder atSpeaker = new Recorder();
        try (RoomSession listener = join("listener", "restart");
             RoomSession speaker = join("speaker", "restart")) {
            listener.addListener(atListener);
            speaker.addListener(atSpeaker);
            LocalAudioTrack track = speaker.publishAudio("tone");
            String sidBefore = speaker.localParticipant().sid();
            String trackBefore = track.trackSid();
            assertThat(hears440(listener, atListener, track, sidBefore)).isCloseTo(440, within(10.0));

            long killed = System.nanoTime();
            livekit.server().kill();
            livekit.server().restart();
            long restarted = System.nanoTime();
            await(Duration.ofSeconds(60), () -> atSpeaker.rejoined() != null && atListener.rejoined() != null);
            ConnectionChange.Rejoined rejoined = atSpeaker.rejoined();
            assertThat(rejoined).as("speaker events %s", atSpeaker.changes).isNotNull();
            assertThat(atListener.rejoined()).as("listener events %s", atListener.changes).isNotNull();
            long back = System.nanoTime();
            String sidAfter = speaker.localParticipant().sid();
            assertThat(rejoined.previousParticipantSid()).isEqualTo(sidBefore);
            assertThat(rejoined.participantSid()).isEqualTo(sidAfter).isNotEqualTo(sidBefore);
            assertThat(track.trackSid()).startsWith("TR_").isNotEqualTo(trackBefore);
            assertThat(speaker.connectionState()).isEqualTo(ConnectionState.CONNECTED);
            assertThat(atSpeaker.changes.peek()).isInstanceOfSatisfying(ConnectionChange.Reconnecting.class,
                    r -> assertThat(r.recovery()).isEqualTo(Recovery.RESUME));

            double hz = hears440(listener, atListener, track, sidAfter);
            System.out.printf("reconnect/restart: server down+up %d ms, speaker rejoined %d ms after the kill "
                            + "(downtime %d ms, %d attempts), listener %d ms (%d attempts), tone after rejoin %.0f Hz,"
                            + " speaker events %s%n",
                    (restarted - killed) / 1_000_000, (back - killed) / 1_000_000, rejoined.downtime().toMillis(),
                    rejoined.attempts(), atListener.rejoined().downtime().toMillis(),
                    atListener.rejoined().attempts(), hz, atSpeaker.changes);
            assertThat(hz).isCloseTo(440, within(10.0));
        }
    }

    @Test
    void attributesSetBeforeAndDuringARestartAreBackAfterTheRejoinAndLeavesSayWhy() throws Exception {
        Recorder atAlice = new Recorder();
        Recorder atBob = new Recorder();
        RoomSession bob = client.connect(ConnectOptions.of(livekit.server().wsUrl(),
                Tokens.agent(livekit.server(), "bob", "attrs")));
        try (RoomSession alice = join("alice", "attrs")) {
            bob.addListener(atBob);
            alice.addListener(atAlice);
            var left = atAlice.left;
            bob.setAttributes(Map.of("kept", "before", "changed", "before"));
            await(Duration.ofSeconds(10), () -> attributesOf(alice, "bob").containsKey("changed"));
            String bobBefore = bob.localParticipant().sid();

            livekit.server().kill();
            await(Duration.ofSeconds(10), () -> bob.connectionState() == ConnectionState.RECONNECTING);
            bob.setAttributes(Map.of("changed", "during"));   // held while reconnecting; a rejoin drops held requests
            livekit.server().restart();
            await(Duration.ofSeconds(60), () -> atBob.rejoined() != null
                    && "during".equals(attributesOf(alice, "bob").get("changed")));
            System.out.printf("reconnect/attributes: bob's attributes at alice after the rejoin %s; alice saw leaves"
                    + " %s%n", attributesOf(alice, "bob"), left);
            assertThat(atBob.rejoined()).as("bob events %s", atBob.changes).isNotNull();
            assertThat(attributesOf(alice, "bob")).containsEntry("kept", "before").containsEntry("changed", "during");
            assertThat(left).as("bob's old sid is gone after the restart; he may come back").containsExactly(
                    bobBefore + " LOST");

            String bobAfter = bob.localParticipant().sid();
            bob.close();
            await(Duration.ofSeconds(10), () -> left.size() == 2);
            assertThat(left).as("bob left on purpose").endsWith(bobAfter + " LEFT");
        } finally {
            bob.close();
        }
    }

    private static Map<String, String> attributesOf(RoomSession at, String identity) {
        return at.remoteParticipants().stream().filter(p -> p.identity().equals(identity)).findFirst()
                .map(Participant::attributes).orElse(Map.of());
    }

    @Test
    void aCutLinkResumesWithTheSameSidAndReliableDataArrivesOnce() throws Exception {
        Recorder atAlice = new Recorder();
        Recorder atBob = new Recorder();
        // while the link is down, the host's default route may lead to something that accepts connections to
        // the server's address and never answers (the build sandbox has such a proxy), so one attempt can hang
        // for the join timeout (10 s): a long resume window keeps this test about resuming
        ConnectOptions aliceOptions = ConnectOptions.builder(livekit.server().wsUrl(),
                        Tokens.join(livekit.server(), "alice", "cut"))
                .reconnect(ReconnectPolicy.builder().resumeWindow(Duration.ofSeconds(30)).build()).build();
        try (RoomSession alice = client.connect(aliceOptions);
             RoomSession bob = join("bob", "cut")) {
            alice.addListener(atAlice);
            bob.addListener(atBob);
            await(Duration.ofSeconds(10), () -> alice.remoteParticipants().size() == 1);
            alice.sendData(utf8("before"), DataOptions.ofReliable().topic("seq"));
            await(Duration.ofSeconds(10), () -> atBob.texts().contains("before"));
            String sid = alice.localParticipant().sid();

            long cut = System.nanoTime();
            livekit.server().cutNetwork();
            try {
                // ~9 s: long enough for ICE to notice (libwebrtc: ~5 s unwritable) plus the 2 s grace, and short
                // enough that resuming is still tried (resume window 10 s from the loss)
                for (int i = 1; i <= MESSAGES_DURING_CUT; i++) {
                    alice.sendData(utf8("during-" + i), DataOptions.ofReliable().topic("seq"));
                    Thread.sleep(400);
                }
            } finally {
                livekit.server().restoreNetwork();
            }
            long restored = System.nanoTime();
            alice.sendData(utf8("after"), DataOptions.ofReliable().topic("seq"));
            await(Duration.ofSeconds(60), () -> atAlice.resumed() != null && atBob.texts().contains("after"));
            Thread.sleep(1_000);
            long delivered = System.nanoTime();

            System.out.printf("reconnect/cut: link down %d ms, alice %s, bob %s, all data %d ms after restore,"
                            + " alice events %s%n", (restored - cut) / 1_000_000, atAlice.resumed(), atBob.resumed(),
                    (delivered - restored) / 1_000_000 - 1_000, atAlice.changes);
            assertThat(atAlice.resumed()).as("alice events %s", atAlice.changes).isNotNull();
            assertThat(atAlice.rejoined()).isNull();
            assertThat(alice.localParticipant().sid()).isEqualTo(sid);
            List<String> expected = new java.util.ArrayList<>(List.of("before"));
            for (int i = 1; i <= MESSAGES_DURING_CUT; i++) {
                expected.add("during-" + i);
            }
            expected.add("after");
            assertThat(atBob.texts()).as("each reliable message exactly once, in order").containsExactlyElementsOf(
                    expected);
            assertThat(atBob.data).allMatch(m -> m.senderSid().equals(sid));
        }
    }

    @Test
    void aRefusedResumeFallsBackToRejoin() throws Exception {
        Recorder atAlice = new Recorder();
        Recorder atBob = new Recorder();
        try (RoomSession alice = join("alice", "refused");
             RoomSession bob = join("bob", "refused")) {
            alice.addListener(atAlice);
            bob.addListener(atBob);
            await(Duration.ofSeconds(10), () -> bob.remoteParticipants().size() == 1);
            String before = alice.localParticipant().sid();
            long start = System.nanoTime();
            // the server drops alice without telling her (LiveKit's own failure simulation): her resume is refused
            ((RoomSessionImpl) alice).sendSignal(SignalRequest.newBuilder()
                    .setSimulate(SimulateScenario.newBuilder().setNodeFailure(true)).build());
            await(Duration.ofSeconds(60), () -> atAlice.rejoined() != null);
            long back = System.nanoTime();
            System.out.printf("reconnect/refused: rejoined %d ms after the failure, events %s%n",
                    (back - start) / 1_000_000, atAlice.changes);
            assertThat(atAlice.rejoined()).as("alice events %s", atAlice.changes).isNotNull();
            assertThat(atAlice.changes).filteredOn(c -> c instanceof ConnectionChange.Reconnecting)
                    .extracting(c -> ((ConnectionChange.Reconnecting) c).recovery())
                    .startsWith(Recovery.RESUME).endsWith(Recovery.REJOIN);
            assertThat(atAlice.changes).filteredOn(c -> c instanceof ConnectionChange.Reconnecting)
                    .anyMatch(c -> ((ConnectionChange.Reconnecting) c).cause().contains("refused the resume"));
            String after = alice.localParticipant().sid();
            assertThat(after).isNotEqualTo(before).isEqualTo(atAlice.rejoined().participantSid());

            await(Duration.ofSeconds(10), () -> bob.remoteParticipants().stream().anyMatch(p -> p.sid().equals(after)));
            alice.sendData(utf8("hello again"), DataOptions.ofReliable());
            await(Duration.ofSeconds(10), () -> atBob.texts().contains("hello again"));
            assertThat(atBob.data).filteredOn(m -> new String(m.payload(), StandardCharsets.UTF_8)
                    .equals("hello again")).singleElement().extracting(DataMessage::senderSid).isEqualTo(after);
            // the simulation skips the server's cleanup, so bob hears of no departure: the new sid of the same
            // identity replaces the old one
            assertThat(bob.remoteParticipants()).extracting(Participant::sid).containsExactly(after);
            assertThat(atBob.left).containsExactly(before + " REPLACED");
        }
    }

    @Test
    void givesUpAtTheDeadlineWhileTheServerStaysDownAndDisabledEndsAtOnce() throws Exception {
        Recorder atPatient = new Recorder();
        Recorder atDisabled = new Recorder();
        var reasons = new ConcurrentLinkedQueue<String>();
        ReconnectPolicy threeSeconds = ReconnectPolicy.builder().giveUpAfter(Duration.ofSeconds(3)).build();
        try (RoomSession patient = join("patient", threeSeconds);
             RoomSession disabled = join("impatient", ReconnectPolicy.disabled())) {
            patient.addListener(atPatient);
            disabled.addListener(atDisabled);
            patient.addListener(new RoomListener() {
                @Override
                public void onDisconnected(String reason) {
                    reasons.add(reason);
                }
            });
            long killed = System.nanoTime();
            livekit.server().kill();
            await(Duration.ofSeconds(30), () -> !patient.isConnected() && !disabled.isConnected());
            long ended = System.nanoTime();
            await(Duration.ofSeconds(5), () -> !reasons.isEmpty());
            System.out.printf("reconnect/give-up: ended %d ms after the kill; patient events %s; disabled events %s%n",
                    (ended - killed) / 1_000_000, atPatient.changes, atDisabled.changes);
            assertThat(disabled.connectionState()).isEqualTo(ConnectionState.DISCONNECTED);
            assertThat(atDisabled.changes).singleElement().isInstanceOfSatisfying(
                    ConnectionChange.Disconnected.class, d -> assertThat(d.reason())
                            .endsWith("(reconnecting is disabled)"));
            assertThat(patient.connectionState()).isEqualTo(ConnectionState.DISCONNECTED);
            assertThat(atPatient.changes.peek()).isInstanceOf(ConnectionChange.Reconnecting.class);
            assertThat(reasons).singleElement().asString().startsWith("gave up reconnecting after")
                    .contains("giveUpAfter PT3S");
            assertThat(atPatient.changes).last().isEqualTo(new ConnectionChange.Disconnected(reasons.peek()));
            assertThat((ended - killed) / 1_000_000).as("gave up after the 3 s deadline, not long after")
                    .isBetween(3_000L, 25_000L);
            assertThatThrownBy(() -> patient.sendData(utf8("x"),
                    DataOptions.ofReliable())).isInstanceOf(RtcStateException.class);
        }
    }

    /** Writes 1.5 s of 440 Hz and returns the dominant frequency the listener decoded from the speaker. */
    private static double hears440(RoomSession listener, Recorder at, LocalAudioTrack track, String speakerSid)
            throws InterruptedException {
        await(Duration.ofSeconds(20), () -> at.frames.stream().anyMatch(f -> f.track().participantSid()
                .equals(speakerSid)));
        long start = System.nanoTime();
        track.write(Tones.sine(440, 48_000, 72_000, 0.4));
        Thread.sleep(2_000);
        List<AudioFrame> tone = at.frames.stream().filter(f -> f.receivedNanos() >= start
                && f.track().participantSid().equals(speakerSid) && Tones.rms(f.samples()) > 2_000).toList();
        assertThat(tone).as("loud frames from %s at %s", speakerSid, listener.localParticipant().identity())
                .hasSizeGreaterThan(50);
        List<AudioFrame> steady = tone.subList(10, tone.size() - 10);
        return Tones.dominantFrequency(ToneRoundTripTest.mono(steady), steady.getFirst().sampleRate());
    }

    private RoomSession join(String identity, ReconnectPolicy policy) {
        return client.connect(ConnectOptions.builder(livekit.server().wsUrl(),
                Tokens.join(livekit.server(), identity, "down")).reconnect(policy).build());
    }

    private RoomSession join(String identity, String room) {
        return client.connect(Tokens.options(livekit.server(), identity, room));
    }

    private static void await(Duration limit, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Collects connection changes, departures, data and audio frames. */
    private static final class Recorder implements RoomListener {
        final ConcurrentLinkedQueue<ConnectionChange> changes = new ConcurrentLinkedQueue<>();
        final ConcurrentLinkedQueue<DataMessage> data = new ConcurrentLinkedQueue<>();
        final ConcurrentLinkedQueue<AudioFrame> frames = new ConcurrentLinkedQueue<>();
        /** Departures as "sid reason". */
        final ConcurrentLinkedQueue<String> left = new ConcurrentLinkedQueue<>();

        @Override
        public void onParticipantLeft(Participant participant, LeaveReason reason) {
            left.add(participant.sid() + " " + reason);
        }

        @Override
        public void onConnectionChanged(ConnectionChange change) {
            changes.add(change);
        }

        @Override
        public void onData(DataMessage message) {
            data.add(message);
        }

        @Override
        public void onAudioFrame(AudioFrame frame) {
            frames.add(frame);
        }

        ConnectionChange.Rejoined rejoined() {
            return changes.stream().filter(c -> c instanceof ConnectionChange.Rejoined)
                    .map(c -> (ConnectionChange.Rejoined) c).reduce((a, b) -> b).orElse(null);
        }

        ConnectionChange.Resumed resumed() {
            return changes.stream().filter(c -> c instanceof ConnectionChange.Resumed)
                    .map(c -> (ConnectionChange.Resumed) c).reduce((a, b) -> b).orElse(null);
        }

        List<String> texts() {
            return data.stream().map(m -> new String(m.payload(), StandardCharsets.UTF_8)).toList();
        }
    }
}
