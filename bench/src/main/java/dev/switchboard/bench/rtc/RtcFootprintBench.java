package dev.switchboard.bench.rtc;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.bench.EndToEnd;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * CPU and resident memory per participant: N Java participants (pairs, each publishing a tone and
 * subscribing to the other) in this JVM, then the same N with the official Python SDK, one process each,
 * on the same livekit-server; prints both and the ratio java/python. CPU is the process's CPU
 * time over the window divided by the wall time; RSS is {@code VmRSS}. Not thread-safe.
 */
final class RtcFootprintBench implements EndToEnd {

    private static final int PARTICIPANTS = 10;

    @Override
    public String name() {
        return "RtcFootprint";
    }

    @Override
    public List<String> run(boolean quick) throws Exception {
        int settle = quick ? 2 : 4;
        int window = quick ? 5 : 15;
        List<String> lines = new ArrayList<>();
        try (RtcLab lab = RtcLab.start()) {
            Footprint java = java(lab, settle, window);
            lines.add("RtcFootprint " + java.line() + "   target: <= 50 MB per session (anchor)");
            Optional<Path> python = PythonCrowd.python();
            if (python.isEmpty()) {
                lines.add("RtcFootprint python: not measured (no venv: run scripts/setup.d/40-python-livekit.sh)");
                return lines;
            }
            Footprint py = python(lab, python.get(), settle, window);
            lines.add("RtcFootprint " + py.line() + "   reference");
            if (py.audibleShare() < 0.9 || java.audibleShare() < 0.9) {
                lines.add("RtcFootprint WARNING: a side received less than 90% of its audio; the ratio compares"
                        + " unequal work");
            }
            lines.add(String.format(Locale.ROOT, "RtcFootprint ratio java/python per participant: CPU %.2fx,"
                            + " RSS %.2fx (over idle: %.2fx)   target: report (lower is better)",
                    java.cores() / py.cores(), java.rssPerParticipant() / py.rssPerParticipant(),
                    java.marginalRssPerParticipant() / py.marginalRssPerParticipant()));
        }
        return lines;
    }

    private static Footprint java(RtcLab lab, int settle, int window) throws Exception {
        double idle = ProcessFootprint.self().rssMib();
        try (JavaCrowd crowd = new JavaCrowd(lab, "java-footprint")) {
            crowd.addPairs(PARTICIPANTS / 2);
            Thread.sleep(settle * 1000L);
            CrowdTotals t0 = crowd.totals();
            ProcessFootprint p0 = ProcessFootprint.self();
            Thread.sleep(window * 1000L);
            ProcessFootprint p1 = ProcessFootprint.self();
            CrowdTotals t1 = crowd.totals();
            double seconds = (p1.wallNanos() - p0.wallNanos()) / 1e9;
            return new Footprint("java", crowd.size(), p1.coresSince(p0), p1.rssMib(), idle,
                    t1.audibleRateSince(t0, seconds));
        }
    }

    /**
     * One Python process per participant, as LiveKit Agents runs one process per job (one process with
     * all ten starves: its event loop is a single core and it received only a third of the audio).
     */
    private static Footprint python(RtcLab lab, Path python, int settle, int window) throws Exception {
        List<PythonCrowd> processes = new ArrayList<>();
        try {
            double idle = 0;
            for (int i = 0; i < PARTICIPANTS; i++) {
                processes.add(PythonCrowd.start(python, lab.server().wsUrl(), "crowd",
                        List.of(lab.token("py-" + i, "python-footprint-" + (i / 2)))));
                idle += ProcessFootprint.of(processes.getLast().handle()).rssMib();
            }
            for (PythonCrowd p : processes) {
                p.send("go");
            }
            for (PythonCrowd p : processes) {
                p.await("ready", 90);
            }
            Thread.sleep(settle * 1000L);
            List<JsonNode> marks0 = mark(processes);
            ProcessFootprint p0 = sum(processes);
            Thread.sleep(window * 1000L);
            ProcessFootprint p1 = sum(processes);
            List<JsonNode> marks1 = mark(processes);
            double share = 0;
            StringBuilder each = new StringBuilder("python participants, audible share each:");
            for (int i = 0; i < PARTICIPANTS; i++) {
                double seconds = marks1.get(i).path("t").asDouble() - marks0.get(i).path("t").asDouble();
                double one = (marks1.get(i).path("audible").asLong() - marks0.get(i).path("audible").asLong())
                        / seconds / Tone.RATE;
                each.append(String.format(Locale.ROOT, " %.2f", one));
                share += one / PARTICIPANTS;
            }
            System.out.println(each);
            return new Footprint("python", PARTICIPANTS, p1.coresSince(p0), p1.rssMib(), idle, share);
        } finally {
            for (PythonCrowd p : processes) {
                p.close();
            }
        }
    }

    /** Each process's counters with its own timestamp (the marks are read one process after another). */
    private static List<JsonNode> mark(List<PythonCrowd> processes) throws Exception {
        for (PythonCrowd p : processes) {
            p.send("mark");
        }
        List<JsonNode> marks = new ArrayList<>();
        for (PythonCrowd p : processes) {
            marks.add(p.await("mark", 10));
        }
        return marks;
    }

    private static ProcessFootprint sum(List<PythonCrowd> processes) {
        long cpu = 0;
        long rss = 0;
        long wall = System.nanoTime();
        for (PythonCrowd p : processes) {
            ProcessFootprint f = ProcessFootprint.of(p.handle());
            cpu += f.cpuNanos();
            rss += f.rssKib();
        }
        return new ProcessFootprint(wall, cpu, rss);
    }
}
