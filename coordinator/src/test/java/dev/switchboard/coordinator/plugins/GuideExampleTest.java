package dev.switchboard.coordinator.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.spi.Json;
import dev.switchboard.spi.OperationRequest;
import dev.switchboard.spi.OperationResult;
import dev.switchboard.testkit.PluginJarBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The plugin author guide's specialist, dropped into a plugins folder, loads and answers. */
class GuideExampleTest {

    @TempDir
    Path plugins;

    @Test
    void guideSpecialistLoadsFromAPluginsFolderAndRuns() throws Exception {
        Path guide = Path.of("..", "docs", "plugin-author-guide.md");
        assertThat(guide).exists();
        Matcher block = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL).matcher(Files.readString(guide));
        assertThat(block.find()).as("a java block in the guide").isTrue();
        PluginJarBuilder.plugin("greeter")
                .extension("dev.switchboard.specialist.greeter.GreeterSpecialist", block.group(1))
                .build(plugins.resolve("greeter.jar"));
        TestPlugins fixtures = new TestPlugins();

        try (PluginHost host = fixtures.host(plugins)) {
            PluginReport report = host.load();

            assertThat(report.entry("greeter.jar")).get().extracting(PluginReport.Entry::operations)
                    .isEqualTo(java.util.List.of("greeter.hello", "greeter.forget"));
            try (CatalogLease lease = host.acquire()) {
                SpecialistOperation hello = lease.find("greeter.hello").orElseThrow();
                OperationResult result = hello.specialist().execute(lease.context("greeter").orElseThrow(),
                        OperationRequest.builder("greeter.hello").params(Json.object().put("person", "Ada")).build());
                assertThat(result.field("greeting").asText()).isEqualTo("Hello, Ada!");
                assertThat(fixtures.contexts.get("greeter").metrics().count("greeter.hello.calls")).isEqualTo(1);
            }
        }
    }
}
