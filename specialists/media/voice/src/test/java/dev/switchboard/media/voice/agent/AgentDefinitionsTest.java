package dev.switchboard.media.voice.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.media.voice.spi.LanguageModel;
import dev.switchboard.media.voice.spi.SpeechToText;
import dev.switchboard.media.voice.spi.TextToSpeech;
import dev.switchboard.spi.ConfigException;
import dev.switchboard.spi.Secret;
import dev.switchboard.spi.Secrets;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Agent TOML: a valid file, and each kind of bad input named as file:line:key. */
class AgentDefinitionsTest {

    private static final Secrets SECRETS = new Secrets() {
        private final Map<String, String> values = Map.of("${HOOK_SECRET}", "s3cr3t-value");

        @Override
        public Secret resolve(String reference) {
            return find(reference).orElseThrow(() -> new ConfigException(reference, "not set"));
        }

        @Override
        public Optional<Secret> find(String reference) {
            return Optional.ofNullable(values.get(reference)).map(v -> Secret.of(reference, v));
        }
    };

    private static final String VALID = """
            default = "reception"

            [agents.reception]
            instructions = \"\"\"
            You greet callers
            and route them.\"\"\"
            greeting = "Hello! How can I help?"
            voice = "en-us"
            tools = ["lookup_order"]
            handoffs = ["billing"]

            [agents.billing]
            instructions = "You handle bills."
            chat-context = "reset"
            handoffs = ["reception"]

            [tools.lookup_order]
            description = "Look up an order"
            url = "https://example.com/hooks/order"
            secret = "${HOOK_SECRET}"
            timeout-ms = 5000
            [tools.lookup_order.parameters.order_id]
            type = "string"
            description = "The order id"
            """;

    private static AgentCatalog parse(String toml) {
        return AgentDefinitions.parse(toml, "agents/shop.toml", ProviderLookup.none(), SECRETS);
    }

    @Test
    void loadsAgentsToolsAndHandoffs() {
        AgentCatalog catalog = parse(VALID);
        assertThat(catalog.defaultAgent()).isEqualTo("reception");
        Agent reception = catalog.start();
        assertThat(reception.instructions()).isEqualTo("You greet callers\nand route them.");
        assertThat(reception.greeting()).contains("Hello! How can I help?");
        assertThat(reception.voice()).contains("en-us");
        assertThat(reception.tools()).extracting(t -> t.spec().name())
                .containsExactlyInAnyOrder("lookup_order", "transfer_to_billing");
        var lookup = reception.tools().stream().filter(t -> t.spec().name().equals("lookup_order")).findFirst()
                .orElseThrow();
        assertThat(lookup.spec().parameters().toString()).isEqualTo("{\"type\":\"object\",\"properties\":"
                + "{\"order_id\":{\"type\":\"string\",\"description\":\"The order id\"}},\"required\":[\"order_id\"],"
                + "\"additionalProperties\":false}");
        assertThat(lookup.timeout().toMillis()).isEqualTo(5000);
        assertThat(catalog.agent("billing").orElseThrow().chatContext()).isEqualTo(ChatContextMode.RESET);
        assertThat(catalog.agent("billing").orElseThrow().tools()).extracting(t -> t.spec().name())
                .containsExactly("transfer_to_reception");
    }

    @Test
    void handoffToolReturnsTheOtherAgentFromTheSameFile() throws Exception {
        AgentCatalog catalog = parse(VALID);
        var transfer = catalog.start().tools().stream().filter(t -> t.spec().name().equals("transfer_to_billing"))
                .findFirst().orElseThrow();
        var outcome = transfer.invoke(com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode(),
                new dev.switchboard.media.voice.tools.RunContext(null, null, "call_1"));
        assertThat(outcome).isInstanceOfSatisfying(dev.switchboard.media.voice.tools.ToolOutcome.Handoff.class,
                h -> assertThat(h.agent()).isSameAs(catalog.agent("billing").orElseThrow()));
    }

    private static void assertProblem(String toml, String location, String message) {
        assertProblem(() -> parse(toml), location, message);
    }

    /** Asserts that {@code load} fails with a problem at exactly {@code location} whose message has {@code message}. */
    static void assertProblem(org.assertj.core.api.ThrowableAssert.ThrowingCallable load, String location,
                              String message) {
        assertThatThrownBy(load).isInstanceOfSatisfying(ConfigException.class, e ->
                assertThat(e.problems()).anySatisfy(p -> {
                    assertThat(p.location()).isEqualTo(location);
                    assertThat(p.message()).contains(message);
                }));
    }

