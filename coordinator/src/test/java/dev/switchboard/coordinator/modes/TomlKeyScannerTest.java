package dev.switchboard.coordinator.modes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TomlKeyScannerTest {

    @Test
    void findsNestedTablesAndDottedKeys() {
        Map<String, Integer> lines = TomlKeyScanner.scan("""
                # a comment with [brackets] and "quotes"
                top = 1
                [router]
                root = "start"
                [router.nodes.start]
                description = "a = b # not a comment"
                physical.color = "orange"
                "quoted.key" = true
                """);
        assertThat(lines).containsEntry("top", 2)
                .containsEntry("router", 3)
                .containsEntry("router.root", 4)
                .containsEntry("router.nodes", 5)
                .containsEntry("router.nodes.start", 5)
                .containsEntry("router.nodes.start.description", 6)
                .containsEntry("router.nodes.start.physical", 7)
                .containsEntry("router.nodes.start.physical.color", 7)
                .containsEntry("router.nodes.start.quoted.key", 8);
    }

    @Test
    void numbersArraysOfTablesPerParentElement() {
        Map<String, Integer> lines = TomlKeyScanner.scan("""
                [[gates]]
                id = "a"

                [[gates]]
                id = "b"
                [[gates.rules]]
                max = 1
                [[gates.rules]]
                max = 2
                [gates.limits]
                rate = 3
                """);
        assertThat(lines).containsEntry("gates[0]", 1)
                .containsEntry("gates[0].id", 2)
                .containsEntry("gates[1]", 4)
                .containsEntry("gates[1].id", 5)
                .containsEntry("gates[1].rules[0]", 6)
                .containsEntry("gates[1].rules[0].max", 7)
                .containsEntry("gates[1].rules[1].max", 9)
                .containsEntry("gates[1].limits.rate", 11);
    }

    @Test
    void followsInlineTablesInsideMultiLineArrays() {
        Map<String, Integer> lines = TomlKeyScanner.scan("""
                [router.nodes.start]
                when = [
                  { operation = "token.*", specialist = "auth" },   # [comment], {x = 1}
                  { operation = ["room.*",
                                 "track.*"], param-equals = { "$.room.name" = "x" },
                    specialist = "room" },
                ]
                note = \"""
                multi [line] = "text"
                \"""
                after = 'done'
                """);
        assertThat(lines).containsEntry("router.nodes.start.when", 2)
                .containsEntry("router.nodes.start.when[0]", 3)
                .containsEntry("router.nodes.start.when[0].operation", 3)
                .containsEntry("router.nodes.start.when[0].specialist", 3)
                .containsEntry("router.nodes.start.when[1].operation", 4)
                .containsEntry("router.nodes.start.when[1].operation[1]", 5)
                .containsEntry("router.nodes.start.when[1].param-equals.$.room.name", 5)
                .containsEntry("router.nodes.start.when[1].specialist", 6)
                .containsEntry("router.nodes.start.note", 8)
                .containsEntry("router.nodes.start.after", 11)
                .doesNotContainKey("router.nodes.start.x")
                .doesNotContainKey("multi [line]");
    }

    @Test
    void locatorFallsBackToTheNearestEnclosingKey() {
        KeyLines locator = new KeyLines("modes/a.toml", "router", TomlKeyScanner.scan("""
                [router]
                root = "x"
                [router.nodes.x]
                otherwise = "y"
                """));
        assertThat(locator.locate("nodes.x.otherwise")).isEqualTo("modes/a.toml:4:router.nodes.x.otherwise");
        assertThat(locator.locate("nodes.x.when[0].to")).isEqualTo("modes/a.toml:3:router.nodes.x.when[0].to");
        assertThat(locator.locate("")).isEqualTo("modes/a.toml:1:router");
    }
}
