package dev.switchboard.testkit.livekit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LiveKitBinaryTest {

    @TempDir
    Path tmp;

    @Test
    void explicitVariableWinsOverCacheAndPath() throws IOException {
        Path explicit = executable(tmp.resolve("explicit/livekit-server"));
        Path home = tmp.resolve("home");
        executable(home.resolve(".cache/switchboard/livekit-server-v1.13.5/livekit-server"));
        Path onPath = executable(tmp.resolve("bin/livekit-server"));

        Map<String, String> env = Map.of("SWITCHBOARD_LIVEKIT_BIN", explicit.toString(),
                "PATH", onPath.getParent().toString());

        assertThat(LiveKitBinary.find(env, home)).contains(explicit);
    }

    @Test
    void cacheComesBeforePathAndHonoursSwitchboardCache() throws IOException {
        Path cached = executable(tmp.resolve("cache/livekit-server-v1.13.5/livekit-server"));
        Path onPath = executable(tmp.resolve("bin/livekit-server"));
        Map<String, String> env = Map.of("SWITCHBOARD_CACHE", tmp.resolve("cache").toString(),
                "PATH", onPath.getParent().toString());

        assertThat(LiveKitBinary.find(env, tmp.resolve("home"))).contains(cached);
    }

    @Test
    void fallsBackToPath() throws IOException {
        Path onPath = executable(tmp.resolve("bin/livekit-server"));
        Map<String, String> env = Map.of("PATH", "/nonexistent:" + onPath.getParent());

        assertThat(LiveKitBinary.find(env, tmp.resolve("home"))).contains(onPath);
    }

    @Test
    void missingBinaryNamesEveryPlaceLookedAtAndTheFix() {
        Map<String, String> env = Map.of("PATH", tmp.toString());

        assertThatThrownBy(() -> LiveKitBinary.require(env, tmp.resolve("home")))
                .isInstanceOf(LiveKitUnavailableException.class)
                .hasMessageContaining("livekit-server not found")
                .hasMessageContaining(tmp.resolve("home/.cache/switchboard/livekit-server-v1.13.5/livekit-server")
                        .toString())
                .hasMessageContaining("scripts/setup.sh")
                .hasMessageContaining("SWITCHBOARD_SKIP_LIVEKIT=1");
    }

    @Test
    void explicitVariableThatIsNotExecutableIsAnErrorNotAFallback() throws IOException {
        Path notExecutable = Files.writeString(tmp.resolve("livekit-server"), "");
        executable(tmp.resolve("bin/livekit-server"));
        Map<String, String> env = Map.of("SWITCHBOARD_LIVEKIT_BIN", notExecutable.toString(),
                "PATH", tmp.resolve("bin").toString());

        assertThatThrownBy(() -> LiveKitBinary.require(env, tmp))
                .isInstanceOf(LiveKitUnavailableException.class)
                .hasMessageContaining("SWITCHBOARD_LIVEKIT_BIN=" + notExecutable + " is not an executable file");
    }

    private static Path executable(Path p) throws IOException {
        Files.createDirectories(p.getParent());
        Files.writeString(p, "#!/bin/sh\n");
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwx------"));
        return p;
    }
}
