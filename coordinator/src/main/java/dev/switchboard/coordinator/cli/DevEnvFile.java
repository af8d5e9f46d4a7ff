package dev.switchboard.coordinator.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes the dev credentials {@code serve} made to a file only its owner can read ({@code source} it
 * in another shell), so they never appear on the terminal or in logs. Stateless.
 */
final class DevEnvFile {

    private DevEnvFile() {
    }

    static void write(Path file, Map<String, String> values) {
        StringBuilder text = new StringBuilder("# written by `switchboard serve`; source it: . ")
                .append(file).append('\n');
        new TreeMap<>(values).forEach((k, v) -> text.append("export ").append(k).append("='")
                .append(v.replace("'", "'\\''")).append("'\n"));
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
