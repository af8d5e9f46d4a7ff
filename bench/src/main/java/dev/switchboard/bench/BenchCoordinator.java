package dev.switchboard.bench;

import dev.switchboard.coordinator.Switchboard;
import dev.switchboard.coordinator.SwitchboardBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Builds a coordinator for benchmarks: a router that sends {@code bench.*} to {@link BenchSpecialist}. */
final class BenchCoordinator {

    private BenchCoordinator() {
    }

    static SwitchboardBuilder builder(Path dir, boolean fsync) {
        try {
            Path modes = Files.createDirectories(dir.resolve("modes"));
            Files.writeString(modes.resolve("bench.toml"), """
                    [router]
                    root = "families"

                    [router.nodes.families]
                    when = [
                      { operation = "bench.*", specialist = "bench" },
                      { operation = "token.*", specialist = "auth" },
                      { operation = ["room.*", "participant.*", "track.*"], specialist = "room" },
                    ]
                    """);
            return Switchboard.builder().modes(modes).journal(dir.resolve("journal.log")).fsync(fsync)
                    .watchModes(false).specialist(new BenchSpecialist());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
