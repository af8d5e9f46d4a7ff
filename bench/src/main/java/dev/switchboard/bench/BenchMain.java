package dev.switchboard.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs Switchboard's JMH benchmarks and prints one line per figure with its target, so a run's
 * output is the report. Arguments are regexes of benchmarks to include (default: all).
 * {@code BENCH_QUICK=1} shortens the run for smoke checks (figures are then rough).
 */
public final class BenchMain {

    private BenchMain() {
    }

    /** Entry point. */
    public static void main(String[] args) throws RunnerException {
        boolean quick = "1".equals(System.getenv("BENCH_QUICK"));
        ChainedOptionsBuilder options = new OptionsBuilder()
                .forks(1)
                .warmupIterations(quick ? 1 : 3)
                .warmupTime(TimeValue.seconds(quick ? 1 : 2))
                .measurementIterations(quick ? 2 : 5)
                .measurementTime(TimeValue.seconds(quick ? 1 : 2))
                .shouldFailOnError(true)
                .jvmArgsAppend("-Xms512m", "-Xmx512m");
        List<String> includes = args.length == 0 ? List.of("dev\\.switchboard\\.bench\\..*") : List.of(args);
        includes.forEach(options::include);
        Collection<RunResult> results = new Runner(options.build()).run();
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
