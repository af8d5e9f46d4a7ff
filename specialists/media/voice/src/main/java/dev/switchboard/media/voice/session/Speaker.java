package dev.switchboard.media.voice.session;

import dev.switchboard.media.rtc.Resampler;
import dev.switchboard.media.voice.agent.Agent;
import dev.switchboard.media.voice.spi.ChatMessage;
import dev.switchboard.media.voice.spi.Failover;
import dev.switchboard.media.voice.spi.ProviderException;
import dev.switchboard.media.voice.spi.TextToSpeech;
import dev.switchboard.media.voice.spi.TtsListener;
import dev.switchboard.media.voice.spi.TtsOptions;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Optional;

/**
 * The agent's side: a queue of {@link Speech}es played one at a time through the {@link AudioOutput};
 * text goes through the TTS (resampled to 48 kHz), audio replies are played as is. On the end of each
 * speech the heard text goes to the history. Not thread-safe (the lane owns it; output events are
 * posted to the lane).
 */
final class Speaker implements AudioOutput.Events {

    private static final System.Logger LOG = System.getLogger(Speaker.class.getName());
    private final AgentSessionImpl session;
    private final AudioOutput output;
    private final ArrayDeque<Speech> queue = new ArrayDeque<>();
    private Speech current;
    private long nextId = 1;

    Speaker(AgentSessionImpl session, AudioOutput output) {
        this.session = session;
        this.output = output;
    }

    Optional<Speech> current() {
        return Optional.ofNullable(current);
    }

    boolean busy() {
        return current != null || !queue.isEmpty();
    }

    Speech newSpeech(boolean interruptible, TurnClock clock) {
        return new Speech(nextId++, interruptible, session.agent().name(), clock);
    }

    /** Queues text to speak through the TTS. */
    void say(String text, boolean interruptible, TurnClock clock) {
        Speech speech = newSpeech(interruptible, clock);
        speech.text.append(text);
        enqueue(speech, s -> {
            pushText(s, text);
            endText(s);
        });
    }

    /** Queues audio to play as is. */
    void play(short[] pcm, int rate, String text, TurnClock clock) {
        Speech speech = newSpeech(true, clock);
        speech.text.append(text);
        enqueue(speech, s -> {
            Resampler resampler = Resampler.create(rate, 48_000);
            int chunk = rate / 10;
            for (int off = 0; off < pcm.length; off += chunk) {
                short[] part = java.util.Arrays.copyOfRange(pcm, off, Math.min(pcm.length, off + chunk));
                short[] pcm48 = rate == 48_000 ? part : resampler.process(part);
                s.samples48 += pcm48.length;
                output.enqueue(s.id, pcm48);
            }
            s.finished = true;
            output.end(s.id);
        });
    }

    /** Queues a speech whose text a generation produces (started now if nothing else plays). */
    void generate(Generation generation, TurnClock clock) {
        Speech speech = newSpeech(true, clock);
        speech.generation = generation;
        enqueue(speech, generation::release);
    }

    private void enqueue(Speech speech, java.util.function.Consumer<Speech> starter) {
        speech.starter = starter;
        queue.add(speech);
        if (current == null) {
            next();
        }
    }

    private void next() {
        current = queue.poll();
        if (current == null) {
            session.speakerIdle();
            return;
        }
        output.begin(current.id);
        session.speechStarting(current);
        current.starter.accept(current);
    }

    /** Adds text to the speech's TTS stream (opening it on first use). */
    void pushText(Speech s, String piece) {
        if (s != current || piece.isBlank()) {
            return;
        }
        if (s.tts == null) {
            Optional<TextToSpeech> tts = session.ttsFor(session.agent());
            if (tts.isEmpty()) {
                LOG.log(System.Logger.Level.WARNING, "agent '" + s.agent + "' has text to say but no TTS: " + piece);
                return;
            }
            s.ttsRate = tts.get().sampleRate();
            s.resampler = Resampler.create(s.ttsRate, 48_000);
            TtsOptions base = session.options().ttsOptions();
            String voice = session.agent().voice().orElse(base.voice());
            TtsOptions opts = new TtsOptions(voice, base.language(), base.speed());
            s.tts = tts.get().stream(opts, listener(s));
        }
        if (s.clock.ttsFirstText == 0) {
            s.clock.ttsFirstText = session.now();
        }
        String spaced = piece.endsWith(" ") || piece.endsWith("\n") ? piece : piece + " ";
        if (s.generation != null) {
            s.text.append(spaced);
        }
        s.tts.pushText(spaced);
    }

