package dev.switchboard.coordinator.workflow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the test specialist's effects land, so tests can check what really happened (and in which
 * order). Thread-safe.
 */
interface Effects {

    /** Records one effect such as {@code room.create:demo}. */
    void record(String effect);

    /** Every effect so far, in order. */
    List<String> all();

    /** Effects kept in memory. */
    static Effects inMemory() {
        List<String> list = new ArrayList<>();
        return new Effects() {
            @Override
            public synchronized void record(String effect) {
                list.add(effect);
            }

            @Override
            public synchronized List<String> all() {
                return List.copyOf(list);
            }
        };
    }

    /** Effects appended (and synced) to a file, shared between a test and the child JVM it kills. */
    static Effects file(Path path) {
        return new Effects() {
            @Override
            public synchronized void record(String effect) {
                try (FileChannel ch = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
                    ch.write(java.nio.ByteBuffer.wrap((effect + "\n").getBytes(StandardCharsets.UTF_8)));
                    ch.force(true);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public synchronized List<String> all() {
                try {
                    return Files.exists(path) ? Files.readAllLines(path) : List.of();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
    }
}
