package dev.switchboard.media.rtc;

import dev.switchboard.spi.FailureCode;
import livekit.LivekitRtc.LeaveRequest;

/** The server answered a resume with {@code leave}: the session must rejoin (or end). Immutable. */
final class ResumeRefusedException extends RtcException {

    private final LeaveRequest.Action action;

    ResumeRefusedException(LeaveRequest leave) {
        super("server refused the resume (" + leave.getReason() + ", " + leave.getAction() + ")");
        this.action = leave.getAction();
    }

    /** What the server asked for instead: RECONNECT (rejoin) or DISCONNECT (end). */
    LeaveRequest.Action action() {
        return action;
    }

    @Override
    public String code() {
        return FailureCode.CONFLICT;
    }
}
