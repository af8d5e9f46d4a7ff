package dev.switchboard.coordinator.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.spi.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReferenceSecretsTest {

    static final String VALUE = "value-3c9d1e7b";

    @TempDir
    Path dir;

    final ReferenceSecrets secrets = new ReferenceSecrets(Map.of("PRESENT", VALUE));

    @Test
    void resolvesTheThreeReferenceForms() throws Exception {
        Path file = Files.writeString(dir.resolve("secret"), VALUE + "\n");

        assertThat(secrets.resolve("${PRESENT}").reveal()).isEqualTo(VALUE);
        assertThat(secrets.resolve("env:PRESENT").reveal()).isEqualTo(VALUE);
        assertThat(secrets.resolve("file:" + file).reveal()).isEqualTo(VALUE);
        assertThat(secrets.resolve("env:PRESENT").toString()).isEqualTo("Secret[env:PRESENT]");
    }

    @Test
    void aMissingSecretNamesTheReferenceNeverAValue() {
        assertThatThrownBy(() -> secrets.resolve("${MISSING}"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("${MISSING}")
                .hasMessageContaining("not set").hasMessageNotContaining(VALUE);
        assertThatThrownBy(() -> secrets.resolve("file:" + dir.resolve("absent")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("missing");
        assertThat(secrets.find("${MISSING}")).isEmpty();
    }

    @Test
    void aLiteralIsNotAReference() {
        assertThatThrownBy(() -> secrets.resolve(VALUE))
                .isInstanceOf(ConfigException.class).hasMessageContaining("not a secret reference");
    }

    @Test
    void resolvedValuesAreScrubbedFromText() {
        secrets.resolve("${PRESENT}");

        assertThat(SecretScrubber.scrub("token=" + VALUE + ";")).isEqualTo("token=***;");
    }

    @Test
    void theRedactorMasksSecretKeysButKeepsReferences() {
        var tree = dev.switchboard.spi.Json.object("""
                {"room":"a","api-secret":"x1","token":"t","nested":{"password":"p","key-ref":"${PRESENT}"},
                 "api-key":"${LIVEKIT_API_KEY}"}""");

        var redacted = Redactor.redact(tree);

        assertThat(redacted.path("room").asText()).isEqualTo("a");
        assertThat(redacted.path("api-secret").asText()).isEqualTo("***");
        assertThat(redacted.path("token").asText()).isEqualTo("***");
        assertThat(redacted.path("nested").path("password").asText()).isEqualTo("***");
        assertThat(redacted.path("api-key").asText()).isEqualTo("${LIVEKIT_API_KEY}");
        assertThat(tree.path("token").asText()).as("the input is untouched").isEqualTo("t");
    }
}
