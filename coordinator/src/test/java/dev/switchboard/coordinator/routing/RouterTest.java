package dev.switchboard.coordinator.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.coordinator.modes.ModeRegistry;
import dev.switchboard.spi.Caller;
import dev.switchboard.spi.OperationRequest;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RouterTest {

    static final Set<String> KNOWN = Set.of("room.create", "room.delete", "room.list", "room.create-large",
            "room.create-webinar", "token.create", "misc.ping", "sandbox.room-create");

    static final String TREE = """
            [router]
            root = "start"

            [router.nodes.start]
            when = [
              { operation = "room.*", to = "rooms" },
              { operation = "token.create", specialist = "auth" },
            ]
            otherwise = "fallback"

            [router.nodes.rooms]
            otherwise = "room"

            [[router.nodes.rooms.when]]
            operation = "room.create"
            param-matches = { "$.room.name" = "^test-" }
            to = "sandbox"

            [[router.nodes.rooms.when]]
            operation = "room.delete"
            roles = ["admin", "ops"]
            specialist = "room"

            [[router.nodes.rooms.when]]
            operation = "room.create"
            tags = { env = "prod*" }
            param-present = ["max-participants"]
            specialist = "room"
            run = "room.create-large"

            [[router.nodes.rooms.when]]
            param-equals = { "$.room.kind" = "webinar", "room.size" = 500 }
            specialist = "room"
            run = "room.create-webinar"

            [router.leaves.sandbox]
            specialist = "sandbox"
            run = "sandbox.room-create"

            [router.leaves.room]
            specialist = "room"

            [router.leaves.fallback]
            specialist = "misc"
            """;

    private final Router router = Routers.compile(ModeRegistry.parse("modes/coordinator.toml", TREE), KNOWN);

    private static OperationRequest.Builder request(String operation) {
        return OperationRequest.builder(operation);
    }

    private static ObjectNode json(String key, Object... pairs) {
        ObjectNode inner = JsonNodeFactory.instance.objectNode();
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] instanceof Integer n) {
                inner.put((String) pairs[i], n);
            } else {
                inner.put((String) pairs[i], (String) pairs[i + 1]);
            }
        }
        ObjectNode outer = JsonNodeFactory.instance.objectNode();
        outer.set(key, inner);
        return outer;
    }

    @Test
    void routesByParamMatchToANamedLeafWithAFixedOperation() {
        Route route = router.route(request("room.create").params(json("room", "name", "test-1")).build());
        assertThat(route).isEqualTo(new Route("sandbox", "sandbox.room-create", List.of("start", "rooms", "sandbox")));
    }

    @Test
    void routesByRoleToAnInlineLeafThatRunsTheRequestedOperation() {
        Route route = router.route(request("room.delete").caller(Caller.of("alice", "ops")).build());
        assertThat(route).isEqualTo(new Route("room", "room.delete", List.of("start", "rooms", "rooms.when[1]")));
        Route without = router.route(request("room.delete").caller(Caller.of("bob", "viewer")).build());
        assertThat(without).isEqualTo(new Route("room", "room.delete", List.of("start", "rooms", "room")));
    }

    @Test
    void routesByTagGlobAndParamPresence() {
        OperationRequest big = request("room.create").tag("env", "production")
                .params(JsonNodeFactory.instance.objectNode().put("max-participants", 300)).build();
        assertThat(router.route(big).operation()).isEqualTo("room.create-large");
        OperationRequest staging = request("room.create").tag("env", "staging")
                .params(JsonNodeFactory.instance.objectNode().put("max-participants", 300)).build();
        assertThat(router.route(staging).operation()).isEqualTo("room.create");
    }

    @Test
    void routesByParamEqualityOfStringsAndNumbers() {
        OperationRequest webinar = request("room.create").params(json("room", "kind", "webinar", "size", 500)).build();
        assertThat(router.route(webinar).operation()).isEqualTo("room.create-webinar");
        OperationRequest small = request("room.create").params(json("room", "kind", "webinar", "size", 20)).build();
        assertThat(router.route(small).operation()).isEqualTo("room.create");
    }

    @Test
    void otherwiseTakesWhatNoBranchMatches() {
        assertThat(router.route(request("misc.ping").build()))
                .isEqualTo(new Route("misc", "misc.ping", List.of("start", "fallback")));
        assertThat(router.route(request("token.create").build()).specialist()).isEqualTo("auth");
    }

    @Test
    void theSameRouteIsReturnedForRepeatedRequests() {
        Route first = router.route(request("room.list").build());
        assertThat(router.route(request("room.list").build())).isSameAs(first);
    }

    @Test
    void unknownOperationNamesTheClosestKnownOnes() {
        UnknownOperationException e = catchThrowableOfType(UnknownOperationException.class,
                () -> router.route(request("room.craete").build()));
        assertThat(e.operation()).isEqualTo("room.craete");
        assertThat(e.suggestions()).first().isEqualTo("room.create");
        assertThat(e.getMessage()).startsWith("unknown operation 'room.craete'; did you mean room.create");
    }

    @Test
    void explainListsEveryEvaluatedTestWithItsLocation() {
        RouteExplanation explanation = router.explain(request("room.delete").caller(Caller.of("a", "admin")).build());
        assertThat(explanation.route()).get().extracting(Route::specialist).isEqualTo("room");
        assertThat(explanation.steps()).extracting(RouteExplanation.Step::test, RouteExplanation.Step::matched,
                RouteExplanation.Step::location).containsExactly(
                org.assertj.core.groups.Tuple.tuple("operation matches \"room.*\"", true,
                        "modes/coordinator.toml:6:router.nodes.start.when[0].operation"),
                org.assertj.core.groups.Tuple.tuple("operation matches \"room.create\"", false,
                        "modes/coordinator.toml:15:router.nodes.rooms.when[0].operation"),
                org.assertj.core.groups.Tuple.tuple("operation matches \"room.delete\"", true,
                        "modes/coordinator.toml:20:router.nodes.rooms.when[1].operation"),
                org.assertj.core.groups.Tuple.tuple("caller has any role of [admin, ops]", true,
                        "modes/coordinator.toml:21:router.nodes.rooms.when[1].roles"));
    }

    @Test
    void explainOfAnUnknownOperationEndsAtTheLeafWithSuggestions() {
        RouteExplanation explanation = router.explain(request("room.craete").build());
        assertThat(explanation.route()).isEmpty();
        assertThat(explanation.suggestions()).first().isEqualTo("room.create");
        assertThat(explanation.steps()).last().satisfies(step -> {
            assertThat(step.matched()).isFalse();
            assertThat(step.location()).isEqualTo("modes/coordinator.toml:40:router.leaves.room");
        });
    }

    @Test
    void sharedNodesGetTheirPathPerRequest() {
        Router dag = Routers.compile(ModeRegistry.parse("modes/dag.toml", """
                [router.nodes.root]
                when = [
                  { tags = { tenant = "a" }, to = "shared" },
                  { tags = { tenant = "b" }, to = "shared" },
                ]
                [router.nodes.shared]
                otherwise = "room"
                [router.leaves.room]
                specialist = "room"
                """), KNOWN);
        assertThat(dag.route(request("room.list").tag("tenant", "b").build()).path())
                .containsExactly("root", "shared", "room");
        assertThat(catchThrowableOfType(UnknownOperationException.class,
                () -> dag.route(request("room.list").tag("tenant", "c").build()))).isNotNull();
    }
}
