package dev.switchboard.spi;

/**
 * Failure codes shared by the coordinator and specialists. Specialists may use their own codes too;
 * these are the ones scripts and the HTTP API map to exit codes and statuses.
 */
@Stable(since = "0.1")
public final class FailureCode {
    /** The request is malformed or violates a schema or gate. */
    public static final String INVALID_REQUEST = "invalid_request";
    /** No route or specialist knows the operation. */
    public static final String UNKNOWN_OPERATION = "unknown_operation";
    /** A quality gate refused the request before it ran. */
    public static final String GATE_REJECTED = "gate_rejected";
    /** The operation ran but its post-condition did not hold. */
    public static final String VERIFICATION_FAILED = "verification_failed";
    /** The caller lacks a role or permission. */
    public static final String PERMISSION_DENIED = "permission_denied";
    /** The thing the request names does not exist. */
    public static final String NOT_FOUND = "not_found";
    /** The thing already exists or is in a conflicting state. */
    public static final String CONFLICT = "conflict";
    /** The deadline passed before the operation finished. */
    public static final String DEADLINE_EXCEEDED = "deadline_exceeded";
    /** A rate limit or quota was hit; retry later. */
    public static final String RATE_LIMITED = "rate_limited";
    /** A dependency (LiveKit, a provider) could not be reached or refused the credentials. */
    public static final String UNAVAILABLE = "unavailable";
    /** A bug or an unexpected exception inside a specialist. */
    public static final String INTERNAL = "internal";

    private FailureCode() {
    }
}
