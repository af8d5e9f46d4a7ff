package dev.switchboard.coordinator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.spi.OperationRequest;
import dev.switchboard.spi.OperationResult;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A canary secret planted through an environment reference never shows up in logs, errors or the journal. */
class SecretsTest {

    static final String CANARY = "canary-0b7e4d2f9a61";

    @TempDir
    Path dir;

    @Test
    void theCanaryNeverLeaksIntoLogsErrorsOrTheJournal() throws Exception {
        CounterSpecialist counter = new CounterSpecialist();
        Path journal = dir.resolve("switchboard.journal");
        OperationRequest leak = OperationRequest.builder("counter.leak").build();
        OperationResult boom;
        try (LogCapture logs = new LogCapture();
             Switchboard switchboard = Switchboard.builder().modes(TestModes.folder(dir, "")).specialist(counter)
                     .journal(journal).meterRegistry(new SimpleMeterRegistry())
                     .environment(Map.of("CANARY_SECRET", CANARY)).build()) {
            OperationResult leaked = switchboard.execute(leak);
            boom = switchboard.execute(OperationRequest.builder("counter.boom").build());

            assertThat(leaked.field("token").asText()).as("the specialist did resolve the secret").isEqualTo(CANARY);
            assertThat(logs.text()).contains("using secret ***").contains("req=" + leak.requestId())
                    .contains("IllegalStateException").doesNotContain(CANARY);
        }
        assertThat(((OperationResult.Failure) boom).message()).doesNotContain(CANARY);
        String written = new String(Files.readAllBytes(journal), java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(written).as("the journal has the leak's run").contains(leak.requestId()).doesNotContain(CANARY);
    }

    @Test
    void liveKitSettingsRefuseASecretValueInPlaceOfAReference() {
        assertThatThrownBy(() -> LiveKitSettings.of("wss://lk.example", "key", "s3cr3t-value"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("apiSecretReference").hasMessageNotContaining("s3cr3t-value");
    }
}
