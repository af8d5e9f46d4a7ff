package dev.switchboard.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * Builds PF4J plugin JARs during a test: compiles Java source strings (or copies compiled classes
 * from the test classpath), writes the manifest the {@code switchboard-specialists} parent POM would
 * write and {@code META-INF/extensions.idx}, and can break the result on purpose.
 *
 * <pre>{@code
 * Path jar = PluginJarBuilder.plugin("echo")
 *         .extension("demo.EchoSpecialist", """
 *             package demo;
 *             public class EchoSpecialist implements dev.switchboard.spi.Specialist { ... }
 *             """)
 *         .build(pluginsFolder.resolve("echo.jar"));
 * }</pre>
 *
 * <p>Broken JARs: {@link #withoutManifest()}, {@link #truncated()}, {@link #requires(String)} with a
 * version the host does not provide, {@link #omit(String)} (compile against a class, leave it out),
 * {@link #withoutExtensionIndex()}. Not thread-safe; each {@link #build} compiles afresh.
 */
public final class PluginJarBuilder {

    /** The SPI version the default {@code Plugin-Requires} asks for. */
    public static final String SPI_VERSION = "0.1.0";

    private final Map<String, String> manifest = new LinkedHashMap<>();
    private final Map<String, String> sources = new LinkedHashMap<>();
    private final Set<String> extensions = new LinkedHashSet<>();
    private final List<Class<?>> classes = new ArrayList<>();
    private final Map<String, byte[]> resources = new LinkedHashMap<>();
    private final Set<String> omitted = new LinkedHashSet<>();
    private final List<Path> classpath = new ArrayList<>();
    private boolean writeManifest = true;
    private boolean writeIndex = true;
    private boolean truncate;

    private PluginJarBuilder(String pluginId) {
        manifest.put("Plugin-Id", Objects.requireNonNull(pluginId, "pluginId"));
        manifest.put("Plugin-Version", "1.0.0");
        manifest.put("Plugin-Class", "org.pf4j.Plugin");
        manifest.put("Plugin-Provider", "Switchboard tests");
        manifest.put("Plugin-Requires", ">=" + SPI_VERSION);
    }

    /** A builder for a plugin with id {@code pluginId}, version 1.0.0, requiring {@code >=0.1.0}. */
    public static PluginJarBuilder plugin(String pluginId) {
        return new PluginJarBuilder(pluginId);
    }

    /** Adds a source file to compile ({@code className} is its fully qualified name). */
    public PluginJarBuilder source(String className, String javaSource) {
        sources.put(Objects.requireNonNull(className, "className"), Objects.requireNonNull(javaSource, "javaSource"));
        return this;
    }

    /** Adds a source file and lists its class in {@code META-INF/extensions.idx}. */
    public PluginJarBuilder extension(String className, String javaSource) {
        extensions.add(className);
        return source(className, javaSource);
    }

    /** Lists a class in {@code META-INF/extensions.idx} (compiled here or copied with {@link #compiled}). */
    public PluginJarBuilder extension(String className) {
        extensions.add(Objects.requireNonNull(className, "className"));
        return this;
    }

    /** Copies an already compiled class and its nested classes from the test classpath into the JAR. */
    public PluginJarBuilder compiled(Class<?> type) {
        classes.add(Objects.requireNonNull(type, "type"));
        return this;
    }

    /** Adds a resource file ({@code path} inside the JAR, like {@code schemas/room.json}). */
    public PluginJarBuilder resource(String path, byte[] content) {
        resources.put(Objects.requireNonNull(path, "path"), content.clone());
        return this;
    }

    /** Adds a directory or JAR to the compile classpath. */
    public PluginJarBuilder classpath(Path entry) {
        classpath.add(Objects.requireNonNull(entry, "entry"));
        return this;
    }

    /** Sets (or with an empty value, removes) one manifest attribute. */
    public PluginJarBuilder manifest(String key, String value) {
        Objects.requireNonNull(key, "key");
        if (Objects.requireNonNull(value, "value").isEmpty()) {
            manifest.remove(key);
        } else {
            manifest.put(key, value);
        }
        return this;
    }

    /** Sets {@code Plugin-Version}. */
    public PluginJarBuilder version(String value) {
        return manifest("Plugin-Version", value);
    }

    /** Sets {@code Plugin-Requires}, for example {@code >=9.0.0} to make a JAR the host refuses. */
    public PluginJarBuilder requires(String value) {
        return manifest("Plugin-Requires", value);
    }

    /** Sets {@code Plugin-Dependencies} (comma-separated plugin ids). */
    public PluginJarBuilder dependencies(String value) {
        return manifest("Plugin-Dependencies", value);
    }

    /** Sets {@code Plugin-Class}. */
    public PluginJarBuilder pluginClass(String value) {
        return manifest("Plugin-Class", value);
    }

    /** Compiles against {@code className} but leaves its class files out: a missing dependency. */
    public PluginJarBuilder omit(String className) {
        omitted.add(Objects.requireNonNull(className, "className"));
        return this;
    }

    /** Writes no {@code META-INF/MANIFEST.MF} at all. */
    public PluginJarBuilder withoutManifest() {
        writeManifest = false;
        return this;
    }

    /** Writes no {@code META-INF/extensions.idx}. */
    public PluginJarBuilder withoutExtensionIndex() {
        writeIndex = false;
        return this;
    }

    /** Cuts the finished file to half its length, as an interrupted copy would. */
    public PluginJarBuilder truncated() {
        truncate = true;
        return this;
    }

    /** Compiles, packages and writes the JAR to {@code jar} (parent folders are created). */
    public Path build(Path jar) {
        try {
            Path classesDir = Files.createTempDirectory("switchboard-plugin-classes");
            if (!sources.isEmpty()) {
                SourceCompiler.compileCached(sources, classpath, classesDir);
            }
            for (Class<?> type : classes) {
                ClassFiles.copy(type, classesDir);
            }
            Files.createDirectories(jar.toAbsolutePath().getParent());
            try (OutputStream file = Files.newOutputStream(jar);
                    JarOutputStream out = writeManifest
                            ? new JarOutputStream(file, manifest()) : new JarOutputStream(file)) {
                writeClasses(classesDir, out);
                if (writeIndex && !extensions.isEmpty()) {
                    put(out, "META-INF/extensions.idx",
                            (String.join("\n", extensions) + "\n").getBytes(StandardCharsets.UTF_8));
                }
                for (Map.Entry<String, byte[]> resource : resources.entrySet()) {
                    put(out, resource.getKey(), resource.getValue());
                }
            }
            if (truncate) {
                byte[] all = Files.readAllBytes(jar);
                Files.write(jar, java.util.Arrays.copyOf(all, all.length / 2));
            }
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Manifest manifest() {
        Manifest result = new Manifest();
        Attributes main = result.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.forEach((k, v) -> main.put(new Attributes.Name(k), v));
        return result;
    }

    private void writeClasses(Path classesDir, JarOutputStream out) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(classesDir)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path file : files) {
            String name = classesDir.relativize(file).toString().replace('\\', '/');
            if (!isOmitted(name)) {
                try (InputStream in = Files.newInputStream(file)) {
                    put(out, name, in.readAllBytes());
                }
            }
        }
    }

    private boolean isOmitted(String entry) {
        for (String className : omitted) {
            String base = className.replace('.', '/');
            if (entry.equals(base + ".class") || entry.startsWith(base + "$")) {
                return true;
            }
        }
        return false;
    }

    private static void put(JarOutputStream out, String name, byte[] content) throws IOException {
        out.putNextEntry(new JarEntry(name));
        out.write(content);
        out.closeEntry();
    }
}
