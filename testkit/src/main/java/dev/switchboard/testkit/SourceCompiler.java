package dev.switchboard.testkit;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles Java source strings with the JDK's compiler into a folder, against the test's classpath
 * plus the jars that hold the SPI, PF4J and Jackson. Annotation processing is off: the builder
 * writes the extension index itself. Stateless.
 */
final class SourceCompiler {

    private SourceCompiler() {
    }

    /** Compiled output folders by sources and classpath, so tests that build the same plugin compile once. */
    private static final Map<List<Object>, Path> CACHE = new ConcurrentHashMap<>();

    /** Like {@link #compile}, but reuses an earlier compilation of the same sources and classpath. */
    static void compileCached(Map<String, String> sources, List<Path> extraClasspath, Path output) throws IOException {
        List<Object> key = List.of(Map.copyOf(sources), List.copyOf(extraClasspath));
        Path compiled = CACHE.get(key);
        if (compiled == null) {
            compiled = Files.createTempDirectory("switchboard-plugin-compiled");
            compile(sources, extraClasspath, compiled);
            CACHE.put(key, compiled);
        }
        Path from = compiled;
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path target = output.resolve(from.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    /** Compiles {@code sources} (class name to source text) into {@code output}. */
    static void compile(Map<String, String> sources, List<Path> extraClasspath, Path output) {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        if (compiler == null) {
            throw new IllegalStateException("no Java compiler: run the tests on a JDK, not a JRE");
        }
        List<JavaFileObject> units = new ArrayList<>();
        sources.forEach((name, text) -> units.add(new SimpleJavaFileObject(
                URI.create("string:///" + name.replace('.', '/') + ".java"), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return text;
            }
        }));
        List<String> options = List.of("-proc:none", "-nowarn", "-Xlint:none",
                "-d", output.toString(), "-classpath", classpath(extraClasspath));
        StringWriter errors = new StringWriter();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, null, UTF_8)) {
            boolean ok = compiler.getTask(errors, files, diagnostics, options, null, units).call();
            if (!ok) {
                StringBuilder text = new StringBuilder("plugin sources do not compile:");
                diagnostics.getDiagnostics().forEach(d -> text.append('\n').append(d));
                throw new IllegalArgumentException(text.append(errors).toString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String classpath(List<Path> extra) {
        Set<String> entries = new LinkedHashSet<>();
        extra.forEach(p -> entries.add(p.toString()));
        for (Class<?> anchor : List.of(dev.switchboard.spi.Specialist.class, org.pf4j.Extension.class,
                com.fasterxml.jackson.databind.JsonNode.class, com.fasterxml.jackson.core.JsonParser.class,
                com.fasterxml.jackson.annotation.JsonProperty.class)) {
            location(anchor).ifPresent(entries::add);
        }
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                entries.add(entry);
            }
        }
        return String.join(File.pathSeparator, entries);
    }

    private static java.util.Optional<String> location(Class<?> type) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(Path.of(source.getLocation().toURI()).toString());
        } catch (URISyntaxException e) {
            return java.util.Optional.empty();
        }
    }
}
