package dev.switchboard.media.voice.session;

import dev.switchboard.media.rtc.AudioFrame;
import dev.switchboard.media.rtc.Resampler;
import dev.switchboard.media.voice.spi.Failover;
import dev.switchboard.media.voice.spi.ProviderException;
import dev.switchboard.media.voice.spi.SttListener;
import dev.switchboard.media.voice.spi.SttStream;
import dev.switchboard.media.voice.spi.Transcript;
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

    private static final System.Logger LOG = System.getLogger(UserInput.class.getName());
    private final AgentSessionImpl session;
    private final TurnTaking turns;
    private final VadStream vad;
    private final Optional<SttStream> stt;
    private final PcmBuffer prefix;
    private final PcmBuffer turnAudio = new PcmBuffer(16_000 * 60);
    private Resampler resampler;
    private int inputRate;
    private boolean capturing;
    private long samplesIn;

    UserInput(AgentSessionImpl session, TurnTaking turns) {
        this.session = session;
        this.turns = turns;
        SessionOptions o = session.options();
        this.vad = o.vad().stream(o.vadOptions(), this);
        this.prefix = new PcmBuffer((int) (16L * Math.max(1, o.vadOptions().prefixPadding().toMillis())));
        Lane lane = session.lane();
        this.stt = o.stt().map(provider -> provider.stream(o.sttOptions(), new SttListener() {
            @Override
            public void onTranscript(Transcript transcript) {
                lane.execute(() -> turns.transcript(transcript));
            }

            @Override
            public void onEndOfUtterance() {
                lane.execute(turns::sttEndOfUtterance);
            }

            @Override
            public void onError(ProviderException error) {
                lane.execute(() -> LOG.log(System.Logger.Level.WARNING, "STT failed: " + error.getMessage()));
            }

            @Override
            public void onFailover(Failover failover) {
                session.failedOver("stt", failover);
            }
        }));
    }

    boolean hasStt() {
        return stt.isPresent();
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
        turns.speechStarted(event);
    }

    @Override
    public void onSpeechEnd(VadEvent event) {
        stt.ifPresent(SttStream::endOfSpeech);
        turns.speechEnded(event);
    }

    /** The turn's audio so far (16 kHz), and starts a new turn. */
    short[] takeTurnAudio() {
        short[] audio = turnAudio.toArray();
        turnAudio.clear();
        capturing = false;
        return audio;
    }

    /** Forgets the current turn's audio (a backchannel or a false interruption). */
    void dropTurnAudio() {
        turnAudio.clear();
        capturing = vad.speaking();
    }

    void close() {
        vad.close();
        stt.ifPresent(SttStream::close);
    }
}
