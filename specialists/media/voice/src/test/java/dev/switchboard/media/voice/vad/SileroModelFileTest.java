package dev.switchboard.media.voice.vad;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Locating and checking the model file: precise errors naming the setup command. */
class SileroModelFileTest {

    @TempDir
    Path dir;

    @Test
    void aMissingModelNamesThePathAndTheSetupCommand() {
        Path missing = dir.resolve("models/silero_vad.onnx");

        assertThatThrownBy(() -> SileroVad.create(missing))
                .isInstanceOf(VadModelException.class)
                .hasMessageContaining("not found at " + missing)
                .hasMessageContaining("run scripts/setup.d/50-silero-model.sh")
                .hasMessageContaining("@livekit/agents-plugin-silero@1.9.0")
                .extracting(e -> ((VadModelException) e).code()).isEqualTo("vad_model_unavailable");
    }

    @Test
    void aModelWithAnotherDigestIsRefusedWithBothDigests() throws IOException {
        Path wrong = Files.write(dir.resolve("silero_vad.onnx"), "not a model".getBytes());

        assertThatThrownBy(() -> SileroVad.create(wrong))
                .isInstanceOf(VadModelException.class)
                .hasMessageContaining("Silero VAD model at " + wrong + " has SHA-256 "
                        + SileroModelFile.sha256("not a model".getBytes()))
                .hasMessageContaining("expected " + SileroVad.modelSha256())
                .hasMessageContaining("run scripts/setup.d/50-silero-model.sh");
        assertThat(SileroModel.users(wrong)).isZero();
    }

    @Test
    void theEnvironmentPicksTheFileExplicitPathFirstThenTheCache() {
        assertThat(SileroModelFile.locate(Map.of("SWITCHBOARD_SILERO_MODEL", "/m/v.onnx",
                "SWITCHBOARD_CACHE", "/c"), "/home/u")).isEqualTo(Path.of("/m/v.onnx"));
        assertThat(SileroModelFile.locate(Map.of("SWITCHBOARD_CACHE", "/c"), "/home/u"))
                .isEqualTo(Path.of("/c/models/silero_vad.onnx"));
        assertThat(SileroModelFile.locate(Map.of("SWITCHBOARD_SILERO_MODEL", " "), "/home/u"))
                .isEqualTo(Path.of("/home/u/.cache/switchboard/models/silero_vad.onnx"));
    }

    @Test
    void theInstalledModelHasThePinnedDigest() {
        byte[] installed = SileroModelFile.readVerified(SileroVad.defaultModelPath());

        assertThat(SileroModelFile.sha256(installed)).isEqualTo(SileroVad.modelSha256());
        assertThat(installed).hasSize(2_327_524);
    }
}
