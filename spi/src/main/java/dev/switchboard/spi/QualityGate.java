package dev.switchboard.spi;

/**
 * A check around an operation: {@link #before} may refuse a request, {@link #after} may refuse a
 * result whose effect is not what it should be. Gates run in ascending {@link #weight()} order.
 *
 * <p>Weight table of the built-in gates (lower runs first): 100 allow/deny lists, 200 caller roles,
 * 300 naming/regex, 400 json-schema, 500 rate limit/quota, 600 confirmation, 900 post-condition
 * verification. Custom gates pick a weight between these.
 *
 * <p>Implementations are called concurrently and must be thread-safe.
 */
@Stable(since = "0.1")
public interface QualityGate {

    /** The gate's name as written in the modes (unique per operation). */
    String name();

    /** The order weight; see the table above. */
    default int weight() {
        return 500;
    }

    /** Checks a request before it runs. */
    default GateVerdict before(GateCheck check) {
        return GateVerdict.pass();
    }

    /** Checks a successful result after the operation ran. */
    default GateVerdict after(GateCheck check, OperationResult.Success result) {
        return GateVerdict.pass();
    }
}
