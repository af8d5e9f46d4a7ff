package dev.switchboard.coordinator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.coordinator.config.Settings;
import dev.switchboard.testkit.livekit.LiveKitServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code config show}, the flag defaults from settings, and {@code doctor} against a real and a stopped server. */
class ConfigAndDoctorTest {

    @TempDir
    Path tmp;

    @Test
    void configShowPrintsSourcesAndRedactsSecrets() throws IOException {
        Path file = Files.writeString(tmp.resolve("sb.env"), "SWITCHBOARD_HTTP_PORT=9444\nMY_TOKEN=tok-999999\n");
        Map<String, String> env = Map.of("LIVEKIT_API_SECRET", "very-secret-value-1", "LIVEKIT_URL", "ws://lk:7880");

        Cli text = Cli.run(env, "--config", file.toString(), "--modes", tmp.toString(), "config", "show");
        Cli json = Cli.run(env, "--config", file.toString(), "--output", "json", "config", "show");

        assertThat(text.code()).as(text.err()).isZero();
        assertThat(text.out()).contains("SWITCHBOARD_HTTP_PORT", "9444", file + ":1", "$LIVEKIT_URL",
                "LIVEKIT_API_SECRET", "<redacted>", "--modes", "MY_TOKEN", "<not shown>")
                .doesNotContain("very-secret-value-1").doesNotContain("tok-999999");
        assertThat(json.out()).contains("\"source\" : \"file\"", "\"source\" : \"environment\"")
                .doesNotContain("very-secret-value-1");
    }

    @Test
    void everyServeFlagDefaultMatchesItsSettingAndTheEnvironmentOverridesIt() {
        CommandLine.Model.CommandSpec serve = new CommandLine(new ServeCommand()).getCommandSpec();
        for (var s : Settings.all()) {
            if (s.command().equals("serve")) {
                assertThat(serve.findOption(s.flag()).defaultValue()).as(s.name()).isEqualTo(s.defaultValue());
            }
        }
        Cli help = Cli.run(Map.of("SWITCHBOARD_HTTP_PORT", "9555"), "serve", "--help");
        assertThat(help.out() + help.err()).contains("HTTP port (default: 9555)");
    }

    @Test
    void aBrokenSettingsFileStopsEveryCommandWithItsLine() throws IOException {
        Path file = Files.writeString(tmp.resolve("bad.env"), "what is this\n");

        Cli r = Cli.run(Map.of("SWITCHBOARD_CONFIG", file.toString()), "plugins", "list");

        assertThat(r.code()).isEqualTo(ExitCodes.CONFIG_INVALID);
        assertThat(r.err()).contains(file + ":1: expected KEY=value");
    }

    @Test
    void doctorPassesAgainstARealServerWithItsCredentials() {
        try (LiveKitServer lk = LiveKitServer.startLoopback()) {
            Cli r = Cli.run(env(lk, lk.apiSecret().reveal()), "doctor");

            assertThat(r.out()).contains("ok    livekit-reachable", "ok    livekit-credentials", "ok    jdk",
                    "ok    modes", "ok    http-port").doesNotContain(lk.apiSecret().reveal());
            assertThat(r.code()).as(r.out()).isZero();
        }
    }

    @Test
    void doctorExplainsWrongCredentials() {
        try (LiveKitServer lk = LiveKitServer.startLoopback()) {
            Cli r = Cli.run(env(lk, "not-the-secret-0123456789abcdef"), "doctor");

            assertThat(r.code()).isEqualTo(ExitCodes.FAILED);
            assertThat(r.out()).contains("fail  livekit-credentials", "HTTP 401", "do not match a key pair")
                    .doesNotContain("not-the-secret");
        }
    }

    @Test
    void doctorExplainsAStoppedServerAndABusyPort() throws IOException {
        LiveKitServer lk = LiveKitServer.startLoopback();
        Map<String, String> env = env(lk, lk.apiSecret().reveal());
        lk.close();
        try (ServerSocket busy = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            env.put("SWITCHBOARD_HTTP_PORT", String.valueOf(busy.getLocalPort()));
            env.put("SWITCHBOARD_SILERO_MODEL", tmp.resolve("missing.onnx").toString());

            Cli r = Cli.run(env, "--output", "json", "doctor");

            assertThat(r.code()).isEqualTo(ExitCodes.FAILED);
            assertThat(r.out()).contains("\"name\" : \"livekit-reachable\",\n    \"status\" : \"fail\"",
                    "start livekit-server", "\"name\" : \"http-port\",\n    \"status\" : \"fail\"",
                    "is in use", "\"name\" : \"vad-model\",\n    \"status\" : \"warn\"", "50-silero-model.sh");
        }
    }

    private static Map<String, String> env(LiveKitServer lk, String secret) {
        Map<String, String> env = new HashMap<>();
        env.put("LIVEKIT_URL", lk.wsUrl().toString());
        env.put("LIVEKIT_API_KEY", lk.apiKey());
        env.put("LIVEKIT_API_SECRET", secret);
        env.put("SWITCHBOARD_HTTP_PORT", "0");
        env.put("PATH", System.getenv().getOrDefault("PATH", ""));
        return env;
    }
}
