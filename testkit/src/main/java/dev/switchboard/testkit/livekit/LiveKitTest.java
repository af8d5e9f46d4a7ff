package dev.switchboard.testkit.livekit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Starts one {@code livekit-server} for the annotated test class (stopped after its last test) and
 * injects it as a {@link LiveKitServer} parameter into test methods, lifecycle methods and
 * constructors. For builder-level control use {@code @RegisterExtension static LiveKitServerExtension}.
 *
 * <pre>{@code
 * &#64;LiveKitTest
 * class RoomTest {
 *     &#64;Test void creates(LiveKitServer livekit) { ... livekit.httpUrl() ... }
 * }
 * }</pre>
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(LiveKitServerExtension.class)
public @interface LiveKitTest {

    /** Where the server runs; {@link LiveKitNetwork#NAMESPACE} for WebRTC tests (needs root). */
    LiveKitNetwork network() default LiveKitNetwork.LOOPBACK;

    /** Webhook URLs; {@code {host}} becomes {@link LiveKitServer#hostAddress()}. */
    String[] webhookUrls() default {};
}