    /** No more text for the speech. */
    void endText(Speech s) {
        if (s != current) {
            return;
        }
        if (s.tts != null) {
            s.tts.end();
        } else {
            s.finished = true;
            output.end(s.id);
        }
    }

    private TtsListener listener(Speech s) {
        Lane lane = session.lane();
        return new TtsListener() {
            @Override
            public void onAudio(short[] pcm) {
                lane.execute(() -> audio(s, pcm));
            }

            @Override
            public void onAlignment(int textOffset, long audioSamples) {
                lane.execute(() -> s.align(textOffset, audioSamples));
            }

            @Override
            public void onDone() {
                lane.execute(() -> {
                    s.finished = true;
                    output.end(s.id);
                });
            }

            @Override
            public void onFailover(Failover failover) {
                session.failedOver("tts", failover);
            }

            @Override
            public void onError(ProviderException error) {
                lane.execute(() -> {
                    LOG.log(System.Logger.Level.WARNING, "TTS failed: " + error.getMessage());
                    if (s == current && !s.finished && s.samples48 == 0) {
                        session.providerExhausted("tts", error);
                    }
                    s.finished = true;
                    output.end(s.id);
                });
            }
        };
    }

    private void audio(Speech s, short[] pcm) {
        if (s != current) {
            return;
        }
        if (s.clock.ttsFirstAudio == 0) {
            s.clock.ttsFirstAudio = session.now();
        }
        short[] pcm48 = s.resampler.process(pcm);
        s.samples48 += pcm48.length;
        output.enqueue(s.id, pcm48);
    }

    /** Pauses the current speech's audio (barge-in). */
    void pause() {
        output.pause();
    }

    /** Resumes after a false interruption. */
    void resume() {
        output.resume();
    }

    boolean paused() {
        return output.paused();
    }

    /** Stops the current speech and drops the queued ones; the history keeps what was heard. */
    void interruptAll() {
        for (Speech queued : queue) {
            if (queued.generation != null) {
                queued.generation.cancel();
            }
        }
        queue.clear();
        if (current != null) {
            Speech s = current;
            long played = output.cancel();
            if (s.tts != null) {
                s.tts.cancel();
            }
            if (s.generation != null) {
                s.generation.cancel();
            }
            finish(s, s.heard(played, false), true);
        }
    }

    @Override
    public void playbackStarted(long speechId, long atNanos) {
        session.lane().execute(() -> {
            if (current != null && current.id == speechId) {
                current.playing = true;
                session.speechAudible(current, atNanos);
            }
        });
    }

    @Override
    public void playbackDrained(long speechId) {
        session.lane().execute(() -> {
            if (current != null && current.id == speechId) {
                boolean done = current.generation == null || current.generation.done();
                if (done) {
                    finish(current, current.heard(current.samples48, true), false);
                }
            }
        });
    }

    private void finish(Speech s, String heard, boolean interrupted) {
        current = null;
        String already = s.text.substring(0, Math.min(s.recordedChars, s.text.length())).strip();
        if (!already.isEmpty() && heard.startsWith(already)) {
            heard = heard.substring(already.length()).strip();
        }
        if (!heard.isEmpty()) {
            session.addHistory(new ChatMessage.Assistant(heard, List.of()));
        }
        session.speechEnded(s, heard, interrupted);
        next();
    }

    void close() {
        queue.clear();
        if (current != null) {
            if (current.tts != null) {
                current.tts.cancel();
            }
            if (current.generation != null) {
                current.generation.cancel();
            }
            current = null;
        }
        output.close();
    }

    Agent agent() {
        return session.agent();
    }
}
