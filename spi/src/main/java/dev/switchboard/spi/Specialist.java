package dev.switchboard.spi;

import java.util.List;
import org.pf4j.ExtensionPoint;

/**
 * A plugin that runs a family of operations (auth, room, media…). Loaded by the coordinator from a
 * PF4J plugin JAR in the plugins folder, or found on the classpath for embedded use.
 *
 * <p>Lifecycle: the coordinator calls {@link #start} once before the first {@link #execute}, and
 * {@link #stop} once when it closes or unloads the plugin. {@code start} and {@code stop} must be
 * idempotent. {@link #execute} and {@link #verify} are called concurrently from many threads
 * (virtual threads for I/O): implementations must be thread-safe.
 */
@Stable(since = "0.1")
public interface Specialist extends ExtensionPoint {

    /** The specialist's name, lower-kebab-case ({@code room}); the decision tree's leaves name it. */
    String name();

    /** The operations it runs. Names must be unique across all loaded specialists. */
    List<OperationDescriptor> operations();

    /** Acquires resources (clients, pools). Called once; calling it again must do nothing. */
    default void start(SpecialistContext context) {
    }

    /**
     * Runs one operation. Expected failures are returned as {@link OperationResult.Failure}, not thrown;
     * the coordinator turns a thrown exception into an {@code internal} failure.
     */
    OperationResult execute(SpecialistContext context, OperationRequest request);

    /**
     * Checks that a successful operation's effect really happened (the post-condition gate calls this).
     * The default trusts the result.
     *
     * @return the violations found; empty when the effect is verified
     */
    default List<Violation> verify(
            SpecialistContext context, OperationRequest request, OperationResult.Success result) {
        return List.of();
    }

    /** Releases resources. Called once; calling it again must do nothing. */
    default void stop() {
    }
}
