package dev.switchboard.coordinator.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.switchboard.coordinator.modes.ModeRegistry;
import dev.switchboard.spi.ConfigException;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every unsound decision tree is rejected at load time with the place and the reason. */
class RouterRejectionTest {

    private static final Set<String> KNOWN = Set.of("room.create", "room.delete", "token.create");

    private static ConfigException rejected(String toml) {
        return catchThrowableOfType(ConfigException.class,
                () -> Routers.compile(ModeRegistry.parse("modes/coordinator.toml", toml), KNOWN));
    }

    @Test
    void cycle() {
        ConfigException e = rejected("""
                [router]
                root = "a"
                [router.nodes.a]
                when = [{ operation = "room.*", to = "b" }]
                otherwise = "room"
                [router.nodes.b]
                when = [{ tags = { env = "x" }, to = "c" }]
                otherwise = "room"
                [router.nodes.c]
                otherwise = "a"
                [router.leaves.room]
                specialist = "room"
                """);
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.location()).isEqualTo("modes/coordinator.toml:10:router.nodes.c.otherwise");
            assertThat(p.message()).isEqualTo("cycle: a → b → c → a");
        });
    }

    @Test
    void selfLoop() {
        ConfigException e = rejected("""
                [router.nodes.root]
                when = [{ operation = "room.*", to = "root" }]
                """);
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.location()).isEqualTo("modes/coordinator.toml:2:router.nodes.root.when[0].to");
            assertThat(p.message()).isEqualTo("cycle: root → root");
        });
    }

    @Test
    void unreachableLeaf() {
        ConfigException e = rejected("""
                [router.nodes.root]
                otherwise = "room"

                [router.leaves.room]
                specialist = "room"

                [router.leaves.orphan]
                specialist = "auth"
                """);
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.location()).isEqualTo("modes/coordinator.toml:7:router.leaves.orphan");
            assertThat(p.message()).isEqualTo(
                    "unreachable leaf 'orphan': no branch leads to it from the root node 'root'");
        });
    }

    @Test
    void unreachableNode() {
        ConfigException e = rejected("""
                [router.nodes.root]
                when = [{ operation = "token.*", specialist = "auth" }]
                [router.nodes.lost]
                when = [{ operation = "room.*", specialist = "room" }]
                """);
        assertThat(e.problems()).singleElement().satisfies(p ->
                assertThat(p.location()).isEqualTo("modes/coordinator.toml:3:router.nodes.lost"));
    }

    @Test
    void inlineLeafShadowedByAnEarlierBranch() {
        ConfigException e = rejected("""
                [router.nodes.root]
                when = [
                  { operation = "room.*", specialist = "room" },
                  { operation = ["room.create", "room.delete"], specialist = "other" },
                  { operation = "token.*", specialist = "auth" },
                ]
                """);
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.location()).isEqualTo("modes/coordinator.toml:4:router.nodes.root.when[1]");
            assertThat(p.message()).isEqualTo("unreachable branch: modes/coordinator.toml:3:router.nodes.root.when[0]"
                    + " matches every request it matches (so its leaf 'other' is never used)");
        });
    }

    @Test
    void otherwiseAfterAnUnconditionalBranch() {
        ConfigException e = rejected("""
                [router.nodes.root]
                when = [{ specialist = "room" }]
                otherwise = "x"
                [router.leaves.x]
                specialist = "x"
                """);
        assertThat(e.problems()).extracting(ConfigException.Problem::location).containsExactly(
                "modes/coordinator.toml:3:router.nodes.root.otherwise");
    }

    @Test
    void danglingReferenceSuggestsTheClosestId() {
        ConfigException e = rejected("""
                [router.nodes.root]
                when = [{ operation = "room.*", to = "rooms" }]
                [router.nodes.room]
                otherwise = "r"
                [router.leaves.r]
                specialist = "room"
                """);
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.location()).isEqualTo("modes/coordinator.toml:2:router.nodes.root.when[0].to");
            assertThat(p.message()).isEqualTo("no node or leaf 'rooms'; did you mean room, root?");
        });
    }

    @Test
    void missingRootNode() {
        ConfigException e = rejected("""
                [router]
                root = "strat"
                [router.nodes.start]
                otherwise = "r"
                [router.leaves.r]
                specialist = "room"
                """);
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.location()).isEqualTo("modes/coordinator.toml:2:router.root");
            assertThat(p.message()).isEqualTo("the root node 'strat' is not declared; did you mean start?");
        });
    }

    @Test
    void leafRunningAnUnknownOperation() {
        ConfigException e = rejected("""
                [router.nodes.root]
                when = [
                  { operation = "room.make", specialist = "room", run = "room.craete" },
                ]
                otherwise = "tokens"

                [router.leaves.tokens]
                specialist = "auth"
                run = "token.mint"
                """);
        assertThat(e.problems()).extracting(ConfigException.Problem::location, ConfigException.Problem::message)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("modes/coordinator.toml:9:router.leaves.tokens.run",
                                "unknown operation 'token.mint'; did you mean token.create?"),
                        org.assertj.core.groups.Tuple.tuple("modes/coordinator.toml:3:router.nodes.root.when[0].run",
                                "unknown operation 'room.craete'; did you mean room.create, room.delete?"));
    }

    @Test
    void branchWithBothTargetsOrNone() {
        ConfigException e = rejected("""
                [router.nodes.root]
                when = [
                  { operation = "room.*", to = "x", specialist = "room" },
                  { operation = "token.*" },
                ]
                """);
        assertThat(e.problems()).extracting(ConfigException.Problem::location).containsExactly(
                "modes/coordinator.toml:3:router.nodes.root.when[0]",
                "modes/coordinator.toml:4:router.nodes.root.when[1]");
    }

    @Test
    void invalidRegexAndParamPath() {
        ConfigException e = rejected("""
                [router.nodes.root]
                when = [
                  { param-matches = { "$.room.name" = "^(test" }, specialist = "room" },
                  { param-present = ["$.tracks[x]"], specialist = "room" },
                ]
                """);
        assertThat(e.problems()).extracting(ConfigException.Problem::location).containsExactly(
                "modes/coordinator.toml:3:router.nodes.root.when[0].param-matches.$.room.name",
                "modes/coordinator.toml:4:router.nodes.root.when[1].param-present[0]");
        assertThat(e.problems().getFirst().message()).startsWith("invalid regular expression: Unclosed group");
    }

    @Test
    void noRouterTable() {
        ConfigException e = catchThrowableOfType(ConfigException.class, () ->
                Routers.compile(ModeRegistry.parse("modes/x.toml", "[coordinator]\njournal-fsync = true\n"), KNOWN));
        assertThat(e.getMessage()).contains("no [router] table");
    }
}
