package dev.switchboard.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.coordinator.Switchboard;
import dev.switchboard.coordinator.routing.RouteExplanation;
import dev.switchboard.spi.Caller;
import dev.switchboard.spi.OperationRequest;
import dev.switchboard.spi.OperationResult;
import dev.switchboard.spi.SwitchboardEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The example of docs/embedding.md, compiled and run. */
class EmbeddingExampleTest {

    @TempDir
    Path dir;

    @Test
    void theEmbeddingExampleRuns() throws Exception {
        Path modes = Files.createDirectories(dir.resolve("modes"));
        // tag::modes[]
        Files.writeString(modes.resolve("greeter.toml"), """
                [router]
                root = "start"

                [router.nodes.start]
                when = [ { operation = "greeting.*", specialist = "greeter" } ]

                [specialists.greeter]
                greeting = "Welcome"
                """);
        // end::modes[]
        List<SwitchboardEvent> events = new CopyOnWriteArrayList<>();

        // tag::use[]
        try (Switchboard switchboard = Switchboard.builder()
                .modes(modes)                               // optional: built-in modes are always loaded
                .journal(dir.resolve("switchboard.journal")) // optional: in memory otherwise
                .specialist(new GreeterSpecialist())        // embedded specialists, next to plugin JARs
                .build()) {
            switchboard.listen(events::add);                // events arrive on a dedicated thread

            OperationRequest request = OperationRequest.builder("greeting.say")
                    .param("name", "Ada")
                    .caller(Caller.of("host-app", "operator"))
                    .deadline(Instant.now().plusSeconds(5))
                    .build();
            RouteExplanation route = switchboard.explain(request);   // the path, without running it
            OperationResult result = switchboard.execute(request);   // never throws for a failed operation

            switch (result) {
                case OperationResult.Success s -> System.out.println(s.payload().path("text").asText());
                case OperationResult.Failure f -> System.err.println(f.code() + ": " + f.violations());
            }
            CompletableFuture<OperationResult> later = switchboard.executeAsync(request);  // on a virtual thread
            // end::use[]
            assertThat(route.route()).hasValueSatisfying(r -> assertThat(r.specialist()).isEqualTo("greeter"));
            assertThat(result.field("text").asText()).isEqualTo("Welcome, Ada!");
            assertThat(later.get().isSuccess()).isTrue();
            OperationResult bad = switchboard.execute(OperationRequest.builder("greeting.sey").build());
            assertThat(((OperationResult.Failure) bad).code()).isEqualTo("unknown_operation");
            assertThat(((OperationResult.Failure) bad).message()).contains("greeting.say");
        }
        for (int i = 0; i < 200 && events.isEmpty(); i++) {
            Thread.sleep(10);
        }
        assertThat(events).extracting(SwitchboardEvent::type).contains("operation.finished");
    }
}
