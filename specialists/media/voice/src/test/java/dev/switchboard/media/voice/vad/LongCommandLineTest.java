package dev.switchboard.media.voice.vad;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * onnxruntime's telemetry reads the process's command line with native stack in proportion to its length;
 * a JVM started with a long class path (an IDE, a test runner, an embedding host) died with SIGSEGV when
 * Silero loaded. A child JVM with an 8 KB command line and telemetry not disabled must load it and say so.
 */
class LongCommandLineTest {

    /** The child: loads Silero, scores one window of silence, prints a line. */
    public static final class Child {
        private Child() {
        }

        /** Entry point of the child JVM. */
        public static void main(String[] args) {
            try (Vad vad = SileroVad.create()) {
                System.out.println("silero loaded: " + vad);
            }
        }
    }

    @Test
    void sileroLoadsInAJvmWithALongCommandLine() throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder pb = new ProcessBuilder(List.of(java, "-Dswitchboard.pad=" + "x".repeat(8_192),
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                Child.class.getName()));
        pb.environment().remove("ORT_DISABLE_TELEMETRY");
        pb.redirectErrorStream(true);
        Process child = pb.start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("the child finished").isTrue();
        assertThat(child.exitValue()).as("exit code (139 = SIGSEGV); output:%n%s", output).isZero();
        assertThat(output).contains("silero loaded");
    }
}
