package dev.switchboard.coordinator.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.spi.Secret;
import dev.switchboard.spi.SwitchboardEvent;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookConcurrencyTest {

    @TempDir
    Path state;

    @ParameterizedTest(name = "{0} client threads")
    @ValueSource(strings = {"virtual", "platform"})
    void concurrentDeliveriesOfOneEventAreDispatchedExactlyOnce(String threads) throws Exception {
        List<SwitchboardEvent> events = new CopyOnWriteArrayList<>();
        TestClock clock = new TestClock();
        try (HttpApi api = HttpApi.start(new TestSwitchboard(), HttpSettings.builder().port(0).time(clock)
                .webhooks(WebhookSettings.builder()
                        .key(WebhookReceiverTest.KEY, Secret.of("${S}", WebhookReceiverTest.SECRET))
                        .stateDirectory(state).eventSink(events::add).build())
                .build());
                ExecutorService pool = threads.equals("virtual")
                        ? Executors.newVirtualThreadPerTaskExecutor() : Executors.newFixedThreadPool(8)) {
            ApiClient client = new ApiClient(api);
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                byte[] body = LiveKitSigner.event("EV_race_" + (i % 3), "participant_joined", "lobby");
                String token = LiveKitSigner.sign(body, WebhookReceiverTest.KEY, WebhookReceiverTest.SECRET,
                        clock.now());
                answers.add(pool.submit(() -> client.post("/webhooks/livekit", body, "Authorization", token)));
            }
            long accepted = 0;
            for (Future<HttpResponse<String>> answer : answers) {
                HttpResponse<String> r = answer.get();
                assertThat(r.statusCode()).isEqualTo(200);
                accepted += ApiClient.json(r).path("status").asText().equals("accepted") ? 1 : 0;
            }
            assertThat(accepted).isEqualTo(3);
            assertThat(events).hasSize(3);
        }
    }
}
