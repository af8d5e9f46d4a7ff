package dev.switchboard.testkit.livekit;

import java.util.Objects;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * JUnit 5 extension that runs a real {@code livekit-server} for tests.
 *
 * <pre>{@code
 * &#64;RegisterExtension
 * static final LiveKitServerExtension LIVEKIT = LiveKitServerExtension.with(
 *         LiveKitServer.builder().webhookUrl("http://{host}:" + PORT + "/webhook"));
 * ... LIVEKIT.server().httpUrl() ...
 * }</pre>
 *
 * <p>Registered on a static field (or through {@link LiveKitTest}) one server serves the whole class,
 * nested classes included; on an instance field each test gets its own. The server is stopped when its
 * JUnit scope ends, and at JVM exit at the latest. A missing binary or a failed start fails the test
 * with the reason; with the environment variable {@value #SKIP_ENV}{@code =1} the tests are skipped
 * instead, printing the reason. Thread-safe for parallel test execution within one scope.
 */
public final class LiveKitServerExtension implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {

    /** Environment variable that turns "livekit-server unavailable" from a failure into a skip. */
    public static final String SKIP_ENV = "SWITCHBOARD_SKIP_LIVEKIT";

    private final Optional<LiveKitServerBuilder> builder;
    /** Per registration, so a class-level and a test-level extension keep separate servers. */
    private final ExtensionContext.Namespace store = ExtensionContext.Namespace.create(
            LiveKitServerExtension.class, this);
    private volatile LiveKitServer current;

    /** For {@code @ExtendWith} and {@link LiveKitTest}: settings come from the {@code @LiveKitTest} annotation. */
    public LiveKitServerExtension() {
        this.builder = Optional.empty();
    }

    private LiveKitServerExtension(LiveKitServerBuilder builder) {
        this.builder = Optional.of(Objects.requireNonNull(builder, "builder"));
    }

    /** A server on loopback with the defaults. */
    public static LiveKitServerExtension loopback() {
        return with(LiveKitServer.builder());
    }

    /** A server in its own network namespace (needs root), for WebRTC tests. */
    public static LiveKitServerExtension namespace() {
        return with(LiveKitServer.builder().network(LiveKitNetwork.NAMESPACE));
    }

    /** A server started from {@code builder} (kept, and started once per scope). */
    public static LiveKitServerExtension with(LiveKitServerBuilder builder) {
        return new LiveKitServerExtension(builder);
    }

    /**
     * The running server of the current scope.
     *
     * @throws IllegalStateException outside a test or before the extension started it
     */
    public LiveKitServer server() {
        LiveKitServer s = current;
        if (s == null) {
            throw new IllegalStateException("no livekit-server yet: call server() from a test or a @BeforeEach/"
                    + "@BeforeAll method of the class that registers this extension");
        }
        return s;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        current = serverFor(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        current = serverFor(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == LiveKitServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        LiveKitServer s = serverFor(context);
        current = s;
        return s;
    }

    /** The server stored in this scope or a parent scope; started and stored here when there is none. */
    private LiveKitServer serverFor(ExtensionContext context) {
        return context.getStore(store).computeIfAbsent(LiveKitServer.class, k -> start(context), LiveKitServer.class);
    }

    private LiveKitServer start(ExtensionContext context) {
        LiveKitServerBuilder b = builder.orElseGet(() -> fromAnnotation(context));
        try {
            return b.start();
        } catch (LiveKitUnavailableException e) {
            if ("1".equals(System.getenv(SKIP_ENV))) {
                String reason = "skipped (" + SKIP_ENV + "=1): " + e.getMessage();
                System.err.println(context.getDisplayName() + ": " + reason);
                return Assumptions.abort(reason);
            }
            throw e;
        }
    }

    private static LiveKitServerBuilder fromAnnotation(ExtensionContext context) {
        LiveKitServerBuilder b = LiveKitServer.builder();
        Optional<LiveKitTest> annotation = context.getTestClass()
                .flatMap(c -> AnnotationSupport.findAnnotation(c, LiveKitTest.class));
        annotation.ifPresent(a -> {
            b.network(a.network());
            for (String url : a.webhookUrls()) {
                b.webhookUrl(url);
            }
        });
        return b;
    }
}
