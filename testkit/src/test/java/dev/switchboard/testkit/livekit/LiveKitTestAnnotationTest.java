package dev.switchboard.testkit.livekit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** {@code @LiveKitTest}: one server per class, injected into lifecycle and test methods, shared with nested classes. */
@LiveKitTest
class LiveKitTestAnnotationTest {

    private static LiveKitServer fromBeforeAll;

    @BeforeAll
    static void remember(LiveKitServer livekit) {
        fromBeforeAll = livekit;
    }

    @Test
    void injectsARunningServer(LiveKitServer livekit) throws Exception {
        assertThat(livekit).isSameAs(fromBeforeAll);
        assertThat(livekit.isRunning()).isTrue();
        HttpResponse<String> r = Twirp.roomService(livekit.httpUrl(), "ListRooms",
                TestTokens.admin(livekit.apiKey(), livekit.apiSecret().reveal()), "{}");
        assertThat(r.statusCode()).isEqualTo(200);
    }

    @Test
    void theSameServerServesEveryTestOfTheClass(LiveKitServer livekit) {
        assertThat(livekit).isSameAs(fromBeforeAll);
    }

    @Nested
    class NestedTests {
        @Test
        void reuseTheOuterServer(LiveKitServer livekit) {
            assertThat(livekit).isSameAs(fromBeforeAll);
        }
    }
}
