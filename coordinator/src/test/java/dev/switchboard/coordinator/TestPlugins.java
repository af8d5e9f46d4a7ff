package dev.switchboard.coordinator;

import dev.switchboard.testkit.PluginJarBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Plugin JARs and modes built during tests: an echo specialist compiled from source. Stateless. */
public final class TestPlugins {

    /** Routes echo.* to the echo specialist (and counter.* to counter). */
    public static final String ROUTER = """
            [router]
            root = "start"

            [router.nodes.start]
            when = [
              { operation = "echo.*", specialist = "echo" },
              { operation = "counter.*", specialist = "counter" },
            ]
            """;

    private static final String ECHO = """
            package demo.echo;

            import dev.switchboard.spi.*;
            import java.util.List;

            public class EchoSpecialist implements Specialist {
                @Override public String name() { return "echo"; }
                @Override public List<OperationDescriptor> operations() {
                    return List.of(OperationDescriptor.builder("echo.say").description("Says the text back.")
                            .inputSchema("{\\"type\\":\\"object\\",\\"required\\":[\\"text\\"]}").build());
                }
                @Override public OperationResult execute(SpecialistContext ctx, OperationRequest request) {
                    return OperationResult.success(Json.object().put("said", request.params().path("text").asText())
                            .put("by", "plugin"));
                }
            }
            """;

    private TestPlugins() {
    }

    /** A plugins folder with a working {@code echo.jar} and a truncated {@code broken.jar}. */
    public static Path folder(Path dir) {
        Path plugins = dir.resolve("plugins");
        PluginJarBuilder.plugin("echo").extension("demo.echo.EchoSpecialist", ECHO).build(plugins.resolve("echo.jar"));
        PluginJarBuilder.plugin("broken").extension("demo.echo.EchoSpecialist", ECHO.replace("echo", "broken"))
                .truncated().build(plugins.resolve("broken.jar"));
        return plugins;
    }

    /** A modes folder whose router knows echo.* and counter.*. */
    public static Path modes(Path dir) {
        try {
            Path modes = Files.createDirectories(dir.resolve("plugin-modes"));
            Files.writeString(modes.resolve("coordinator.toml"), ROUTER);
            return modes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
