package dev.switchboard.coordinator.modes;

import dev.switchboard.spi.ConfigException;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads mode files: the built-in ones listed in {@code modes/index.txt} on the classpath, and the
 * {@code *.toml} files of an operator's folder (not its sub-folders), in name order. Stateless and
 * thread-safe.
 */
final class ModeSources {

    /** Prefix of built-in file names in errors and explanations. */
    static final String BUILTIN = "classpath:modes/";

    private ModeSources() {
    }

    /** The built-in mode files. */
    static List<ModeLoader.Source> builtin() {
        List<ModeLoader.Source> out = new ArrayList<>();
        for (String line : ModeSchema.read("modes/index.txt").split("\n")) {
            String name = line.strip();
            if (!name.isEmpty() && !name.startsWith("#")) {
                out.add(new ModeLoader.Source(BUILTIN + name, ModeSchema.read("modes/" + name)));
            }
        }
        return out;
    }

    /**
     * The mode files of {@code folder}, named {@code <folder name>/<file name>}.
     *
     * @throws ConfigException when the folder or a file cannot be read or is not UTF-8
     */
    static List<ModeLoader.Source> folder(Path folder) {
        List<Path> files;
        try (Stream<Path> listing = Files.list(folder)) {
            files = listing.filter(p -> p.getFileName().toString().endsWith(".toml"))
                    .filter(Files::isRegularFile)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new ConfigException(folder.toString(), "cannot list the modes folder: " + e);
        }
        List<ModeLoader.Source> out = new ArrayList<>();
        for (Path file : files) {
            String name = displayName(folder, file);
            try {
                out.add(new ModeLoader.Source(name, Files.readString(file, StandardCharsets.UTF_8)));
            } catch (CharacterCodingException e) {
                throw new ConfigException(name + ":1", "not UTF-8 text: " + e);
            } catch (IOException e) {
                throw new ConfigException(name, "cannot read: " + e);
            }
        }
        return out;
    }

    private static String displayName(Path folder, Path file) {
        Path dir = folder.toAbsolutePath().normalize().getFileName();
        return (dir == null ? "" : dir + "/") + file.getFileName();
    }
}
