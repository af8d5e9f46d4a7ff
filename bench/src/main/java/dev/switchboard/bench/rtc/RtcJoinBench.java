package dev.switchboard.bench.rtc;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.bench.EndToEnd;
import dev.switchboard.media.rtc.AudioFrame;
import dev.switchboard.media.rtc.LocalAudioTrack;
import dev.switchboard.media.rtc.RoomListener;
import dev.switchboard.media.rtc.RoomSession;
import dev.switchboard.spi.Secret;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Join time: a Java speaker publishes a tone in a room; a joiner connects (the WebSocket opens first)
 * and the clock stops at the first remote audio frame and at the first audible one. Repeated
 * sequentially (joiner leaves each time); then the same joins with the Python SDK as the reference.
 * Prints median and p95. Not thread-safe.
 */
final class RtcJoinBench implements EndToEnd {

    @Override
    public String name() {
        return "RtcJoin";
    }

    @Override
    public List<String> run(boolean quick) throws Exception {
        int joins = quick ? 10 : 25;
        List<String> lines = new ArrayList<>();
        ScheduledExecutorService feeder = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().factory());
        try (RtcLab lab = RtcLab.start();
             RoomSession speaker = lab.client().connect(lab.options("speaker", "join"))) {
            LocalAudioTrack track = speaker.publishAudio("tone");
            Tone tone = new Tone(440);
            long[] slice = {0};
            feeder.scheduleAtFixedRate(() -> {
                while (track.queuedMillis() < 200) {
                    track.write(tone.slice(slice[0]++));
                }
            }, 0, 50, TimeUnit.MILLISECONDS);
            Times java = java(lab, joins);
            lines.add(java.line("java  "));
            Optional<Path> python = PythonCrowd.python();
            if (python.isEmpty()) {
                lines.add("RtcJoin python: not measured (no venv: run scripts/setup.d/40-python-livekit.sh)");
                return lines;
            }
            Times py = python(lab, python.get(), joins);
            lines.add(py.line("python"));
            lines.add(String.format(Locale.ROOT, "RtcJoin ratio java/python, median to first audible frame: %.2fx"
                    + "   target: report (lower is better)", java.median(java.audible) / py.median(py.audible)));
        } finally {
            feeder.shutdownNow();
        }
        return lines;
    }

    private static Times java(RtcLab lab, int joins) throws Exception {
        Times times = new Times();
        for (int i = 0; i < joins; i++) {
            CompletableFuture<Long> first = new CompletableFuture<>();
            CompletableFuture<Long> audible = new CompletableFuture<>();
            long start = System.nanoTime();
            try (RoomSession joiner = lab.client().connect(lab.options("joiner-" + i, "join"))) {
                long connected = System.nanoTime();
                joiner.addListener(new RoomListener() {
                    @Override
                    public void onAudioFrame(AudioFrame frame) {
                        first.complete(frame.receivedNanos());
                        if (Tone.audible(frame.samples())) {
                            audible.complete(frame.receivedNanos());
                        }
                    }
                });
                long heard = audible.get(15, TimeUnit.SECONDS);
                times.add(millis(connected - start), millis(first.join() - start), millis(heard - start));
            }
            Thread.sleep(200);
        }
        return times;
    }

    private static Times python(RtcLab lab, Path python, int joins) throws Exception {
        List<Secret> tokens = new ArrayList<>();
        for (int i = 0; i < joins; i++) {
            tokens.add(lab.token("py-joiner-" + i, "join"));
        }
        Times times = new Times();
        try (PythonCrowd crowd = PythonCrowd.start(python, lab.server().wsUrl(), "join", tokens)) {
            crowd.send("go");
            for (int i = 0; i < joins; i++) {
                JsonNode e = crowd.await("join", 40);
                times.add(e.path("connected_ms").asDouble(), e.path("first_frame_ms").asDouble(),
                        e.path("first_audible_ms").asDouble());
            }
        }
        return times;
    }

    private static double millis(long nanos) {
        return nanos / 1e6;
    }

    /** Join times in milliseconds, three per join. Not thread-safe. */
    private static final class Times {
        private final List<Double> connected = new ArrayList<>();
        private final List<Double> first = new ArrayList<>();
        private final List<Double> audible = new ArrayList<>();

        void add(double connectedMs, double firstMs, double audibleMs) {
            connected.add(connectedMs);
            first.add(firstMs);
            audible.add(audibleMs);
        }

        double median(List<Double> values) {
            return Percentiles.of(values, 50);
        }

        String line(String who) {
            return String.format(Locale.ROOT, "RtcJoin %s (%d joins): connect() returned median %.0f ms;"
                            + " -> first remote audio frame median %.0f ms, p95 %.0f ms; -> first audible frame"
                            + " median %.0f ms, p95 %.0f ms   target: report",
                    who, audible.size(), median(connected), median(first), Percentiles.of(first, 95),
                    median(audible), Percentiles.of(audible, 95));
        }
    }
}
