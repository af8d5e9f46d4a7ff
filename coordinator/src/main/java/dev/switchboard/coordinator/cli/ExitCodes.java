package dev.switchboard.coordinator.cli;

import dev.switchboard.spi.FailureCode;
import dev.switchboard.spi.OperationResult;

/**
 * The exit codes of the {@code switchboard} CLI, which scripts may rely on (see {@code docs/cli.md}).
 * Constants only; thread-safe.
 */
public final class ExitCodes {

    /** Success. */
    public static final int OK = 0;
    /** The operation ran (or was attempted) and failed. */
    public static final int FAILED = 1;
    /** The command line is wrong: unknown option, bad {@code --param}, missing argument. */
    public static final int USAGE = 2;
    /** The modes (or a plugin's settings) are invalid; the message names {@code file:line:key}. */
    public static final int CONFIG_INVALID = 3;
    /** A quality gate refused the request (schema, naming, roles, rate limit, confirmation…). */
    public static final int GATE_REJECTED = 4;
    /** No route leads to the operation (or no workflow has the name). */
    public static final int UNKNOWN_OPERATION = 5;
    /** A workflow failed and was rolled back. */
    public static final int ROLLED_BACK = 6;
    /** A dependency or feature is unavailable (LiveKit unreachable, no HTTP API in this build). */
    public static final int UNAVAILABLE = 69;
    /** A bug: an unexpected exception in the coordinator or a specialist. */
    public static final int INTERNAL = 70;

    private ExitCodes() {
    }

    /** The exit code for a result: {@link #OK} for a success, by failure code otherwise. */
    public static int of(OperationResult result) {
        if (!(result instanceof OperationResult.Failure failure)) {
            return OK;
        }
        return switch (failure.code()) {
            case FailureCode.GATE_REJECTED, FailureCode.INVALID_REQUEST, FailureCode.PERMISSION_DENIED,
                 FailureCode.RATE_LIMITED -> GATE_REJECTED;
            case FailureCode.UNKNOWN_OPERATION -> UNKNOWN_OPERATION;
            case FailureCode.UNAVAILABLE -> UNAVAILABLE;
            case FailureCode.INTERNAL -> INTERNAL;
            case "config_invalid" -> CONFIG_INVALID;
            default -> FAILED;
        };
    }
}
