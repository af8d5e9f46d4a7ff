package dev.switchboard.media.rtc;

import dev.switchboard.spi.FailureCode;

/**
 * An RPC failed, with LiveKit's RPC error code: 1500 application error, 1501 connection timeout (no
 * ack), 1502 response timeout, 1503 recipient disconnected, 1504 response too large, 1505 send failed,
 * 1400 unsupported method, 1401 recipient not found, 1402 request too large. Handlers throw it to
 * answer with their own code (any other exception becomes 1500). Immutable, thread-safe.
 */
public final class RpcException extends RtcException {

    /** The application failed. */
    public static final int APPLICATION_ERROR = 1500;
    /** No ack arrived within 7 s. */
    public static final int CONNECTION_TIMEOUT = 1501;
    /** No response arrived within the response timeout. */
    public static final int RESPONSE_TIMEOUT = 1502;
    /** The response payload exceeded 15 360 bytes. */
    public static final int RESPONSE_TOO_LARGE = 1504;
    /** The request could not be sent. */
    public static final int SEND_FAILED = 1505;
    /** The callee has no handler for the method. */
    public static final int UNSUPPORTED_METHOD = 1400;
    /** The request payload exceeded 15 360 bytes. */
    public static final int REQUEST_TOO_LARGE = 1402;

    private final int rpcCode;
    private final String data;

    /** An RPC error to return from a handler (or received from a callee). */
    public RpcException(int rpcCode, String message, String data) {
        super("rpc error " + rpcCode + ": " + message);
        this.rpcCode = rpcCode;
        this.data = java.util.Objects.requireNonNull(data, "data");
    }

    /** LiveKit's numeric RPC error code. */
    public int rpcCode() {
        return rpcCode;
    }

    /** Extra data sent with the error ("" for none). */
    public String data() {
        return data;
    }

    /** The message without the "rpc error N:" prefix. */
    public String rpcMessage() {
        return getMessage().substring(getMessage().indexOf(": ") + 2);
    }

    @Override
    public String code() {
        return switch (rpcCode) {
            case CONNECTION_TIMEOUT, RESPONSE_TIMEOUT -> FailureCode.DEADLINE_EXCEEDED;
            case UNSUPPORTED_METHOD, 1401 -> FailureCode.NOT_FOUND;
            case REQUEST_TOO_LARGE, RESPONSE_TOO_LARGE -> FailureCode.INVALID_REQUEST;
            case SEND_FAILED, 1503 -> FailureCode.UNAVAILABLE;
            default -> FailureCode.INTERNAL;
        };
    }
}
