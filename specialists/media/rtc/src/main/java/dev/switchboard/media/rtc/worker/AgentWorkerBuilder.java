package dev.switchboard.media.rtc.worker;

import dev.switchboard.media.rtc.RtcClient;
import dev.switchboard.spi.Secret;
import dev.switchboard.spi.TimeSource;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Builds an {@link AgentWorker}; {@link #build()} validates every setting and names the one that is
 * wrong. Not thread-safe.
 */
public final class AgentWorkerBuilder {

    private URI url;
    private String apiKey;
    private Secret apiSecret;
    private JobHandler handler;
    private String agentName = "";
    private JobType jobType = JobType.ROOM;
    private double loadThreshold = 0.7;
    private int maxJobs = 8;
    private RtcClient rtc;
    private TimeSource time = TimeSource.system();
    private Duration statusInterval = Duration.ofMillis(2_500);
    private Duration registerTimeout = Duration.ofSeconds(10);
    private Duration drainTimeout = Duration.ofSeconds(30);
    private Duration maxBackoff = Duration.ofSeconds(10);

    AgentWorkerBuilder() {
    }

    /** The LiveKit server ({@code ws}, {@code wss}, {@code http} or {@code https}); required. */
    public AgentWorkerBuilder url(URI value) {
        this.url = Objects.requireNonNull(value, "url");
        return this;
    }

    /** The API key that signs the worker's token; required. */
    public AgentWorkerBuilder apiKey(String value) {
        this.apiKey = Objects.requireNonNull(value, "apiKey");
        return this;
    }

    /** The API secret of {@link #apiKey}; required, never logged. */
    public AgentWorkerBuilder apiSecret(Secret value) {
        this.apiSecret = Objects.requireNonNull(value, "apiSecret");
        return this;
    }

    /** What runs in each job's room; required. */
    public AgentWorkerBuilder handler(JobHandler value) {
        this.handler = Objects.requireNonNull(value, "handler");
        return this;
    }

    /** The agent name explicit dispatches name; default "" (automatic dispatch: every new room). */
    public AgentWorkerBuilder agentName(String value) {
        this.agentName = Objects.requireNonNull(value, "agentName");
        return this;
    }

    /** The job type; default {@link JobType#ROOM}. */
    public AgentWorkerBuilder jobType(JobType value) {
        this.jobType = Objects.requireNonNull(value, "jobType");
        return this;
    }

    /** Load (running jobs / maxJobs) from which offers are refused and the worker reports full; default 0.7. */
    public AgentWorkerBuilder loadThreshold(double value) {
        this.loadThreshold = value;
        return this;
    }

    /** Jobs run at once at most; default 8. */
    public AgentWorkerBuilder maxJobs(int value) {
        this.maxJobs = value;
        return this;
    }

    /** A shared WebRTC engine; default one of the worker's own, closed with it. */
    public AgentWorkerBuilder rtc(RtcClient value) {
        this.rtc = Objects.requireNonNull(value, "rtc");
        return this;
    }

    /** The clock for timestamps and timeouts; default the system clock. */
    public AgentWorkerBuilder time(TimeSource value) {
        this.time = Objects.requireNonNull(value, "time");
        return this;
    }

    /** How often load is reported and the server pinged; default 2.5 s. */
    public AgentWorkerBuilder statusInterval(Duration value) {
        this.statusInterval = Objects.requireNonNull(value, "statusInterval");
        return this;
    }

    /** How long {@link AgentWorker#start()} waits for the registration answer; default 10 s. */
    public AgentWorkerBuilder registerTimeout(Duration value) {
        this.registerTimeout = Objects.requireNonNull(value, "registerTimeout");
        return this;
    }

    /** How long {@link AgentWorker#close()} waits for running jobs before asking them to stop; default 30 s. */
    public AgentWorkerBuilder drainTimeout(Duration value) {
        this.drainTimeout = Objects.requireNonNull(value, "drainTimeout");
        return this;
    }

    /** The longest wait between reconnection attempts (starting at 250 ms, doubling); default 10 s. */
    public AgentWorkerBuilder maxBackoff(Duration value) {
        this.maxBackoff = Objects.requireNonNull(value, "maxBackoff");
        return this;
    }

    /** The worker, not started yet. */
    public AgentWorker build() {
        require(url != null, "url", "is required");
        String scheme = String.valueOf(url.getScheme());
        require(scheme.matches("wss?|https?"), "url", "scheme must be ws, wss, http or https, got '" + scheme + "'");
        require(url.getHost() != null, "url", "must name a host");
        require(apiKey != null && !apiKey.isBlank(), "apiKey", "is required");
        require(apiSecret != null && !apiSecret.reveal().isBlank(), "apiSecret", "is required");
        require(handler != null, "handler", "is required");
        require(loadThreshold > 0 && loadThreshold <= 1, "loadThreshold", "must be in (0, 1], got " + loadThreshold);
        require(maxJobs >= 1, "maxJobs", "must be at least 1, got " + maxJobs);
        positive("statusInterval", statusInterval);
        positive("registerTimeout", registerTimeout);
        require(!drainTimeout.isNegative(), "drainTimeout", "must not be negative");
        positive("maxBackoff", maxBackoff);
        return new AgentWorkerImpl(new WorkerOptions(url, apiKey, apiSecret, agentName, jobType, loadThreshold,
                maxJobs, handler, Optional.ofNullable(rtc), time, statusInterval, registerTimeout, drainTimeout,
                maxBackoff, "switchboard-0.1.0"));
    }

    private static void positive(String field, Duration d) {
        require(!d.isNegative() && !d.isZero(), field, "must be positive, got " + d);
    }

    private static void require(boolean ok, String field, String rule) {
        if (!ok) {
            throw new IllegalArgumentException(field + ": " + rule);
        }
    }
}
