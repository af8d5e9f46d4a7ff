package dev.switchboard.coordinator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.spi.Caller;
import dev.switchboard.spi.FailureCode;
import dev.switchboard.spi.Json;
import dev.switchboard.spi.OperationRequest;
import dev.switchboard.spi.OperationResult;
import dev.switchboard.spi.SwitchboardEvent;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SwitchboardExecuteTest {

    @TempDir
    Path dir;

    final CounterSpecialist counter = new CounterSpecialist();
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    Switchboard switchboard;

    @BeforeEach
    void start() {
        switchboard = Switchboard.builder()
                .modes(TestModes.folder(dir, "[coordinator]\ndefault-timeout = \"300ms\"\n"))
                .specialist(counter)
                .meterRegistry(meters)
                .environment(Map.of("CANARY_SECRET", "canary-5e1f0c9a77"))
                .build();
    }

    @AfterEach
    void stop() {
        switchboard.close();
    }

    @Test
    void runsTheOperationOnItsSpecialistAndMeasuresIt() throws Exception {
        List<SwitchboardEvent> events = new CopyOnWriteArrayList<>();
        AutoCloseable subscription = switchboard.listen(events::add);
        try {
            OperationResult result = switchboard.execute(OperationRequest.builder("counter.add")
                    .params(CounterSpecialist.params("calls")).caller(Caller.of("test")).build());

            assertThat(result).isInstanceOf(OperationResult.Success.class);
            assertThat(result.field("count").asInt()).isEqualTo(1);
            assertThat(counter.count("calls")).isEqualTo(1);
            assertThat(meters.get("switchboard.operation.latency").tag("operation", "counter.add")
                    .tag("outcome", "success").timer().count()).isEqualTo(1);
            awaitEvent(events, "operation.finished");
            assertThat(events).anySatisfy(e ->
                    assertThat(e.data().path("operation").asText()).isEqualTo("counter.add"));
        } finally {
            subscription.close();
        }
    }

    @Test
    void anUnknownOperationFailsWithSuggestionsAtItsJsonPath() {
        OperationResult result = switchboard.execute(OperationRequest.builder("counter.ad").build());

        OperationResult.Failure failure = (OperationResult.Failure) result;
        assertThat(failure.code()).isEqualTo(FailureCode.UNKNOWN_OPERATION);
        assertThat(failure.violations()).singleElement().satisfies(v -> {
            assertThat(v.path()).isEqualTo("$.operation");
            assertThat(v.hint()).contains("counter.add");
        });
        assertThat(meters.get("switchboard.operation.errors").tag("operation", "unknown")
                .tag("code", FailureCode.UNKNOWN_OPERATION).counter().count()).isEqualTo(1);
    }

    @Test
    void aRepeatedIdempotencyKeyReturnsTheRecordedResultWithoutRunningAgain() {
        OperationRequest first = OperationRequest.builder("counter.add").params(CounterSpecialist.params("once"))
                .idempotencyKey("key-1").build();
        OperationRequest again = OperationRequest.builder("counter.add").params(CounterSpecialist.params("once"))
                .idempotencyKey("key-1").build();

        OperationResult one = switchboard.execute(first);
        OperationResult two = switchboard.execute(again);

        assertThat(counter.count("once")).isEqualTo(1);
        assertThat(two).isEqualTo(one);
        OperationResult other = switchboard.execute(OperationRequest.builder("counter.remove")
                .idempotencyKey("key-1").build());
        assertThat(((OperationResult.Failure) other).code()).isEqualTo(FailureCode.CONFLICT);
    }

    @Test
    void aBadRequestIsRejectedByTheSchemaGateWithJsonPaths() {
        OperationResult result = switchboard.execute(OperationRequest.builder("counter.add")
                .params(Json.object().put("name", "UPPER").put("extra", 1)).build());

        OperationResult.Failure failure = (OperationResult.Failure) result;
        assertThat(failure.code()).isEqualTo(FailureCode.INVALID_REQUEST);
        assertThat(failure.violations()).extracting(v -> v.path()).contains("$.name");
        assertThat(counter.executions.get()).isZero();
        assertThat(meters.get("switchboard.gate.rejections").tag("operation", "counter.add").counter().count())
                .isEqualTo(1);
    }

    @Test
    void aPostConditionThatDoesNotHoldFailsTheOperation() {
        counter.lieAboutEffects = true;

        OperationResult result = switchboard.execute(OperationRequest.builder("counter.add")
                .params(CounterSpecialist.params("lie")).build());

        assertThat(((OperationResult.Failure) result).code()).isEqualTo(FailureCode.VERIFICATION_FAILED);
        assertThat(((OperationResult.Failure) result).violations()).extracting(v -> v.path()).contains("$.name");
    }

    @Test
    void theDefaultTimeoutFromTheModesStopsASlowSpecialist() {
        OperationResult result = switchboard.execute(OperationRequest.builder("counter.sleep")
                .params(Json.object().put("millis", 5_000)).build());

        OperationResult.Failure failure = (OperationResult.Failure) result;
        assertThat(failure.code()).isEqualTo(FailureCode.DEADLINE_EXCEEDED);
        assertThat(failure.retryable()).isTrue();
        assertThat(failure.message()).contains("300 ms");
    }

    @Test
    void anEarlierRequestDeadlineWinsOverTheDefaultTimeout() {
        OperationResult result = switchboard.execute(OperationRequest.builder("counter.sleep")
                .params(Json.object().put("millis", 5_000)).deadline(Instant.now().plusMillis(50)).build());

        assertThat(((OperationResult.Failure) result).code()).isEqualTo(FailureCode.DEADLINE_EXCEEDED);
        assertThat(((OperationResult.Failure) result).message()).doesNotContain("300 ms");
    }

    @Test
    void aDeadlineInThePastFailsWithoutRunning() {
        OperationResult result = switchboard.execute(OperationRequest.builder("counter.add")
                .params(CounterSpecialist.params("late")).deadline(Instant.now().minusSeconds(1)).build());

        assertThat(((OperationResult.Failure) result).code()).isEqualTo(FailureCode.DEADLINE_EXCEEDED);
        assertThat(counter.count("late")).isZero();
    }

    @Test
    void aThrowingSpecialistBecomesAnInternalFailureNamingOnlyTheExceptionClass() {
        OperationResult result = switchboard.execute(OperationRequest.builder("counter.boom").build());

        OperationResult.Failure failure = (OperationResult.Failure) result;
        assertThat(failure.code()).isEqualTo(FailureCode.INTERNAL);
        assertThat(failure.message()).contains("java.lang.IllegalStateException").doesNotContain("canary");
    }

    @Test
    void closeDrainsRunningRequestsAndRefusesNewOnes() throws Exception {
        var running = switchboard.executeAsync(OperationRequest.builder("counter.sleep")
                .params(Json.object().put("millis", 150)).build());
        Thread.sleep(30);

        switchboard.close();

        assertThat(running).isDone();
        assertThat(running.get().isSuccess()).isTrue();
        OperationResult after = switchboard.execute(OperationRequest.builder("counter.add").build());
        assertThat(((OperationResult.Failure) after).code()).isEqualTo(FailureCode.UNAVAILABLE);
    }

    @Test
    void specialistsGetTheirConfigSectionAndLiveKitSettingsAsReferences() {
        try (Switchboard other = Switchboard.builder()
                .modes(TestModes.folder(dir.resolve("lk"), ""))
                .specialist(new CounterSpecialist())
                .liveKit(LiveKitSettings.of("ws://127.0.0.1:7880", "devkey", "${LIVEKIT_API_SECRET}"))
                .meterRegistry(new SimpleMeterRegistry())
                .build()) {
            var config = other.operations().iterator().next().specialist();
            assertThat(((CounterSpecialist) config).context.config().path("api-secret").asText())
                    .isEqualTo("${CANARY_SECRET}");
            assertThat(((CounterSpecialist) config).context.config().path("livekit").path("api-secret").asText())
                    .isEqualTo("${LIVEKIT_API_SECRET}");
        }
    }

    static void awaitEvent(List<SwitchboardEvent> events, String type) throws InterruptedException {
        for (int i = 0; i < 200 && events.stream().noneMatch(e -> e.type().equals(type)); i++) {
            Thread.sleep(10);
        }
    }
}
