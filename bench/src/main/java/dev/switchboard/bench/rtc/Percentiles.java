package dev.switchboard.bench.rtc;

import java.util.List;

/** Nearest-rank percentiles of a sample. Stateless. */
final class Percentiles {

    private Percentiles() {
    }

    /** The {@code q}-th percentile (0 < q ≤ 100) of {@code values}, nearest rank; NaN when empty. */
    static double of(List<Double> values, double q) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = values.stream().sorted().toList();
        int rank = (int) Math.ceil(q / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }
}
