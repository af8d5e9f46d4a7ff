package dev.switchboard.media.rtc;

import java.time.Duration;
import java.util.Objects;

/**
 * A change of a session's {@link ConnectionState}, delivered to {@link RoomListener#onConnectionChanged}:
 * a reconnect attempt starts, the session came back by resume or by rejoin, or it ended. Immutable,
 * thread-safe.
 */
public sealed interface ConnectionChange {

    /** The state the session is in after this change. */
    ConnectionState state();

    /**
     * Attempt {@code attempt} (1-based, counted from the loss) is starting.
     *
     * @param attempt the attempt number
     * @param recovery whether this attempt resumes or rejoins
     * @param cause why the connection is being recovered (the loss, or why the previous attempt failed)
     */
    record Reconnecting(int attempt, Recovery recovery, String cause) implements ConnectionChange {
        /** Checks the fields. */
        public Reconnecting {
            Objects.requireNonNull(recovery, "recovery");
            Objects.requireNonNull(cause, "cause");
        }

        @Override
        public ConnectionState state() {
            return ConnectionState.RECONNECTING;
        }
    }

    /**
     * The session resumed: same participant sid and track sids.
     *
     * @param attempts how many attempts it took
     * @param downtime from the loss being noticed to the PeerConnections being connected again
     */
    record Resumed(int attempts, Duration downtime) implements ConnectionChange {
        /** Checks the fields. */
        public Resumed {
            Objects.requireNonNull(downtime, "downtime");
        }

        @Override
        public ConnectionState state() {
            return ConnectionState.CONNECTED;
        }
    }

    /**
     * The session joined again: a new participant sid; local tracks were published again under new track
     * sids ({@link LocalAudioTrack#trackSid()} reports the new one).
     *
     * @param attempts how many attempts it took
     * @param downtime from the loss being noticed to the local tracks being published again
     * @param previousParticipantSid the sid before the rejoin
     * @param participantSid the sid now
     */
    record Rejoined(int attempts, Duration downtime, String previousParticipantSid, String participantSid)
            implements ConnectionChange {
        /** Checks the fields. */
        public Rejoined {
            Objects.requireNonNull(downtime, "downtime");
            Objects.requireNonNull(previousParticipantSid, "previousParticipantSid");
            Objects.requireNonNull(participantSid, "participantSid");
        }

        @Override
        public ConnectionState state() {
            return ConnectionState.CONNECTED;
        }
    }

    /**
     * The session ended; {@link RoomListener#onDisconnected} follows with the same reason.
     *
     * @param reason why (closed by the caller, sent away by the server, or reconnecting gave up)
     */
    record Disconnected(String reason) implements ConnectionChange {
        /** Checks the fields. */
        public Disconnected {
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public ConnectionState state() {
            return ConnectionState.DISCONNECTED;
        }
    }
}
