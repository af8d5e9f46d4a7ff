package dev.switchboard.export;

import dev.switchboard.coordinator.Switchboard;
import dev.switchboard.coordinator.cli.CliContext;
import dev.switchboard.coordinator.modes.ModeRegistry;
import dev.switchboard.coordinator.modes.ModeSet;
import dev.switchboard.coordinator.plugins.SpecialistOperation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Builds an {@link ExportInput} from the command line's context: effective config, modes (built-ins +
 * {@code --modes}), the mode files to ship (the operator's folder, else the built-in files as a
 * starting point), and the operations of the loaded plugins. Stateless, thread-safe.
 */
final class ExportInputs {

    private ExportInputs() {
    }

    static ExportInput from(CliContext context, String image, String webhookUrl) {
        ModeSet modes = context.modesFolder().map(ModeRegistry::load).orElseGet(ModeRegistry::builtins);
        List<ExportedOperation> operations = new ArrayList<>();
        try (Switchboard sb = context.openCoordinator()) {
            for (SpecialistOperation op : sb.operations()) {
                operations.add(new ExportedOperation(op.specialist().name(), op.origin(), op.descriptor()));
            }
        }
        String webhook = webhookUrl.isBlank() ? ExportInput.defaultWebhookUrl(context.config()) : webhookUrl;
        return new ExportInput(context.config(), modes, modeFiles(context.modesFolder()), operations, image, webhook);
    }

    static Map<String, String> modeFiles(java.util.Optional<Path> folder) {
        Map<String, String> files = new TreeMap<>();
        if (folder.isPresent()) {
            try (Stream<Path> list = Files.list(folder.get())) {
                for (Path p : list.filter(f -> f.toString().endsWith(".toml")).sorted().toList()) {
                    files.put(p.getFileName().toString(), Files.readString(p, StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                throw new ExportException("cannot read the modes folder " + folder.get(), e);
            }
            return files;
        }
        for (String name : builtin("modes/index.txt").lines().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList()) {
            files.put(name, builtin("modes/" + name));
        }
        return files;
    }

    private static String builtin(String resource) {
        try (InputStream in = ModeRegistry.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new ExportException("built-in resource " + resource + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ExportException("cannot read built-in resource " + resource, e);
        }
    }
}
