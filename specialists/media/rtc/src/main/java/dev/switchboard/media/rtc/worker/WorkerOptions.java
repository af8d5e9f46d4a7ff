package dev.switchboard.media.rtc.worker;

import dev.switchboard.media.rtc.RtcClient;
import dev.switchboard.spi.Secret;
import dev.switchboard.spi.TimeSource;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** The validated settings of one worker (see {@link AgentWorkerBuilder} for meanings and defaults). */
record WorkerOptions(URI url, String apiKey, Secret apiSecret, String agentName, JobType jobType,
                     double loadThreshold, int maxJobs, JobHandler handler, Optional<RtcClient> rtc,
                     TimeSource time, Duration statusInterval, Duration registerTimeout,
                     Duration drainTimeout, Duration maxBackoff, String version) {
}
