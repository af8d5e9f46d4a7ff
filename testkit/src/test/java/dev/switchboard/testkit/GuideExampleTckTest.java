package dev.switchboard.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/** The plugin author guide's specialist and its TCK test compile and pass, exactly as written. */
class GuideExampleTckTest {

    static final Path GUIDE = Path.of("..", "docs", "plugin-author-guide.md");

    /** The {@code java} code blocks of the guide, in order. */
    static List<String> javaBlocks() throws IOException {
        assertThat(GUIDE).as("the guide, relative to the module folder").exists();
        Matcher blocks = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL).matcher(Files.readString(GUIDE));
        List<String> found = new ArrayList<>();
        while (blocks.find()) {
            found.add(blocks.group(1));
        }
        return found;
    }

    @Test
    void guideSpecialistPassesTheGuideTck(@TempDir Path dir) throws Exception {
        List<String> blocks = javaBlocks();
        assertThat(blocks).hasSize(2);
        String pkg = "dev.switchboard.specialist.greeter.";
        Path jar = PluginJarBuilder.plugin("greeter")
                .extension(pkg + "GreeterSpecialist", blocks.get(0))
                .source(pkg + "GreeterSpecialistContractTest", blocks.get(1))
                .build(dir.resolve("greeter.jar"));
        Map<String, TestExecutionResult.Status> outcome = new TreeMap<>();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()},
                getClass().getClassLoader())) {
            LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request()
                    .selectors(selectClass(loader.loadClass(pkg + "GreeterSpecialistContractTest"))).build(),
                    new TestExecutionListener() {
                        @Override
                        public void executionFinished(TestIdentifier id, TestExecutionResult result) {
                            if (id.isTest()) {
                                outcome.put(id.getLegacyReportingName(), result.getStatus());
                            }
                        }
                    });
        }

        assertThat(outcome).hasSize(6).allSatisfy((name, status) ->
                assertThat(status).as(name).isEqualTo(TestExecutionResult.Status.SUCCESSFUL));
    }
}
