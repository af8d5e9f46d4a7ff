package dev.switchboard.qualitygates;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.spi.Json;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.SplittableRandom;
import org.everit.json.schema.Schema;
import org.everit.json.schema.ValidationException;
import org.everit.json.schema.Validator;
import org.junit.jupiter.api.Test;

/** The quick check never calls valid what everit calls invalid, and does vouch for ordinary valid input. */
class QuickSchemaTest {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final List<String> SCHEMAS = List.of("""
            {"type":"object","additionalProperties":false,"required":["name"],"properties":{
              "name":{"type":"string","minLength":1,"maxLength":8,"description":"a name"},
              "n":{"type":"integer","minimum":0,"maximum":10},
              "ratio":{"type":"number","minimum":-1.5,"maximum":2.5},
              "kind":{"enum":["a","b",3]},
              "flag":{"type":"boolean"},
              "nothing":{"type":"null"},
              "tags":{"type":"array","minItems":1,"maxItems":3,"items":{"type":"string","maxLength":3}},
              "inner":{"type":"object","required":["x"],"properties":{"x":{"type":"integer"}}}}}""",
            """
            {"properties":{"a":{"minLength":2},"b":{"maximum":3}},"required":["a"]}""",
            """
            {"type":"array","items":{"type":"object","additionalProperties":false,
              "properties":{"k":{"type":"string"}}}}""");

    private static final String[] KEYS = {"name", "n", "ratio", "kind", "flag", "nothing", "tags", "inner", "x",
        "a", "b", "k", "extra"};

    @Test
    void neverAcceptsWhatEveritRejects() {
        SplittableRandom random = new SplittableRandom(7);
        int vouched = 0;
        int rejected = 0;
        for (String text : SCHEMAS) {
            ObjectNode source = Json.object(text);
            QuickSchema quick = QuickSchema.of(source).orElseThrow();
            Schema everit = SchemaCompiler.compile(source);
            for (int i = 0; i < 20_000; i++) {
                JsonNode value = i % 2 == 0 ? object(random, 0) : value(random, 0);
                boolean valid = everitAccepts(everit, value);
                if (quick.accepts(value)) {
                    assertThat(valid).as("%s against %s", value, text).isTrue();
                    vouched++;
                } else if (!valid) {
                    rejected++;
                }
            }
        }
        assertThat(vouched).as("valid values the quick check vouched for").isGreaterThan(1_000);
        assertThat(rejected).isGreaterThan(1_000);
    }

    @Test
    void vouchesForTheBenchmarkAndRoomParameters() {
        QuickSchema bench = QuickSchema.of(Json.object("""
                {"type":"object","additionalProperties":false,"properties":{
                  "n":{"type":"integer","minimum":0},"room":{"type":"string","maxLength":64}}}""")).orElseThrow();
        assertThat(bench.accepts(Json.object("{\"n\":7,\"room\":\"r1\"}"))).isTrue();
        assertThat(bench.accepts(Json.object("{\"n\":-1,\"room\":\"r1\"}"))).isFalse();
        assertThat(bench.accepts(Json.object("{\"n\":7,\"other\":1}"))).isFalse();
    }

    @Test
    void schemasWithOtherKeywordsOrInexactNumbersHaveNoQuickCheck() {
        for (String schema : List.of("{\"type\":\"string\",\"pattern\":\"^a$\"}", "{\"format\":\"email\"}",
                "{\"anyOf\":[{\"type\":\"string\"}]}", "{\"$ref\":\"#/definitions/x\"}",
                "{\"type\":[\"string\",\"null\"]}",
                "{\"additionalProperties\":{\"type\":\"string\"}}", "{\"items\":[{\"type\":\"string\"}]}",
                "{\"minimum\":12345678901234567890}", "{\"exclusiveMinimum\":0}", "{\"properties\":{\"a\":true}}",
                "{\"const\":1}")) {
            assertThat(QuickSchema.of(Json.object(schema))).as(schema).isEmpty();
        }
    }

    private static boolean everitAccepts(Schema schema, JsonNode value) {
        try {
            Validator.builder().build().performValidation(schema, OrgJson.of(value));
            return true;
        } catch (ValidationException e) {
            return false;
        }
    }

    private static ObjectNode object(SplittableRandom random, int depth) {
        ObjectNode o = F.objectNode();
        int n = random.nextInt(5);
        for (int i = 0; i < n; i++) {
            o.set(KEYS[random.nextInt(KEYS.length)], value(random, depth + 1));
        }
        return o;
    }

    private static JsonNode value(SplittableRandom random, int depth) {
        return switch (random.nextInt(depth > 2 ? 11 : 13)) {
            case 0 -> F.textNode("");
            case 1 -> F.textNode(random.nextBoolean() ? "a" : "b");
            case 2 -> F.textNode("x".repeat(random.nextInt(12)) + (random.nextBoolean() ? "😀" : ""));
            case 3 -> F.numberNode(random.nextInt(-3, 14));
            case 4 -> F.numberNode(random.nextLong(-3, 14) * (random.nextBoolean() ? 1 : 1_000_000_000_000L));
            case 5 -> F.numberNode(random.nextInt(-8, 12) / 4.0);
            case 6 -> F.numberNode(new BigDecimal(random.nextInt(-3, 14)).movePointLeft(random.nextInt(3)));
            case 7 -> F.numberNode(BigInteger.valueOf(random.nextInt(-3, 14)));
            case 8 -> F.booleanNode(random.nextBoolean());
            case 9 -> F.nullNode();
            case 10 -> F.numberNode(3);
            case 11 -> object(random, depth);
            default -> {
                ArrayNode a = F.arrayNode();
                int n = random.nextInt(5);
                for (int i = 0; i < n; i++) {
                    a.add(value(random, depth + 1));
                }
                yield a;
            }
        };
    }
}
