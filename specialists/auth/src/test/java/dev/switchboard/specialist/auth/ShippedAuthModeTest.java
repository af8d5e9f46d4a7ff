package dev.switchboard.specialist.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The shipped modes/auth.toml loads, and its presets are exactly the built-in ones. */
class ShippedAuthModeTest {

    @Test
    void shippedModeDeclaresTheBuiltInPresetsAndBounds() throws Exception {
        JsonNode mode;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("modes/auth.toml")) {
            assertThat(in).as("modes/auth.toml on the classpath").isNotNull();
            mode = new TomlMapper().readTree(in);
        }
        JsonNode table = mode.path("specialists").path("auth");
        TestContext ctx = new TestContext(table.toString(),
                Map.of("LIVEKIT_API_KEY", "APIshipped", "LIVEKIT_API_SECRET", "shipped-secret-0123456789abcdef"),
                Instant.EPOCH);

        AuthSettings settings = AuthSettingsReader.read(ctx.config(), ctx.secrets());

        assertThat(settings.signing().key()).isEqualTo("APIshipped");
        assertThat(settings.defaultTtl()).isEqualTo(Duration.ofHours(6));
        assertThat(settings.minTtl()).isEqualTo(Duration.ofMinutes(1));
        assertThat(settings.maxTtl()).isEqualTo(Duration.ofHours(24));
        Map<String, Preset> builtIns = Preset.builtIns();
        assertThat(settings.presets().keySet()).containsExactlyInAnyOrderElementsOf(builtIns.keySet());
        builtIns.forEach((name, preset) -> {
            assertThat(settings.presets().get(name).grants()).as(name).isEqualTo(preset.grants());
            assertThat(settings.presets().get(name).description()).as(name).isEqualTo(preset.description());
        });
    }
}