    @Test
    void unknownKeyIsNamedWithItsLine() {
        assertProblem(VALID.replace("voice = \"en-us\"", "voise = \"en-us\""),
                "agents/shop.toml:8:agents.reception.voise", "unknown key");
    }

    @Test
    void badChatContext() {
        assertProblem(VALID.replace("\"reset\"", "\"forget\""), "agents/shop.toml:14:agents.billing.chat-context",
                "must be \"carry\" or \"reset\"");
    }

    @Test
    void undeclaredToolAndUnknownHandoffTarget() {
        String toml = VALID.replace("tools = [\"lookup_order\"]", "tools = [\"lookup\"]")
                .replace("handoffs = [\"reception\"]", "handoffs = [\"sales\"]");
        assertProblem(toml, "agents/shop.toml:9:agents.reception.tools", "no tool named 'lookup'");
        assertProblem(toml, "agents/shop.toml:15:agents.billing.handoffs", "no agent named 'sales'");
    }

    @Test
    void webhookProblems() {
        assertProblem(VALID.replace("https://example.com/hooks/order", "ftp://example.com/x"),
                "agents/shop.toml:19:tools.lookup_order.url", "must be an http or https URL");
        assertProblem(VALID.replace("${HOOK_SECRET}", "${MISSING_SECRET}"),
                "agents/shop.toml:20:tools.lookup_order.secret", "cannot resolve ${MISSING_SECRET}");
        assertProblem(VALID.replace("type = \"string\"", "type = \"date\""),
                "agents/shop.toml:23:tools.lookup_order.parameters.order_id.type", "must be one of");
        assertProblem(VALID.replace("timeout-ms = 5000", "timeout-ms = 0"),
                "agents/shop.toml:21:tools.lookup_order.timeout-ms", "1..120000");
    }

    @Test
    void anInvalidToolIsReportedOnceNotAgainWhereAgentsUseIt() {
        assertThatThrownBy(() -> parse(VALID.replace("https://example.com/hooks/order", "ftp://example.com/x")))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).hasSize(1));
    }

    @Test
    void secretValueNeverAppearsInErrors() {
        assertThatThrownBy(() -> parse(VALID.replace("ftp", "x").replace("https://example.com/hooks/order", "nope")))
                .isInstanceOf(ConfigException.class).message().doesNotContain("s3cr3t-value");
    }

    @Test
    void unknownProviderAndDefault() {
        assertProblem(VALID.replace("voice = \"en-us\"", "llm = \"groq\""), "agents/shop.toml:8:agents.reception.llm",
                "no LLM provider named 'groq'");
        assertProblem(VALID.replace("default = \"reception\"", "default = \"front\""), "agents/shop.toml:1:default",
                "no agent named 'front'");
    }

    @Test
    void providerOverridesResolveThroughTheLookup() {
        LanguageModel llm = new LanguageModel() {
            @Override
            public String name() {
                return "groq";
            }

            @Override
            public dev.switchboard.media.voice.spi.LlmCall chat(dev.switchboard.media.voice.spi.ChatRequest r,
                                                                  dev.switchboard.media.voice.spi.LlmListener l) {
                return () -> { };
            }
        };
        ProviderLookup lookup = new ProviderLookup() {
            @Override
            public Optional<LanguageModel> llm(String name) {
                return name.equals("groq") ? Optional.of(llm) : Optional.empty();
            }

            @Override
            public Optional<TextToSpeech> tts(String name) {
                return Optional.empty();
            }

            @Override
            public Optional<SpeechToText> stt(String name) {
                return Optional.empty();
            }
        };
        AgentCatalog catalog = AgentDefinitions.parse(VALID.replace("voice = \"en-us\"", "llm = \"groq\""),
                "a.toml", lookup, SECRETS);
        assertThat(catalog.start().llm()).containsSame(llm);
    }

    @Test
    void invalidTomlNamesTheLine() {
        assertThatThrownBy(() -> parse("[agents.a]\ninstructions = \"unterminated\n"))
                .isInstanceOfSatisfying(ConfigException.class, e ->
                        assertThat(e.problems().getFirst().location()).isEqualTo("agents/shop.toml:2"));
    }

    @Test
    void noAgents() {
        assertProblem("default = \"x\"\n", "agents/shop.toml:1:agents", "at least one");
    }
}
