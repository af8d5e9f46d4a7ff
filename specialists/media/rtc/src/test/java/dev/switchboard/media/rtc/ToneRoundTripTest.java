package dev.switchboard.media.rtc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.switchboard.testkit.MachineStalls;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two Java participants in a real livekit-server: the speaker publishes silence, then a 440 Hz tone; the
 * listener must receive it, at 440 Hz, and the test prints the end-to-end delay (write → decoded frame).
 */
class ToneRoundTripTest {

    @RegisterExtension
    static final RtcRooms ROOMS = RtcRooms.namespace();

    @Test
    void listenerHearsTheSpeakersTone() throws Exception {
        var frames = new ConcurrentLinkedQueue<AudioFrame>();
        var subscribed = new ConcurrentLinkedQueue<RemoteAudioTrack>();
        var publishedSids = new ConcurrentLinkedQueue<String>();
        var speakers = new ConcurrentLinkedQueue<java.util.List<ActiveSpeaker>>();
        try (RoomSession listener = ROOMS.join("listener", "tone");
             RoomSession speaker = ROOMS.join("speaker", "tone")) {
            listener.addListener(new RoomListener() {
                @Override
                public void onTrackSubscribed(RemoteAudioTrack track) {
                    subscribed.add(track);
                }

                @Override
                public void onTrackPublished(Participant participant, String trackSid) {
                    publishedSids.add(participant.identity() + "/" + trackSid);
                }

                @Override
                public void onActiveSpeakersChanged(java.util.List<ActiveSpeaker> now) {
                    speakers.add(now);
                }

                @Override
                public void onAudioFrame(AudioFrame frame) {
                    frames.add(frame);
                }
            });
            long publishStart = System.nanoTime();
            LocalAudioTrack track = speaker.publishAudio("tone");
            long published = System.nanoTime();
            assertThat(track.trackSid()).startsWith("TR_");
            SignallingTest.waitUntil(() -> frames.size() > 50);
            long firstAudio = frames.isEmpty() ? -1 : frames.peek().receivedNanos();
            assertThat(frames).as("frames from the speaker's track").hasSizeGreaterThan(50);
            assertThat(subscribed).extracting(RemoteAudioTrack::trackSid).contains(track.trackSid());
            AudioFrame any = frames.peek();
            assertThat(any.track().participantSid()).isEqualTo(speaker.localParticipant().sid());
            assertThat(any.track().participantIdentity()).isEqualTo("speaker");
            Thread.sleep(500);
            List<AudioFrame> before = List.copyOf(frames);
            double silenceRms = Tones.rms(mono(before.subList(before.size() - 20, before.size())));

            MachineStalls.Reading stalls = MachineStalls.now();
            long toneStart = System.nanoTime();
            track.write(Tones.sine(440, 48_000, 96_000, 0.4));
            Thread.sleep(2_800);
            List<AudioFrame> after = frames.stream().filter(f -> f.receivedNanos() >= toneStart).toList();
            AudioFrame onset = after.stream().filter(f -> Tones.rms(f.samples()) > 2_000).findFirst().orElseThrow();
            long onsetNanos = onset.receivedNanos();
            List<AudioFrame> steady = after.stream()
                    .filter(f -> f.receivedNanos() > onsetNanos + 200_000_000L
                            && f.receivedNanos() < onsetNanos + 1_800_000_000L).toList();
            double hz = Tones.dominantFrequency(mono(steady), steady.getFirst().sampleRate());
            System.out.printf("tone: publish %d ms, first remote frame %d ms after publish, delay write->decoded"
                            + " %.1f ms, dominant %.0f Hz, silence rms %.0f, tone rms %.0f, frame %d Hz x%d,"
                            + " pacer %s%n",
                    (published - publishStart) / 1_000_000, (firstAudio - publishStart) / 1_000_000,
                    (onsetNanos - toneStart) / 1e6, hz, silenceRms, Tones.rms(mono(steady)), onset.sampleRate(),
                    onset.channels(), track.stats());
            assertThat(publishedSids).contains("speaker/" + track.trackSid());
            assertThat(speakers).as("the server reports the speaker as active while the tone plays")
                    .anyMatch(list -> list.stream().anyMatch(sp -> sp.identity().equals("speaker")));
            assertThat(silenceRms).isLessThan(300);
            assertThat(hz).isCloseTo(440, within(10.0));
            MachineStalls.assumeSteadySince(stalls, 500);
            assertThat(onsetNanos - toneStart).isBetween(0L, 1_000_000_000L);
        }
    }

    @Test
    void muteSilencesAndUnpublishStopsTheTrack() throws Exception {
        var frames = new ConcurrentLinkedQueue<AudioFrame>();
        try (RoomSession listener = ROOMS.join("ear", "mute");
             RoomSession speaker = ROOMS.join("mouth", "mute")) {
            listener.addListener(new RoomListener() {
                @Override
                public void onAudioFrame(AudioFrame frame) {
                    frames.add(frame);
                }
            });
            LocalAudioTrack track = speaker.publishAudio("voice");
            SignallingTest.waitUntil(() -> frames.size() > 20);
            MachineStalls.Reading stalls = MachineStalls.now();
            Thread.startVirtualThread(() -> track.write(Tones.sine(440, 48_000, 48_000 * 4, 0.4)));
            Thread.sleep(1_000);
            double playing = rmsSince(frames, System.nanoTime() - 300_000_000L);
            track.setMuted(true);
            Thread.sleep(800);
            double muted = rmsSince(frames, System.nanoTime() - 300_000_000L);
            track.setMuted(false);
            Thread.sleep(800);
            double unmuted = rmsSince(frames, System.nanoTime() - 300_000_000L);
            track.unpublish();
            Thread.sleep(800);
            double unpublished = rmsSince(frames, System.nanoTime() - 300_000_000L);
            System.out.printf("mute: rms playing %.0f, muted %.0f, unmuted %.0f, unpublished %.0f%n",
                    playing, muted, unmuted, unpublished);
            assertThatThrownBy(() -> track.write(new short[480])).isInstanceOf(RtcStateException.class);
            assertThat(speaker.isConnected()).isTrue();
            MachineStalls.assumeSteadySince(stalls, 500);
            assertThat(playing).isGreaterThan(2_000);
            assertThat(muted).isLessThan(300);
            assertThat(unmuted).isGreaterThan(2_000);
            assertThat(unpublished).isLessThan(300);
        }
    }

    private static double rmsSince(ConcurrentLinkedQueue<AudioFrame> frames, long sinceNanos) {
        return Tones.rms(mono(frames.stream().filter(f -> f.receivedNanos() >= sinceNanos).toList()));
    }

    /** The first channel of each frame, concatenated. */
    static short[] mono(List<AudioFrame> frames) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (AudioFrame f : frames) {
            for (int i = 0; i < f.samples().length; i += f.channels()) {
                out.write(f.samples()[i] & 0xff);
                out.write(f.samples()[i] >> 8 & 0xff);
            }
        }
        byte[] b = out.toByteArray();
        short[] s = new short[b.length / 2];
        for (int i = 0; i < s.length; i++) {
            s[i] = (short) ((b[2 * i] & 0xff) | (b[2 * i + 1] << 8));
        }
        return s;
    }
}
