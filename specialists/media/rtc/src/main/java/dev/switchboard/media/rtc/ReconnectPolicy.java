package dev.switchboard.media.rtc;

import java.time.Duration;
import java.util.Objects;

/**
 * How a session recovers a lost connection. The first attempt starts at once; attempt {@code n > 1} waits
 * {@code min(maxBackoff, minBackoff × 2^(n-2))}. Attempts resume ({@link Recovery#RESUME}) while the loss is
 * younger than {@code resumeWindow} and the server allows it, then rejoin ({@link Recovery#REJOIN}); once
 * {@code giveUpAfter} has passed since the loss the session ends {@link ConnectionState#DISCONNECTED}.
 * Immutable, thread-safe.
 *
 * @param enabled whether to reconnect at all; false ends the session on the first loss (default true)
 * @param minBackoff the wait before the second attempt (default 250 ms)
 * @param maxBackoff the longest wait between attempts (default 5 s)
 * @param resumeWindow how long after the loss resuming is still tried before rejoining (default 10 s)
 * @param giveUpAfter how long after the loss the session gives up (default 60 s)
 * @param iceDisconnectedGrace how long a PeerConnection may stay {@code disconnected} before it counts as
 *     lost ({@code failed} counts at once; default 2 s)
 * @param replayPackets how many reliable data packets are kept for re-sending after a resume (sent ones up to
 *     1 MiB in all), and how many may wait while reconnecting (default 256)
 */
public record ReconnectPolicy(boolean enabled, Duration minBackoff, Duration maxBackoff, Duration resumeWindow,
                              Duration giveUpAfter, Duration iceDisconnectedGrace, int replayPackets) {

    /** Validates every field; see {@link Builder#build()}. */
    public ReconnectPolicy {
        requirePositive("minBackoff", minBackoff);
        requirePositive("maxBackoff", maxBackoff);
        requirePositive("giveUpAfter", giveUpAfter);
        requirePositive("iceDisconnectedGrace", iceDisconnectedGrace);
        Objects.requireNonNull(resumeWindow, "resumeWindow");
        if (resumeWindow.isNegative()) {
            throw new IllegalArgumentException("resumeWindow: must not be negative, got " + resumeWindow);
        }
        if (maxBackoff.compareTo(minBackoff) < 0) {
            throw new IllegalArgumentException("maxBackoff: must be at least minBackoff (" + minBackoff + "), got "
                    + maxBackoff);
        }
        if (replayPackets < 1) {
            throw new IllegalArgumentException("replayPackets: must be at least 1, got " + replayPackets);
        }
    }

    /** The defaults: reconnect, resume for 10 s, give up after 60 s. */
    public static ReconnectPolicy defaults() {
        return builder().build();
    }

    /** Never reconnect: the first loss ends the session (the behaviour before reconnects existed). */
    public static ReconnectPolicy disabled() {
        return builder().enabled(false).build();
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    private static void requirePositive(String field, Duration d) {
        Objects.requireNonNull(d, field);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(field + ": must be positive, got " + d);
        }
    }

    /** Builds a {@link ReconnectPolicy}. Not thread-safe. */
    public static final class Builder {
        private boolean enabled = true;
        private Duration minBackoff = Duration.ofMillis(250);
        private Duration maxBackoff = Duration.ofSeconds(5);
        private Duration resumeWindow = Duration.ofSeconds(10);
        private Duration giveUpAfter = Duration.ofSeconds(60);
        private Duration iceDisconnectedGrace = Duration.ofSeconds(2);
        private int replayPackets = 256;

        private Builder() {
        }

        /** Whether to reconnect at all (default true). */
        public Builder enabled(boolean value) {
            this.enabled = value;
            return this;
        }

        /** The wait before the second attempt (default 250 ms). */
        public Builder minBackoff(Duration value) {
            this.minBackoff = value;
            return this;
        }

        /** The longest wait between attempts (default 5 s). */
        public Builder maxBackoff(Duration value) {
            this.maxBackoff = value;
            return this;
        }

        /** How long after the loss resuming is tried before rejoining; zero always rejoins (default 10 s). */
        public Builder resumeWindow(Duration value) {
            this.resumeWindow = value;
            return this;
        }

        /** How long after the loss the session gives up (default 60 s). */
        public Builder giveUpAfter(Duration value) {
            this.giveUpAfter = value;
            return this;
        }

        /** How long a PeerConnection may stay disconnected before it counts as lost (default 2 s). */
        public Builder iceDisconnectedGrace(Duration value) {
            this.iceDisconnectedGrace = value;
            return this;
        }

        /** How many reliable packets are kept for re-sending (default 256). */
        public Builder replayPackets(int value) {
            this.replayPackets = value;
            return this;
        }

        /** The policy; throws {@link IllegalArgumentException} naming the field that is wrong. */
        public ReconnectPolicy build() {
            return new ReconnectPolicy(enabled, minBackoff, maxBackoff, resumeWindow, giveUpAfter,
                    iceDisconnectedGrace, replayPackets);
        }
    }
}
