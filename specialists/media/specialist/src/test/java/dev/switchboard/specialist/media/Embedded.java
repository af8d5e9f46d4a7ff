package dev.switchboard.specialist.media;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.coordinator.Switchboard;
import dev.switchboard.media.rtc.ConnectOptions;
import dev.switchboard.media.rtc.RoomSession;
import dev.switchboard.media.rtc.RtcClient;
import dev.switchboard.spi.OperationRequest;
import dev.switchboard.spi.OperationResult;
import dev.switchboard.spi.Secret;
import dev.switchboard.spi.Specialist;
import dev.switchboard.spi.SwitchboardEvent;
import dev.switchboard.testkit.Conditions;
import dev.switchboard.testkit.livekit.LiveKitServer;
import io.livekit.server.AccessToken;
import io.livekit.server.RoomJoin;
import io.livekit.server.RoomName;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/** An embedded coordinator (media and room specialists from the class path) on a testkit server. */
final class Embedded {

    private Embedded() {
    }

    static Switchboard switchboard(LiveKitServer livekit, Path dir) {
        return Switchboard.builder().journal(dir.resolve("journal.log")).watchModes(false)
                .environment(environment(livekit, Map.of())).build();
    }

    /** A coordinator over the modes folder {@code modes}, with {@code extra} environment variables. */
    static Switchboard switchboard(LiveKitServer livekit, Path dir, Path modes, Map<String, String> extra,
                                   Specialist... registered) {
        var builder = Switchboard.builder().journal(dir.resolve("journal.log")).watchModes(false).modes(modes)
                .environment(environment(livekit, extra));
        for (Specialist s : registered) {
            builder.specialist(s);
        }
        return builder.build();
    }

    private static Map<String, String> environment(LiveKitServer livekit, Map<String, String> extra) {
        Map<String, String> env = new java.util.HashMap<>(extra);
        env.putAll(Map.of("LIVEKIT_URL", livekit.httpUrl().toString(), "LIVEKIT_API_KEY", livekit.apiKey(),
                "LIVEKIT_API_SECRET", livekit.apiSecret().reveal()));
        return env;
    }

    static OperationResult run(Switchboard sb, String operation, ObjectNode params) {
        return sb.execute(OperationRequest.builder(operation).params(params).build());
    }

    static ObjectNode ok(Switchboard sb, String operation, ObjectNode params) {
        OperationResult result = run(sb, operation, params);
        if (!(result instanceof OperationResult.Success s)) {
            throw new AssertionError(operation + " failed: " + result);
        }
        return s.payload();
    }

    static RoomSession join(LiveKitServer server, RtcClient rtc, String identity, String room) {
        AccessToken token = new AccessToken(server.apiKey(), server.apiSecret().reveal());
        token.setIdentity(identity);
        token.addGrants(new RoomJoin(true), new RoomName(room));
        return rtc.connect(ConnectOptions.of(server.wsUrl(), Secret.of("test:" + identity, token.toJwt())));
    }

    static Optional<SwitchboardEvent> await(List<SwitchboardEvent> events, Predicate<SwitchboardEvent> match)
            throws InterruptedException {
        Conditions.waitUntil(Duration.ofSeconds(20), () -> events.stream().anyMatch(match));
        return events.stream().filter(match).findFirst();
    }

    /** The root mean square of 16-bit samples. */
    static double rms(short[] samples) {
        double sum = 0;
        for (short s : samples) {
            sum += (double) s * s;
        }
        return samples.length == 0 ? 0 : Math.sqrt(sum / samples.length);
    }

}
