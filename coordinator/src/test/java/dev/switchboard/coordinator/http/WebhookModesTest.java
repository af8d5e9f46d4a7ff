package dev.switchboard.coordinator.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.coordinator.modes.ModeSection;
import dev.switchboard.spi.ConfigException;
import dev.switchboard.spi.Json;
import dev.switchboard.spi.Secret;
import dev.switchboard.spi.Secrets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WebhookModesTest {

    private static final Map<String, String> ENV = Map.of("LIVEKIT_API_SECRET", "lk-secret-value",
            "CRM_SECRET", "crm-secret-value");

    private final Secrets secrets = new Secrets() {
        @Override
        public Secret resolve(String reference) {
            return find(reference).orElseThrow(() -> new ConfigException(reference, "not set"));
        }

        @Override
        public Optional<Secret> find(String reference) {
            String name = reference.replaceAll("^\\$\\{(.*)}$", "$1");
            return Optional.ofNullable(ENV.get(name)).map(v -> Secret.of(reference, v));
        }
    };

    private static ModeSection section(String json) {
        return new ModeSection("modes/webhooks.toml", "webhooks", Json.object(json),
                key -> "modes/webhooks.toml:7:webhooks" + (key.isEmpty() ? "" : "." + key));
    }

    @Test
    void readsKeysTriggersForwardsAndTunings() {
        WebhookSettings s = WebhookModes.read(section("""
                {"state-directory": "var/webhooks", "keys": {"APIdev": "${LIVEKIT_API_SECRET}"},
                 "dedupe-window": "2h", "forward-attempts": 3, "forward-backoff": "250ms", "fsync": false,
                 "on": {"room_finished": "session-end"},
                 "forwards": [{"name": "crm", "url": "https://crm.example.com/hooks", "secret": "${CRM_SECRET}",
                               "events": ["room_finished"]}]}"""), secrets).build();
        assertThat(s.keys()).containsOnlyKeys("APIdev");
        assertThat(s.keys().get("APIdev").reveal()).isEqualTo("lk-secret-value");
        assertThat(s.stateDirectory()).isEqualTo(Path.of("var/webhooks"));
        assertThat(s.dedupeWindow()).isEqualTo(Duration.ofHours(2));
        assertThat(s.forwardAttempts()).isEqualTo(3);
        assertThat(s.forwardBackoff()).isEqualTo(Duration.ofMillis(250));
        assertThat(s.fsync()).isFalse();
        assertThat(s.triggers()).containsEntry("room_finished", "session-end");
        assertThat(s.forwards()).singleElement().satisfies(f -> {
            assertThat(f.name()).isEqualTo("crm");
            assertThat(f.accepts("room_finished")).isTrue();
            assertThat(f.accepts("room_started")).isFalse();
        });
    }

    @Test
    void badInputNamesTheKeyAndNeverASecret() {
        assertThatThrownBy(() -> WebhookModes.read(section("{\"keyz\": {}}"), secrets))
                .isInstanceOf(ConfigException.class).hasMessageContaining("modes/webhooks.toml:7:webhooks.keyz")
                .hasMessageContaining("unknown key");
        assertThatThrownBy(() -> WebhookModes.read(section(
                "{\"state-directory\": \"x\", \"dedupe-window\": \"forever\"}"), secrets))
                .hasMessageContaining("webhooks.dedupe-window").hasMessageContaining("duration");
        assertThatThrownBy(() -> WebhookModes.read(section(
                "{\"keys\": {\"APIdev\": \"${LIVEKIT_API_SECRET}\"}}"), secrets))
                .hasMessageContaining("webhooks.state-directory").hasMessageContaining("required");
        assertThatThrownBy(() -> WebhookModes.read(section(
                "{\"keys\": {\"APIdev\": \"${MISSING}\"}, \"state-directory\": \"x\"}"), secrets))
                .hasMessageContaining("${MISSING}");
        assertThatThrownBy(() -> WebhookModes.read(section("""
                {"forwards": [{"name": "crm", "url": "ftp://x", "secret": "${CRM_SECRET}"}]}"""), secrets))
                .hasMessageContaining("webhooks.forwards[0].url").hasMessageNotContaining("crm-secret-value");
        assertThatThrownBy(() -> WebhookModes.read(section("{\"on\": {\"room_finished\": 3}}"), secrets))
                .hasMessageContaining("webhooks.on.room_finished");
        assertThatThrownBy(() -> WebhookModes.read(section("{\"forward-attempts\": 0}"), secrets))
                .hasMessageContaining("webhooks.forward-attempts");
    }
}
