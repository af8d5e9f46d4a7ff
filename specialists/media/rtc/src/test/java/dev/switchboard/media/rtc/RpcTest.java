package dev.switchboard.media.rtc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** RPC v1 round trips between two Java participants through a real server. */
class RpcTest {

    @RegisterExtension
    static final RtcRooms ROOMS = RtcRooms.namespace();

    @Test
    void callsAnswersErrorsAndTimeouts() throws Exception {
        try (RoomSession agent = ROOMS.join("agent", "rpc");
             RoomSession user = ROOMS.join("user", "rpc")) {
            agent.registerRpcMethod("shout", (caller, payload) -> caller + ":" + payload.toUpperCase(Locale.ROOT));
            agent.registerRpcMethod("refuse", (caller, payload) -> {
                throw new RpcException(42, "not today", "try tomorrow");
            });
            SignallingTest.waitUntil(() -> user.remoteParticipants().size() == 1
                    && agent.remoteParticipants().size() == 1);

            long start = System.nanoTime();
            String answer = user.performRpc("agent", "shout", "hello", Duration.ofSeconds(10))
                    .get(15, TimeUnit.SECONDS);
            System.out.printf("rpc: round trip %.1f ms%n", (System.nanoTime() - start) / 1e6);
            assertThat(answer).isEqualTo("user:HELLO");

            assertThatThrownBy(() -> user.performRpc("agent", "refuse", "", Duration.ofSeconds(10)).get())
                    .isInstanceOf(ExecutionException.class).cause().isInstanceOfSatisfying(RpcException.class, e -> {
                        assertThat(e.rpcCode()).isEqualTo(42);
                        assertThat(e.rpcMessage()).isEqualTo("not today");
                        assertThat(e.data()).isEqualTo("try tomorrow");
                    });
            assertThatThrownBy(() -> user.performRpc("agent", "missing", "", Duration.ofSeconds(10)).get())
                    .cause().isInstanceOfSatisfying(RpcException.class,
                            e -> assertThat(e.rpcCode()).isEqualTo(RpcException.UNSUPPORTED_METHOD));
            assertThatThrownBy(() -> user.performRpc("agent", "shout", "x".repeat(15_361), Duration.ofSeconds(10))
                    .get()).cause().isInstanceOfSatisfying(RpcException.class,
                            e -> assertThat(e.rpcCode()).isEqualTo(RpcException.REQUEST_TOO_LARGE));
            assertThatThrownBy(() -> user.performRpc("nobody", "shout", "", Duration.ofSeconds(20)).get())
                    .cause().isInstanceOfSatisfying(RpcException.class,
                            e -> assertThat(e.rpcCode()).isEqualTo(RpcException.CONNECTION_TIMEOUT));
        }
    }
}
