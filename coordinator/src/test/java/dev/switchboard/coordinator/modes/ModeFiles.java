package dev.switchboard.coordinator.modes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes mode files into a test's {@code modes} folder. */
final class ModeFiles {

    private ModeFiles() {
    }

    /** Writes {@code text} to {@code folder/name}, creating the folder; returns the folder. */
    static Path write(Path folder, String name, String text) {
        try {
            Files.createDirectories(folder);
            Files.writeString(folder.resolve(name), text);
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
