package dev.switchboard.bench.voice;

import dev.switchboard.media.rtc.RtcClient;
import dev.switchboard.testkit.SpeechFixtures;
import dev.switchboard.testkit.livekit.LiveKitNetwork;
import dev.switchboard.testkit.livekit.LiveKitServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Echo-agent sessions one machine holds. Per VAD (Silero, the default, and an energy VAD) and load level:
 * N rooms, each an echo agent (VAD over the user's audio; on end of speech the turn's audio is played
 * back) and a simulated user speaking a 0.9 s phrase every 3 s; a warm-up, then a measured window. Prints
 * per level the agents' outgoing-frame deadline misses (frames handed to WebRTC > 5 ms after their
 * 10 ms slot) and worst lateness, CPU and RSS per session, echoes heard and echo latency (user stops →
 * echo audio at the user), with the load average. With Silero the same level then runs with LiveKit
 * Agents' Python echo agents ({@link PythonEchoAgents}) and prints Java/Python ratios, or why not (the
 * Python levels run after all Java levels, so the processes' load never overlaps a Java level).
 * Usage: {@code EchoCapacityBench [levels] [seconds] [vads] [python: auto|off]} (defaults
 * {@code 10,25,50,100 15 silero,energy auto}). A level whose setup fails ends that VAD's sequence.
 */
public final class EchoCapacityBench {

    private EchoCapacityBench() {
    }

    /** Entry point. */
    public static void main(String[] args) throws Exception {
        String levels = args.length > 0 ? args[0] : "10,25,50,100";
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        String vads = args.length > 2 ? args[2] : "silero,energy";
        boolean pythonWanted = args.length <= 3 || !args[3].equals("off");
        System.out.println("== voice: echo sessions per machine (" + Runtime.getRuntime().availableProcessors()
                + " cores), " + EchoLevels.WARMUP_SECONDS + " s warm-up + " + seconds + " s per level ==");
        if (!SpeechFixtures.espeakAvailable()) {
            System.out.println("espeak-ng is missing (scripts/setup.d/50-silero-model.sh installs it): the users say a"
                    + " 300 Hz tone, which the Silero VAD does not take for speech; Silero levels skipped");
        }
        short[] phrase = SpeechFixtures.espeakAvailable() ? spoken("Hello there.")
                : BenchAudio.tone(300, 48_000, 1_000);
        Optional<Path> python = Optional.empty();
        String noPython = "python reference off (argument 4)";
        if (pythonWanted) {
            try {
                python = Optional.of(PythonSetup.venvPython());
            } catch (IllegalStateException e) {
                noPython = e.getMessage();
            }
        }
        List<EchoFigures> all = new ArrayList<>();
        List<String> ratios = new ArrayList<>();
        try (LiveKitServer server = LiveKitServer.builder().network(LiveKitNetwork.NAMESPACE).logLevel("warn").start();
             RtcClient client = RtcClient.create()) {
            EchoLevels bench = new EchoLevels(client, server, phrase, seconds);
            List<EchoFigures> sileroJava = new ArrayList<>();
            for (String vad : vads.split(",")) {
                if (vad.equals("silero") && !SpeechFixtures.espeakAvailable()) {
                    continue;
                }
                for (String level : levels.split(",")) {
                    int n = Integer.parseInt(level.strip());
                    try {
                        EchoFigures java = bench.runJava(vad, n);
                        System.out.println(java.line());
                        all.add(java);
                        if (vad.equals("silero")) {
                            sileroJava.add(java);
                        }
                    } catch (RuntimeException e) {
                        System.out.printf(Locale.ROOT, "%-6s java   sessions %4d  could not be set up: %s (load average"
                                + " %.1f)%n", vad, n, e.getMessage(), EchoLevels.loadAverage());
                        break;
                    }
                }
            }
            // the Python levels run after every Java level, so their processes' load never overlaps a Java level
            for (EchoFigures java : sileroJava) {
                Optional<EchoFigures> py = pythonLevel(bench, python, java.sessions(), noPython);
                py.ifPresent(p -> {
                    System.out.println(p.line());
                    String ratio = EchoFigures.ratios(java, p);
                    System.out.println(ratio);
                    all.add(p);
                    ratios.add(ratio);
                });
                if (python.isPresent() && py.isEmpty()) {
                    break;
                }
            }
        }
        System.out.println("== summary (target: >= 100 sessions with <= 0.1 % deadline misses; <= 20 MB/session) ==");
        all.forEach(f -> System.out.println(f.line()));
        ratios.forEach(System.out::println);
        // webrtc-java may leave native threads behind (and print "Failed to attach thread"): do not wait for them
        System.exit(0);
    }

    /** The phrase without espeak's leading and trailing silence (about 0.9 s), so "user stopped" is exact. */
    private static short[] spoken(String text) {
        short[] pcm = SpeechFixtures.say(text, 48_000);
        SpeechFixtures.Span span = SpeechFixtures.activeSpan(pcm, 300);
        return java.util.Arrays.copyOfRange(pcm, span.startSample(), span.endSample());
    }

    private static Optional<EchoFigures> pythonLevel(EchoLevels bench, Optional<Path> python, int n, String reason) {
        if (python.isEmpty()) {
            System.out.println("silero python sessions " + n + "  not run: " + reason);
            return Optional.empty();
        }
        Optional<String> tooBig = bench.pythonMemoryRefusal(n);
        if (tooBig.isPresent()) {
            System.out.println("silero python sessions " + n + "  not run: " + tooBig.get());
            return Optional.empty();
        }
        try {
            Path script = Path.of("bench/python/echo_agent.py");
            if (!Files.isRegularFile(script)) {
                System.out.println("silero python sessions " + n + "  not run: " + script.toAbsolutePath()
                        + " missing (run from the repository root)");
                return Optional.empty();
            }
            return Optional.of(bench.runPython(python.get(), script, n));
        } catch (Exception e) {
            System.out.printf(Locale.ROOT, "silero python sessions %4d  could not be set up: %s (load average %.1f)%n",
                    n, e.getMessage(), EchoLevels.loadAverage());
            return Optional.empty();
        }
    }
}
