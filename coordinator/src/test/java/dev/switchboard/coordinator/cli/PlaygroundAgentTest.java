package dev.switchboard.coordinator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which agent {@code serve} puts in the playground, and that the reason it prints names no key. */
class PlaygroundAgentTest {

    private static final String KEY = "sk-canary-serve-91";

    @Test
    void assistantWhenAnOpenAiKeyOrServerIsSetEchoOtherwise() {
        PlaygroundAgent.Choice keyed = PlaygroundAgent.Choice.of(Map.of("OPENAI_API_KEY", KEY));
        assertThat(keyed.agent()).isEqualTo("assistant");
        assertThat(keyed.reason()).isEqualTo("OPENAI_API_KEY is set").doesNotContain(KEY);
        assertThat(PlaygroundAgent.Choice.of(Map.of("OPENAI_BASE_URL", "http://127.0.0.1:11434/v1")).agent())
                .isEqualTo("assistant");
        PlaygroundAgent.Choice none = PlaygroundAgent.Choice.of(Map.of("OPENAI_API_KEY", " "));
        assertThat(none.agent()).isEqualTo("echo");
        assertThat(none.reason()).contains("no OPENAI_API_KEY or OPENAI_BASE_URL is set");
        PlaygroundAgent.Choice named = PlaygroundAgent.Choice.of(Map.of("OPENAI_API_KEY", KEY,
                "SWITCHBOARD_PLAYGROUND_AGENT_START", "echo"));
        assertThat(named.agent()).isEqualTo("echo");
        assertThat(named.automatic()).isFalse();
    }
}
