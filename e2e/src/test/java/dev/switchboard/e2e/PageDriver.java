package dev.switchboard.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code web/playground/test/drive.mjs} (headless Chromium through playwright-core) and returns
 * what the page observed: the JSON line the driver prints last. Stateless.
 */
final class PageDriver {

    /** The playground's web root (page, npm packages, driver). */
    static final Path WEB = Path.of("..", "web", "playground").toAbsolutePath().normalize();

    private PageDriver() {
    }

    /** {@code node drive.mjs args...}; fails the test when the driver does not finish cleanly. */
    static JsonNode drive(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("node", WEB.resolve("test/drive.mjs").toString()));
        command.addAll(List.of(args));
        Process node = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        node.getInputStream().transferTo(out);
        assertThat(node.waitFor(100, TimeUnit.SECONDS)).as("the browser driver finished").isTrue();
        String text = out.toString(StandardCharsets.UTF_8).strip();
        assertThat(node.exitValue()).as("drive.mjs exit; output: %s", text).isZero();
        return new ObjectMapper().readTree(text.substring(text.lastIndexOf('\n') + 1));
    }
}
