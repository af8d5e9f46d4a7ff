package dev.switchboard.specialist.media;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.media.rtc.worker.JobType;
import dev.switchboard.specialist.common.Params;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The settings of the specialist's agent worker: the mode's {@code [specialists.media.worker]} table,
 * overridden by the {@code media.worker.start} request. Immutable.
 *
 * @param agentName the agent name ("" for automatic dispatch); default {@code switchboard-agent}
 * @param jobType the job type; default room
 * @param loadThreshold load from which offers are refused; default 0.7
 * @param maxJobs jobs at once; default 8
 * @param drainTimeout how long {@code media.worker.stop} waits for running jobs; default 30 s
 * @param agent the voice agent each job runs ({@code echo}, {@code assistant} or a TOML agent); default echo
 */
record WorkerSettings(String agentName, JobType jobType, double loadThreshold, int maxJobs, Duration drainTimeout,
                      String agent) {

    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m)");

    /** The config table with the request's overrides; a bad value names its request key. */
    static WorkerSettings from(JsonNode config, ObjectNode params) {
        JsonNode c = config.path("worker");
        String agentName = Params.optString(params, "agent-name")
                .orElse(c.path("agent-name").asText("switchboard-agent"));
        String type = Params.optString(params, "job-type").orElse(c.path("job-type").asText("room"));
        JobType jobType = switch (type.toLowerCase(Locale.ROOT)) {
            case "room" -> JobType.ROOM;
            case "publisher" -> JobType.PUBLISHER;
            case "participant" -> JobType.PARTICIPANT;
            default -> throw Params.invalid("job-type", "must be room, publisher or participant, got '" + type + "'");
        };
        double threshold = params.has("load-threshold") ? params.path("load-threshold").asDouble()
                : c.path("load-threshold").asDouble(0.7);
        if (!(threshold > 0 && threshold <= 1)) {
            throw Params.invalid("load-threshold", "must be in (0, 1], got " + threshold);
        }
        int maxJobs = Params.optInt(params, "max-jobs").orElse(c.path("max-jobs").asInt(8));
        if (maxJobs < 1) {
            throw Params.invalid("max-jobs", "must be at least 1, got " + maxJobs);
        }
        Duration drain = Params.optString(params, "drain-timeout").map(d -> duration("drain-timeout", d))
                .orElseGet(() -> duration("drain-timeout", c.path("drain-timeout").asText("30s")));
        String agent = Params.optString(params, "agent").orElse(c.path("agent").asText("echo"));
        return new WorkerSettings(agentName, jobType, threshold, maxJobs, drain, agent);
    }

    /** Parses {@code 500ms}, {@code 30s} or {@code 2m}. */
    static Duration duration(String key, String text) {
        Matcher m = DURATION.matcher(text.trim());
        if (!m.matches()) {
            throw Params.invalid(key, "must be a duration like 500ms, 30s or 2m, got '" + text + "'");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            default -> Duration.ofMinutes(n);
        };
    }
}
