package dev.switchboard.coordinator.plugins;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import org.pf4j.PluginDependency;

/**
 * What the host reads from a JAR before PF4J sees it: that every entry decompresses (a truncated or
 * corrupt file is refused here with the zip error), the manifest's plugin id and version, the
 * extension index, and whether it bundles packages the host provides. Immutable.
 *
 * @param pluginId the manifest's {@code Plugin-Id}
 * @param requires the manifest's {@code Plugin-Requires}, {@code *} when absent
 * @param dependencies the manifest's {@code Plugin-Dependencies}, parsed
 * @param extensions class names from {@code META-INF/extensions.idx}, in file order
 * @param warnings problems that do not stop the plugin
 */
record JarInspection(
        String pluginId,
        String requires,
        List<PluginDependency> dependencies,
        List<String> extensions,
        List<String> warnings) {

    static final String INDEX = "META-INF/extensions.idx";

    JarInspection {
        dependencies = List.copyOf(dependencies);
        extensions = List.copyOf(extensions);
        warnings = List.copyOf(warnings);
    }

    /** Reads and checks {@code jar}; throws {@link Refusal} with the reason when it cannot be a plugin. */
    static JarInspection inspect(Path jar) {
        try (JarFile file = new JarFile(jar.toFile(), false)) {
            Set<String> bundled = readEveryEntry(file);
            Manifest manifest = file.getManifest();
            if (manifest == null) {
                throw new Refusal("has no META-INF/MANIFEST.MF; build it with the switchboard-specialists"
                        + " parent POM, which writes the PF4J manifest (Plugin-Id, Plugin-Version, Plugin-Requires)");
            }
            Attributes main = manifest.getMainAttributes();
            String id = required(main, "Plugin-Id");
            required(main, "Plugin-Version");
            List<String> warnings = new ArrayList<>();
            String requires = main.getValue("Plugin-Requires");
            if (blank(requires)) {
                requires = "*";
                warnings.add("manifest has no Plugin-Requires; it should name the SPI version it was built"
                        + " against (for example >=0.1.0)");
            }
            if (!bundled.isEmpty()) {
                warnings.add("bundles classes the host provides " + bundled
                        + "; they are ignored (the host's copy is used): declare them with scope provided");
            }
            return new JarInspection(id, requires.trim(), dependencies(main.getValue("Plugin-Dependencies")),
                    index(file), warnings);
        } catch (IOException e) {
            throw new Refusal("is not a readable JAR (truncated or corrupt): " + e.getMessage());
        }
    }

    private static Set<String> readEveryEntry(JarFile file) throws IOException {
        Set<String> bundled = new TreeSet<>();
        byte[] buffer = new byte[8192];
        Enumeration<JarEntry> entries = file.entries();
        while (entries.hasMoreElements()) {
            JarEntry entry = entries.nextElement();
            try (InputStream in = file.getInputStream(entry)) {
                while (in.read(buffer) >= 0) {
                    // reading checks the entry's size and CRC
                }
            } catch (IOException e) {
                throw new IOException("entry " + entry.getName() + " is corrupt: " + e.getMessage(), e);
            }
            String name = entry.getName();
            if (name.endsWith(".class")) {
                for (String prefix : HostFirstClassLoader.SHARED) {
                    String folder = prefix.replace('.', '/');
                    if (name.startsWith(folder)) {
                        bundled.add(prefix.substring(0, prefix.length() - 1));
                    }
                }
            }
        }
        return bundled;
    }

    private static String required(Attributes main, String key) {
        String value = main.getValue(key);
        if (blank(value)) {
            String property = "plugin." + key.substring("Plugin-".length()).toLowerCase(Locale.ROOT);
            throw new Refusal("manifest has no " + key + "; set the " + property
                    + " property of the switchboard-specialists parent POM");
        }
        return value.trim();
    }

    private static List<String> index(JarFile file) throws IOException {
        JarEntry entry = file.getJarEntry(INDEX);
        if (entry == null) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(file.getInputStream(entry), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String name = line.trim();
                if (!name.isEmpty() && !name.startsWith("#")) {
                    names.add(name);
                }
            }
        }
        return names;
    }

    private static List<PluginDependency> dependencies(String value) {
        if (blank(value)) {
            return List.of();
        }
        List<PluginDependency> result = new ArrayList<>();
        for (String each : value.split(",")) {
            if (!each.isBlank()) {
                result.add(new PluginDependency(each.trim()));
            }
        }
        return result;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
