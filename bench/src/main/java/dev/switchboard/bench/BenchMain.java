package dev.switchboard.bench;

import dev.switchboard.bench.rtc.RtcHarnesses;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs Switchboard's end-to-end realtime harnesses and JMH benchmarks and prints one line per figure with
 * its target, so a run's output is the report. Arguments are regexes of benchmarks to include (default:
 * all); the realtime harnesses are named {@code Rtc...}.
 * {@code BENCH_QUICK=1} shortens the run for smoke checks (figures are then rough).
 */
public final class BenchMain {

    private BenchMain() {
    }

    /**
     * Entry point. Arguments matching an end-to-end harness's name select it (see {@link RtcHarnesses});
     * the others go to JMH as include regexes. No argument runs everything.
     */
    public static void main(String[] args) throws RunnerException {
        boolean quick = "1".equals(System.getenv("BENCH_QUICK"));
        List<EndToEnd> harnesses = new ArrayList<>();
        List<String> jmhArgs = new ArrayList<>();
        for (String arg : args) {
            List<EndToEnd> matched = RtcHarnesses.all().stream()
                    .filter(h -> Pattern.compile(arg).matcher(h.name()).find()).toList();
            if (matched.isEmpty()) {
                jmhArgs.add(arg);
            }
            matched.stream().filter(h -> harnesses.stream().noneMatch(k -> k.name().equals(h.name())))
                    .forEach(harnesses::add);
        }
        if (args.length == 0) {
            harnesses.addAll(RtcHarnesses.all());
        }
        List<String> endToEnd = runEndToEnd(harnesses, quick);
        Collection<RunResult> results = args.length > 0 && jmhArgs.isEmpty() ? List.of() : jmh(quick, jmhArgs);
        System.out.println();
        System.out.println("== Switchboard benchmark figures" + (quick ? " (BENCH_QUICK: rough)" : "") + " ==");
        for (String line : report(results)) {
            System.out.println(line);
        }
        for (String line : Ratios.of(results)) {
            System.out.println(line);
        }
        for (String line : VadReference.of(results, quick)) {
            System.out.println(line);
        }
        endToEnd.forEach(System.out::println);
        if (endToEnd.stream().anyMatch(l -> l.contains(" FAILED: "))) {
            System.exit(1);
        }
    }

    private static List<String> runEndToEnd(List<EndToEnd> harnesses, boolean quick) {
        List<String> lines = new ArrayList<>();
        if (!harnesses.isEmpty()) {
            lines.add("-- realtime (end-to-end; load average at start " + loadAverage() + ") --");
        }
        for (EndToEnd harness : harnesses) {
            System.out.println("# end-to-end: " + harness.name());
            try {
                List<String> figures = harness.run(quick);
                figures.forEach(System.out::println);
                lines.addAll(figures);
            } catch (Exception e) {
                e.printStackTrace();
                lines.add(harness.name() + " FAILED: " + e);
            }
        }
        return lines;
    }

    private static String loadAverage() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ")[0];
        } catch (java.io.IOException e) {
            return "?";
        }
    }

    private static Collection<RunResult> jmh(boolean quick, List<String> includes) throws RunnerException {
        ChainedOptionsBuilder options = new OptionsBuilder()
                .forks(1)
                .warmupIterations(quick ? 1 : 3)
                .warmupTime(TimeValue.seconds(quick ? 1 : 2))
                .measurementIterations(quick ? 2 : 5)
                .measurementTime(TimeValue.seconds(quick ? 1 : 2))
                .shouldFailOnError(true)
                .jvmArgsAppend("-Xms512m", "-Xmx512m");
        (includes.isEmpty() ? List.of("dev\\.switchboard\\.bench\\..*") : includes).forEach(options::include);
        return new Runner(options.build()).run();
    }

    static List<String> report(Collection<RunResult> results) {
        List<String> lines = new ArrayList<>();
        for (RunResult r : results) {
            String name = r.getParams().getBenchmark().replace("dev.switchboard.bench.", "");
            String params = r.getParams().getParamsKeys().isEmpty() ? "" : " " + paramsOf(r);
            var primary = r.getPrimaryResult();
            var stats = primary.getStatistics();
            String figure = switch (r.getParams().getMode()) {
                case SampleTime -> String.format(Locale.ROOT, "p50 %.2f p99 %.2f %s (n=%d)",
                        stats.getPercentile(50), stats.getPercentile(99), primary.getScoreUnit(), stats.getN());
                default -> String.format(Locale.ROOT, "%.3f ± %.3f %s",
                        primary.getScore(), primary.getScoreError(), primary.getScoreUnit());
            };
            lines.add(String.format(Locale.ROOT, "%-55s %s   target: %s", name + params, figure, Targets.of(name)));
            r.getSecondaryResults().forEach((key, value) -> {
                if (!key.startsWith("·")) {
                    lines.add(String.format(Locale.ROOT, "  %-53s %.3f %s",
                            key, value.getScore(), value.getScoreUnit()));
                }
            });
        }
        return lines;
    }

    private static String paramsOf(RunResult r) {
        StringBuilder out = new StringBuilder();
        for (String key : r.getParams().getParamsKeys()) {
            out.append(out.isEmpty() ? "" : ",").append(key).append('=').append(r.getParams().getParam(key));
        }
        return "[" + out + "]";
    }
}
