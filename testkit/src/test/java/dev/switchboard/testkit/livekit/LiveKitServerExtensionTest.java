package dev.switchboard.testkit.livekit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code @RegisterExtension}: static field = one server per class, instance field = one per test. */
class LiveKitServerExtensionTest {

    @RegisterExtension
    static final LiveKitServerExtension SHARED = LiveKitServerExtension.with(LiveKitServer.builder().logLevel("warn"));

    @RegisterExtension
    final LiveKitServerExtension perTest = LiveKitServerExtension.loopback();

    private static LiveKitServer lastPerTest;

    @Test
    void staticAndInstanceRegistrationsStartSeparateServers() {
        assertThat(SHARED.server().isRunning()).isTrue();
        assertThat(perTest.server().isRunning()).isTrue();
        assertThat(SHARED.server().httpPort()).isNotEqualTo(perTest.server().httpPort());
        checkPreviousPerTestServerStopped();
    }

    @Test
    void instanceRegistrationGivesEachTestAFreshServer() {
        checkPreviousPerTestServerStopped();
    }

    @AfterAll
    static void perTestServersAreStopped() {
        assertThat(lastPerTest).isNotNull();
        assertThat(lastPerTest.isRunning()).isFalse();
    }

    @Test
    void serverOutsideAScopeIsAClearError() {
        LiveKitServerExtension unused = LiveKitServerExtension.loopback();
        assertThatThrownBy(unused::server).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no livekit-server yet");
    }

    private void checkPreviousPerTestServerStopped() {
        if (lastPerTest != null) {
            assertThat(lastPerTest.isRunning()).isFalse();
            assertThat(lastPerTest).isNotSameAs(perTest.server());
        }
        lastPerTest = perTest.server();
    }
}
