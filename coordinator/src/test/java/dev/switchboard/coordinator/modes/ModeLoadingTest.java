package dev.switchboard.coordinator.modes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.switchboard.spi.ConfigException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModeLoadingTest {

    @TempDir
    Path tmp;

    private Path modes(String name, String toml) {
        return ModeFiles.write(tmp.resolve("modes"), name, toml);
    }

    private ConfigException rejected(Path folder) {
        return catchThrowableOfType(ConfigException.class, () -> ModeRegistry.load(folder));
    }

    @Test
    void builtInModesAreValidAndSplitIntoSections() {
        ModeSet modes = ModeRegistry.builtins();
        assertThat(modes.section("router")).get()
                .satisfies(s -> assertThat(s.file()).isEqualTo("classpath:modes/coordinator.toml"));
        assertThat(modes.section("coordinator")).isPresent();
        assertThat(modes.section("router").orElseThrow().locator().locate("nodes.families"))
                .matches("classpath:modes/coordinator\\.toml:\\d+:router\\.nodes\\.families");
    }

    @Test
    void malformedTomlNamesFileLineAndColumn() {
        ConfigException e = rejected(modes("coordinator.toml", """
                [coordinator]
                default-timeout = "30s"
                journal-fsync = tru
                """));
        assertThat(e.problems()).hasSize(1);
        assertThat(e.problems().getFirst().location()).startsWith("modes/coordinator.toml:3:");
        assertThat(e.problems().getFirst().message()).startsWith("malformed TOML");
    }

    @Test
    void unknownKeyNamesTheKeyAndSuggestsTheClosest() {
        ConfigException e = rejected(modes("coordinator.toml", """
                [coordinator]
                default-timeout = "30s"

                journal-fsnyc = true
                """));
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.location()).isEqualTo("modes/coordinator.toml:4:coordinator.journal-fsnyc");
            assertThat(p.message()).isEqualTo("unknown key 'journal-fsnyc'; did you mean journal-fsync?");
        });
    }

    @Test
    void unknownTopLevelTable() {
        ConfigException e = rejected(modes("extra.toml", """
                [coordinator]
                journal-fsync = false

                [routers.nodes.x]
                otherwise = "y"
                """));
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.location()).isEqualTo("modes/extra.toml:4:routers");
            assertThat(p.message()).startsWith("unknown key 'routers'; did you mean router");
        });
    }

    @Test
    void wrongTypeNamesTheKey() {
        ConfigException e = rejected(modes("coordinator.toml", """
                [coordinator]
                journal-fsync = "yes"
                default-timeout = 30
                """));
        assertThat(e.problems()).extracting(ConfigException.Problem::location).containsExactly(
                "modes/coordinator.toml:2:coordinator.journal-fsync",
                "modes/coordinator.toml:3:coordinator.default-timeout");
        assertThat(e.problems()).extracting(ConfigException.Problem::message)
                .containsExactly("expected a boolean, found a string", "expected a string, found an integer");
    }

    @Test
    void wrongTypeInsideAnInlineTableOfAnArray() {
        ConfigException e = rejected(modes("router.toml", """
                [router]
                root = "start"

                [router.nodes.start]
                when = [
                  { operation = "room.*", specialist = "room" },
                  { operation = 7, specialist = "data" },
                ]
                """));
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.location()).isEqualTo("modes/router.toml:7:router.nodes.start.when[1].operation");
            assertThat(p.message()).isEqualTo("expected a string or an array, found an integer");
        });
    }

    @Test
    void missingRequiredKeyPointsAtItsTable() {
        ConfigException e = rejected(modes("router.toml", """
                [router]
                root = "start"
                [router.nodes.start]
                otherwise = "fallback"

                [router.leaves.fallback]
                run = "room.list"
                """));
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.location()).isEqualTo("modes/router.toml:6:router.leaves.fallback.specialist");
            assertThat(p.message()).isEqualTo("missing required key 'specialist'");
        });
    }

    @Test
    void problemsOfEveryFileAreReportedTogether() {
        modes("a.toml", "[coordinator]\nbogus = 1\n");
        ConfigException e = rejected(modes("b.toml", "[webhooks\n"));
        assertThat(e.problems()).extracting(ConfigException.Problem::location)
                .containsExactly("modes/a.toml:2:coordinator.bogus", "modes/b.toml:1:10");
    }

    @Test
    void operatorTablesReplaceBuiltInOnes() {
        ModeSet modes = ModeRegistry.load(modes("coordinator.toml", """
                [coordinator]
                journal-fsync = false
                [specialists.room]
                max-rooms = 10
                """));
        ModeSection coordinator = modes.section("coordinator").orElseThrow();
        assertThat(coordinator.file()).isEqualTo("modes/coordinator.toml");
        assertThat(coordinator.tree().has("default-timeout")).isFalse();
        assertThat(modes.sectionsUnder("coordinator")).hasSize(1);
        assertThat(modes.section("router").orElseThrow().file()).isEqualTo("classpath:modes/coordinator.toml");
        assertThat(modes.section("specialists.room").orElseThrow().locator().locate("max-rooms"))
                .isEqualTo("modes/coordinator.toml:4:specialists.room.max-rooms");
    }

    @Test
    void theSameTableInTwoOperatorFilesIsAnError() {
        modes("a.toml", "[specialists.room]\nmax-rooms = 1\n");
        ConfigException e = rejected(modes("b.toml", "\n[specialists.room]\nmax-rooms = 2\n"));
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.location()).isEqualTo("modes/b.toml:2:specialists.room");
            assertThat(p.message())
                    .isEqualTo("table 'specialists.room' is also defined at modes/a.toml:1:specialists.room");
        });
    }

    @Test
    void gateEntriesAreNumberedAcrossFilesButLocatedInTheirOwn() {
        // entries of a plugin-provided gate type (its own keys are not checked by gates.schema.json)
        String entry = "name = \"%s\"\ntype = \"custom\"\napplies-to = [\"*\"]\n";
        modes("a.toml", "[[gates]]\nkind = \"naming\"\n" + entry.formatted("a"));
        ModeSet modes = ModeRegistry.load(modes("b.toml", "[[gates]]\nkind = \"x\"\n" + entry.formatted("b")
                + "\n[[gates]]\nkind = \"y\"\n" + entry.formatted("c")));
        assertThat(modes.sectionsUnder("gates[")).extracting(ModeSection::path)
                .containsExactly("gates[0]", "gates[1]", "gates[2]");
        assertThat(modes.section("gates[2]").orElseThrow().locator().locate("kind"))
                .isEqualTo("modes/b.toml:8:gates[1].kind");
    }
}
