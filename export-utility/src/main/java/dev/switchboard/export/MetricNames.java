package dev.switchboard.export;

import java.util.List;

/**
 * The coordinator's metric names and tags, as {@code OperationMetrics} and {@code EventDispatcher}
 * register them (Micrometer names; Prometheus shows dots as underscores, timers with
 * {@code _seconds}). A test runs operations and checks that every name registered is listed here.
 * Stateless, thread-safe.
 */
final class MetricNames {

    /** One metric. */
    record Metric(String name, String type, String tags, String meaning) {
    }

    static final List<Metric> ALL = List.of(
            new Metric("switchboard.operation.latency", "timer", "operation, outcome",
                    "time from execute to result, per operation; outcome success or failure"),
            new Metric("switchboard.operation.errors", "counter", "operation, code",
                    "failed operations by failure code"),
            new Metric("switchboard.gate.rejections", "counter", "operation, gate", "requests a gate refused"),
            new Metric("switchboard.compensations", "counter", "operation, outcome",
                    "compensations run in rolled-back workflows"),
            new Metric("switchboard.events.dropped", "counter", "", "events not delivered to a slow listener"));

    private MetricNames() {
    }

    static String markdown() {
        StringBuilder out = new StringBuilder("# Metrics\n\nServed in Prometheus format at `GET /metrics` by "
                + "`switchboard serve` (dots become underscores; timers end in `_seconds`).\n\n"
                + "| name | type | tags | meaning |\n|---|---|---|---|\n");
        for (Metric m : ALL) {
            out.append("| `").append(m.name()).append("` | ").append(m.type()).append(" | ").append(m.tags())
                    .append(" | ").append(m.meaning()).append(" |\n");
        }
        return out.append("\nSpecialists add their own through `SpecialistContext.metrics()`.\n").toString();
    }
}
