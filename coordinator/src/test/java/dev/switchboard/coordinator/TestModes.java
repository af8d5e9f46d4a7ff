package dev.switchboard.coordinator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes mode folders for tests. Stateless. */
final class TestModes {

    /** A router that sends counter.* to the counter specialist and everything else nowhere. */
    static final String ROUTER = """
            [router]
            root = "start"

            [router.nodes.start]
            description = "Counters go to the counter specialist."
            when = [
              { operation = "counter.*", specialist = "counter" },
            ]
            """;

    /** The counter specialist's settings: its secret by reference. */
    static final String COUNTER = """
            [specialists.counter]
            api-secret = "${CANARY_SECRET}"
            """;

    private TestModes() {
    }

    /** A modes folder with the router, the counter settings and {@code extra} in {@code extra.toml}. */
    static Path folder(Path dir, String extra) {
        try {
            Path modes = Files.createDirectories(dir.resolve("modes"));
            Files.writeString(modes.resolve("coordinator.toml"), ROUTER);
            Files.writeString(modes.resolve("counter.toml"), COUNTER);
            Files.writeString(modes.resolve("extra.toml"), extra);
            return modes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
