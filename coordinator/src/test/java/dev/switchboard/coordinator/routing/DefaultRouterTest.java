package dev.switchboard.coordinator.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.switchboard.coordinator.modes.ModeRegistry;
import dev.switchboard.spi.OperationRequest;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The built-in modes/coordinator.toml routes each operation family to its specialist. */
class DefaultRouterTest {

    private static final Set<String> KNOWN = Set.of("token.create", "room.create", "participant.remove",
            "track.mute", "data.send", "egress.start", "recording.start", "media.play", "agent.start",
            "webhook.receive");

    private final Router router = Routers.compile(ModeRegistry.builtins(), KNOWN);

    @ParameterizedTest
    @CsvSource({"token.create,auth", "room.create,room", "participant.remove,room", "track.mute,room",
        "data.send,data", "egress.start,egress", "recording.start,recording", "media.play,media",
        "agent.start,media", "webhook.receive,webhook"})
    void routesEachFamily(String operation, String specialist) {
        Route route = router.route(OperationRequest.builder(operation).build());
        assertThat(route.specialist()).isEqualTo(specialist);
        assertThat(route.operation()).isEqualTo(operation);
        assertThat(route.path().getFirst()).isEqualTo("families");
    }

    @ParameterizedTest
    @CsvSource({"sip.dial", "room.craete"})
    void rejectsWhatNoSpecialistDeclares(String operation) {
        assertThat(catchThrowableOfType(UnknownOperationException.class,
                () -> router.route(OperationRequest.builder(operation).build()))).isNotNull();
    }
}
