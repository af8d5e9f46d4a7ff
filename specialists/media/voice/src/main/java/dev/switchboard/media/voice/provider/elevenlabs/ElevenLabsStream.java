package dev.switchboard.media.voice.provider.elevenlabs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.media.voice.provider.internal.Http;
import dev.switchboard.media.voice.provider.internal.HttpErrors;
import dev.switchboard.media.voice.provider.internal.Pcm;
import dev.switchboard.media.voice.provider.internal.Redactor;
import dev.switchboard.media.voice.spi.ProviderException;
import dev.switchboard.media.voice.spi.TtsListener;
import dev.switchboard.media.voice.spi.TtsStream;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;

/**
 * One reply over ElevenLabs' stream-input WebSocket. Each pushed piece is sent with a trailing
 * space and {@code flush: true}; audio messages carry base64 PCM and the characters they cover
 * ({@code alignment.chars}), which map back to offsets in the pushed text for
 * {@link TtsListener#onAlignment}. {@code isFinal} ends the stream. While text waits for audio, a
 * watchdog fails the stream after the idle timeout. Thread-safe for {@link #cancel()}; one thread
 * pushes.
 */
final class ElevenLabsStream extends WebSocketListener implements TtsStream {

    /** Sent characters {@code [sentStart, sentStart + sentLength)} are pushed characters from {@code origStart}. */
    private record Segment(int sentStart, int sentLength, int origStart, int origLength) {
    }

    private final String provider;
    private final TtsListener listener;
    private final Redactor redactor;
    private final Duration idle;
    private final AtomicBoolean over = new AtomicBoolean();
    private final List<Segment> segments = new ArrayList<>();
    private volatile WebSocket socket;
    private volatile ScheduledFuture<?> watchdog;
    private volatile long lastMessageNanos = System.nanoTime();
    private volatile boolean awaiting;
    private volatile boolean ended;
    private int sentChars;
    private int pushedChars;
    private int alignedChars;
    private long samples;

    ElevenLabsStream(String provider, TtsListener listener, Redactor redactor, Duration idle) {
        this.provider = provider;
        this.listener = listener;
        this.redactor = redactor;
        this.idle = idle;
    }

    void open(OkHttpClient client, Request request, String beginning) {
        // the watchdog first: a fast server's error can reach fail() (which cancels it) before this returns
        long tick = Math.max(50, idle.toMillis() / 4);
        watchdog = Http.timers().scheduleAtFixedRate(this::checkIdle, tick, tick, TimeUnit.MILLISECONDS);
        socket = client.newWebSocket(request, this);
        socket.send(beginning);
    }

    @Override
    public synchronized void pushText(String text) {
        if (over.get() || ended) {
            return;
        }
        if (text.isBlank()) {
            pushedChars += text.length();
            return;
        }
        String sent = text.endsWith(" ") ? text : text + " ";
        segments.add(new Segment(sentChars, sent.length(), pushedChars, text.length()));
        sentChars += sent.length();
        pushedChars += text.length();
        if (!awaiting) {
            lastMessageNanos = System.nanoTime();
            awaiting = true;
        }
        socket.send(ElevenLabsMessages.text(sent));
    }

    @Override
    public synchronized void end() {
        if (!over.get() && !ended) {
            ended = true;
            if (!awaiting) {
                lastMessageNanos = System.nanoTime();
                awaiting = true;
            }
            socket.send(ElevenLabsMessages.end());
        }
    }

    @Override
    public void cancel() {
        if (over.compareAndSet(false, true)) {
            watchdog.cancel(false);
            socket.cancel();
        }
    }

    private void checkIdle() {
        if (awaiting && !over.get() && System.nanoTime() - lastMessageNanos > idle.toNanos()) {
            fail(new ProviderException(provider, "no audio for " + idle.toMillis() + " ms while text was waiting",
                    true));
        }
    }

    @Override
    public void onMessage(WebSocket ws, String text) {
        lastMessageNanos = System.nanoTime();
        if (over.get()) {
            return;
        }
        JsonNode m;
        try {
            m = ElevenLabsMessages.JSON.readTree(text);
        } catch (IOException e) {
            fail(new ProviderException(provider, "malformed message (not JSON)", true));
            return;
        }
        JsonNode audio = m.path("audio");
        if (!audio.isTextual() && (m.path("error").isTextual() || m.path("message").isTextual())) {
            String message = m.path("message").asText(m.path("error").asText());
            fail(new ProviderException(provider, "error from ElevenLabs: " + redactor.clean(message), true));
            return;
        }
        if (audio.isTextual() && !audio.asText().isEmpty()) {
            byte[] pcm = Base64.getDecoder().decode(audio.asText());
            short[] samplesOut = Pcm.toShorts(pcm, 0, pcm.length & ~1);
            samples += samplesOut.length;
            listener.onAudio(samplesOut);
            JsonNode alignment = m.path("alignment").isObject() ? m.get("alignment") : m.path("normalizedAlignment");
            JsonNode chars = alignment.path("chars");
            if (chars.isArray() && !chars.isEmpty()) {
                int offset = aligned(chars.size());
                listener.onAlignment(offset, samples);
            } else {
                awaiting = ended; // no alignment: cannot tell what is still owed
            }
        }
        if (m.path("isFinal").asBoolean(false)) {
            done();
        }
    }

    /** Counts {@code count} more aligned characters; returns the pushed-text offset they reach. */
    private synchronized int aligned(int count) {
        alignedChars += count;
        awaiting = ended || alignedChars < sentChars;
        for (Segment s : segments) {
            int aligned = alignedChars;
            if (aligned <= s.sentStart() + s.sentLength()) {
                return s.origStart() + Math.min(aligned - s.sentStart(), s.origLength());
            }
        }
        return pushedChars;
    }

    private void done() {
        if (over.compareAndSet(false, true)) {
            watchdog.cancel(false);
            socket.close(1000, null);
            listener.onDone();
        }
    }

    @Override
    public void onClosing(WebSocket ws, int code, String reason) {
        ws.close(1000, null);
        if (ended && code == 1000 && samples > 0) {
            done();
            return;
        }
        fail(new ProviderException(provider, "the server closed the stream (" + code
                + (reason.isEmpty() ? "" : " " + redactor.clean(reason)) + ")", code != 1008));
    }

    @Override
    public void onFailure(WebSocket ws, Throwable t, Response response) {
        fail(HttpErrors.webSocket(provider, t, response, redactor));
    }

    private void fail(ProviderException e) {
        if (over.compareAndSet(false, true)) {
            watchdog.cancel(false);
            socket.cancel();
            listener.onError(e);
        }
    }
}
