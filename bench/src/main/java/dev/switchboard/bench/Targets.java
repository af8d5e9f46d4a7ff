package dev.switchboard.bench;

import java.util.Map;

/** The target each benchmark is measured against (from the issues); "report" when only the figure is asked. */
final class Targets {

    private static final Map<String, String> TARGETS = Map.ofEntries(
            Map.entry("RouterBench.route", "<= 5 us per request on 1,000 rules"),
            Map.entry("ExecuteBench.execute", "p99 <= 50 us (no-op specialist, schema gate, journal without fsync)"),
            Map.entry("ExecuteBench.executeFsync", "report (fsync cost shown separately)"),
            Map.entry("JournalBench.append", "report: journal append with and without fsync"),
            Map.entry("WorkflowBench.rollbackFiveSteps", "report: 5 no-op steps, all rolled back"),
            Map.entry("WorkflowBench.completeFiveSteps", "report: 5 no-op steps"));

    private Targets() {
    }

    static String of(String benchmark) {
        return TARGETS.getOrDefault(benchmark, "report");
    }
}
