package dev.switchboard.coordinator.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.spi.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EffectiveConfigTest {

    @TempDir
    Path tmp;

    @Test
    void precedenceIsDefaultsThenFileThenEnvironmentThenFlags() throws IOException {
        Path file = tmp.resolve("sb.env");
        Files.writeString(file, """
                # a comment
                SWITCHBOARD_HTTP_PORT=9001
                export SWITCHBOARD_BIND="0.0.0.0"
                SWITCHBOARD_MODES=/from/file
                SWITCHBOARD_DATA=/from/file   # trailing comment
                """);
        Map<String, String> env = Map.of("SWITCHBOARD_CONFIG", file.toString(), "SWITCHBOARD_BIND", "10.0.0.1",
                "SWITCHBOARD_MODES", "/from/env");

        EffectiveConfig c = EffectiveConfig.resolve(env, "", Map.of("SWITCHBOARD_MODES", "/from/flag"));

        assertThat(c.get("SWITCHBOARD_LIVEKIT_PORT").source()).isEqualTo(ConfigSource.DEFAULT);
        assertThat(c.get("SWITCHBOARD_LIVEKIT_PORT").value()).isEqualTo("7880");
        assertThat(c.get("SWITCHBOARD_HTTP_PORT").value()).isEqualTo("9001");
        assertThat(c.get("SWITCHBOARD_HTTP_PORT").origin()).isEqualTo(file + ":2");
        assertThat(c.get("SWITCHBOARD_DATA").value()).isEqualTo("/from/file");
        assertThat(c.get("SWITCHBOARD_BIND").value()).isEqualTo("10.0.0.1");
        assertThat(c.get("SWITCHBOARD_BIND").origin()).isEqualTo("$SWITCHBOARD_BIND");
        assertThat(c.get("SWITCHBOARD_MODES").value()).isEqualTo("/from/flag");
        assertThat(c.get("SWITCHBOARD_MODES").source()).isEqualTo(ConfigSource.FLAG);
        assertThat(c.environment()).containsEntry("SWITCHBOARD_HTTP_PORT", "9001")
                .containsEntry("SWITCHBOARD_BIND", "10.0.0.1");
    }

    @Test
    void theConfigFlagWinsOverTheVariable() throws IOException {
        Path a = Files.writeString(tmp.resolve("a.env"), "SWITCHBOARD_HTTP_PORT=1111\n");
        Path b = Files.writeString(tmp.resolve("b.env"), "SWITCHBOARD_HTTP_PORT=2222\n");

        EffectiveConfig c = EffectiveConfig.resolve(Map.of("SWITCHBOARD_CONFIG", a.toString()), b.toString(), Map.of());

        assertThat(c.value("SWITCHBOARD_HTTP_PORT")).contains("2222");
        assertThat(c.file()).contains(b);
    }

    @Test
    void secretsNeverPrint() throws IOException {
        Path file = Files.writeString(tmp.resolve("s.env"), "CRM_WEBHOOK_SECRET=file-secret-123456\n");
        EffectiveConfig c = EffectiveConfig.resolve(Map.of("LIVEKIT_API_SECRET", "env-secret-abcdef"),
                file.toString(), Map.of());

        assertThat(c.get("LIVEKIT_API_SECRET").shown()).isEqualTo("<redacted>");
        assertThat(c.toString()).doesNotContain("env-secret-abcdef").doesNotContain("file-secret-123456");
        assertThat(c.fileOnlyKeys()).containsEntry("CRM_WEBHOOK_SECRET", file + ":1");
        assertThat(c.environment()).containsEntry("CRM_WEBHOOK_SECRET", "file-secret-123456");
    }

    @Test
    void aMalformedFileNamesEachBadLineAndNoValue() throws IOException {
        Path file = Files.writeString(tmp.resolve("bad.env"), "OK=1\nnot a setting\nLIVEKIT_API_SECRET=\"s3cr3t-x\n");

        assertThatThrownBy(() -> EffectiveConfig.resolve(Map.of(), file.toString(), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(file + ":2: expected KEY=value")
                .hasMessageContaining(file + ":3:LIVEKIT_API_SECRET: unterminated quote")
                .hasMessageNotContaining("s3cr3t");
    }

    @Test
    void aMissingFileIsNamed() {
        assertThatThrownBy(() -> EffectiveConfig.resolve(Map.of(), tmp.resolve("nope.env").toString(), Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("nope.env: settings file not found");
    }
}
