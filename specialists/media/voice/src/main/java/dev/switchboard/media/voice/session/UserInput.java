package dev.switchboard.media.voice.session;

import dev.switchboard.media.rtc.AudioFrame;
import dev.switchboard.media.rtc.Resampler;
import dev.switchboard.media.voice.agent.Agent;
import dev.switchboard.media.voice.spi.ProviderException;
import dev.switchboard.media.voice.spi.SpeechToText;
import dev.switchboard.media.voice.vad.VadEvent;
import dev.switchboard.media.voice.vad.VadListener;
import dev.switchboard.media.voice.vad.VadStream;
import java.util.Optional;

/**
 * The user's side, on the session's lane: room audio → mono → 16 kHz → VAD (and STT), keeping the
 * turn's audio (with the VAD's prefix padding) and transcripts, and telling the {@link TurnTaking}
 * logic about speech boundaries and words. Not thread-safe (the lane owns it).
 */
final class UserInput implements VadListener {

    private final AgentSessionImpl session;
    private final TurnTaking turns;
    private final VadStream vad;
    private Optional<SttLink> stt;
    private final PcmBuffer prefix;
    private final PcmBuffer turnAudio = new PcmBuffer(16_000 * 60);
    private Resampler resampler;
    private int inputRate;
    private boolean capturing;
    private boolean turnLost;
    private long samplesIn;

    UserInput(AgentSessionImpl session, TurnTaking turns) {
        this.session = session;
        this.turns = turns;
        SessionOptions o = session.options();
        this.vad = o.vad().stream(o.vadOptions(), this);
        this.prefix = new PcmBuffer((int) (16L * Math.max(1, o.vadOptions().prefixPadding().toMillis())));
        this.stt = sttOf(session.agent()).map(this::link);
    }

    /** The STT {@code agent} listens with: its own, else the session's. */
    private Optional<SpeechToText> sttOf(Agent agent) {
        return agent.stt().or(session.options()::stt);
    }

    private SttLink link(SpeechToText provider) {
        return new SttLink(session, provider, turns, this::sttDown);
    }

    /**
     * The active agent changed (lane): when its STT is another instance than the open stream's, closes that
     * stream and opens one on the new STT. A turn in progress is re-transcribed from its audio so far (the
     * VAD's prefix padding and the speech since), so no words are lost to the switch.
     */
    void agentChanged(Agent agent) {
        Optional<SpeechToText> wanted = sttOf(agent);
        if (wanted.equals(stt.map(SttLink::provider))) {
            return;
        }
        stt.ifPresent(SttLink::close);
        stt = wanted.map(this::link);
        if (stt.isPresent() && capturing) {
            short[] audio = turnAudio.toArray();
            stt.get().push(audio, 0, audio.length);
            turns.transcriptRestarted();
            turnLost = false;
            if (!vad.speaking()) {
                stt.get().endOfSpeech();
            }
        }
    }

    boolean hasStt() {
        return stt.isPresent();
    }

    /** Whether words can come: an STT is configured and its stream is open. */
    boolean hearsWords() {
        return stt.isPresent() && stt.get().live();
    }

    /** Whether the STT failed for good during the current turn (its words are lost). */
    boolean turnLost() {
        return turnLost;
    }

    /** The STT stream failed for good (lane): a turn in progress is lost; the next speech re-opens it. */
    private void sttDown(ProviderException error) {
        session.providerExhausted("stt", error);
        if (capturing) {
            turnLost = true;
            turns.sttLost();
        }
    }

    /** One room frame (on the lane). */
    void frame(AudioFrame frame) {
        short[] mono = frame.channels() == 1 ? frame.samples() : mix(frame);
        if (resampler == null || inputRate != frame.sampleRate()) {
            inputRate = frame.sampleRate();
            resampler = Resampler.create(inputRate, 16_000);
        }
        short[] pcm = resampler.process(mono);
        if (pcm.length == 0) {
            return;
        }
        samplesIn += pcm.length;
        if (capturing) {
            turnAudio.add(pcm, pcm.length);
        } else {
            prefix.add(pcm, pcm.length);
        }
        stt.ifPresent(s -> s.push(pcm, 0, pcm.length));
        vad.push(pcm, 0, pcm.length);
    }

    private static short[] mix(AudioFrame f) {
        short[] out = new short[f.samplesPerChannel()];
        for (int i = 0; i < out.length; i++) {
            int sum = 0;
            for (int c = 0; c < f.channels(); c++) {
                sum += f.samples()[i * f.channels() + c];
            }
            out[i] = (short) (sum / f.channels());
        }
        return out;
    }

    @Override
    public void onSpeechStart(VadEvent event) {
        if (!capturing) {
            capturing = true;
            turnAudio.clear();
            turnAudio.addAll(prefix);
            prefix.clear();
        }
        if (stt.isPresent() && !stt.get().live() && stt.get().reopen(turnAudio.toArray())) {
            turnLost = false;
            turns.transcriptRestarted();
        }
        turns.speechStarted(event);
    }

    @Override
    public void onSpeechEnd(VadEvent event) {
        stt.ifPresent(SttLink::endOfSpeech);
        turns.speechEnded(event);
    }

    /** The turn's audio so far (16 kHz), and starts a new turn. */
    short[] takeTurnAudio() {
        short[] audio = turnAudio.toArray();
        turnAudio.clear();
        capturing = false;
        turnLost = false;
        return audio;
    }

    /** Forgets the current turn's audio (a backchannel or a false interruption). */
    void dropTurnAudio() {
        turnAudio.clear();
        capturing = vad.speaking();
        turnLost = false;
    }

    void close() {
        vad.close();
        stt.ifPresent(SttLink::close);
    }
}
