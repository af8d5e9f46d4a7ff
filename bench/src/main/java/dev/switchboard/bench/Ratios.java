package dev.switchboard.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;

/**
 * Pairs each benchmark class's {@code viaCoordinator} with its {@code direct} reference measured in the
 * same run and prints the ratio (lower is better; 1.0 means the coordinator adds nothing).
 */
final class Ratios {

    private Ratios() {
    }

    static List<String> of(Collection<RunResult> results) {
        Map<String, Double> via = new LinkedHashMap<>();
        Map<String, Double> direct = new LinkedHashMap<>();
        for (RunResult r : results) {
            String full = r.getParams().getBenchmark();
            String owner = full.substring(0, full.lastIndexOf('.')).replace("dev.switchboard.bench.", "");
            double score = r.getPrimaryResult().getScore();
            if (full.endsWith(".viaCoordinator")) {
                via.put(owner, score);
            } else if (full.endsWith(".direct")) {
                direct.put(owner, score);
            }
        }
        List<String> lines = new ArrayList<>();
        via.forEach((owner, v) -> {
            Double d = direct.get(owner);
            if (d != null && d > 0) {
                lines.add(String.format(Locale.ROOT, "%-55s ratio viaCoordinator/direct = %.2fx   target: %s",
                        owner, v / d, Targets.of(owner + ".ratio")));
            }
        });
        return lines;
    }
}
