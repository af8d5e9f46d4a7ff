package dev.switchboard.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.spi.OperationRequest;
import dev.switchboard.spi.OperationResult;
import dev.switchboard.spi.Specialist;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.zip.ZipException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginJarBuilderTest {

    private static final String HELLO = """
            package demo;

            import dev.switchboard.spi.*;
            import java.util.List;

            public class Hello implements Specialist {
                public String name() {
                    return "hello";
                }

                public List<OperationDescriptor> operations() {
                    return List.of(OperationDescriptor.builder("hello.say").build());
                }

                public OperationResult execute(SpecialistContext context, OperationRequest request) {
                    return OperationResult.success(Json.object().put("said", new demo.util.Greeting().text()));
                }
            }
            """;

    private static final String GREETING = """
            package demo.util;

            public class Greeting {
                public String text() {
                    return "hello";
                }
            }
            """;

    @TempDir
    Path dir;

    private PluginJarBuilder hello() {
        return PluginJarBuilder.plugin("hello").extension("demo.Hello", HELLO).source("demo.util.Greeting", GREETING);
    }

    @Test
    void writesManifestIndexAndCompiledClassesThatRun() throws Exception {
        Path jar = hello().version("2.3.4").dependencies("base").build(dir.resolve("hello.jar"));

        try (JarFile file = new JarFile(jar.toFile())) {
            Attributes main = file.getManifest().getMainAttributes();
            assertThat(main.getValue("Plugin-Id")).isEqualTo("hello");
            assertThat(main.getValue("Plugin-Version")).isEqualTo("2.3.4");
            assertThat(main.getValue("Plugin-Requires")).isEqualTo(">=0.1.0");
            assertThat(main.getValue("Plugin-Class")).isEqualTo("org.pf4j.Plugin");
            assertThat(main.getValue("Plugin-Dependencies")).isEqualTo("base");
            assertThat(new String(file.getInputStream(file.getJarEntry("META-INF/extensions.idx")).readAllBytes(),
                    StandardCharsets.UTF_8)).isEqualTo("demo.Hello\n");
            assertThat(names(file)).contains("demo/Hello.class", "demo/util/Greeting.class");
        }
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, getClass().getClassLoader())) {
            Specialist hello = (Specialist) loader.loadClass("demo.Hello").getConstructor().newInstance();
            OperationResult result = hello.execute(TestSpecialistContext.builder("hello").build(),
                    OperationRequest.builder("hello.say").build());
            assertThat(result.field("said").asText()).isEqualTo("hello");
        }
    }

    @Test
    void omittedClassIsCompiledAgainstButLeftOut() throws Exception {
        Path jar = hello().omit("demo.util.Greeting").build(dir.resolve("needy.jar"));

        try (JarFile file = new JarFile(jar.toFile());
                URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()},
                        getClass().getClassLoader())) {
            assertThat(names(file)).contains("demo/Hello.class").doesNotContain("demo/util/Greeting.class");
            Specialist hello = (Specialist) loader.loadClass("demo.Hello").getConstructor().newInstance();
            assertThatThrownBy(() -> hello.execute(TestSpecialistContext.builder("hello").build(),
                    OperationRequest.builder("hello.say").build())).isInstanceOf(NoClassDefFoundError.class);
        }
    }

    @Test
    void withoutManifestWritesNone() throws Exception {
        Path jar = hello().withoutManifest().withoutExtensionIndex().build(dir.resolve("bare.jar"));

        try (JarFile file = new JarFile(jar.toFile())) {
            assertThat(file.getManifest()).isNull();
            assertThat(file.getJarEntry("META-INF/extensions.idx")).isNull();
        }
    }

    @Test
    void truncatedJarCannotBeOpened() {
        Path jar = hello().truncated().build(dir.resolve("cut.jar"));

        assertThatThrownBy(() -> new JarFile(jar.toFile()).close()).isInstanceOf(ZipException.class);
    }

    @Test
    void wrongRequiresAndRemovedAttributesAreWritten() throws Exception {
        Path jar = hello().requires(">=9.0.0").manifest("Plugin-Class", "").build(dir.resolve("future.jar"));

        try (JarFile file = new JarFile(jar.toFile())) {
            assertThat(file.getManifest().getMainAttributes().getValue("Plugin-Requires")).isEqualTo(">=9.0.0");
            assertThat(file.getManifest().getMainAttributes().getValue("Plugin-Class")).isNull();
        }
    }

    @Test
    void compiledClassesAreCopiedWithTheirNestMembers() throws Exception {
        Path jar = PluginJarBuilder.plugin("copied").compiled(SpecialistContractCanFailTest.BrokenContract.class)
                .build(dir.resolve("copied.jar"));

        try (JarFile file = new JarFile(jar.toFile())) {
            assertThat(names(file)).contains(
                    "dev/switchboard/testkit/SpecialistContractCanFailTest.class",
                    "dev/switchboard/testkit/SpecialistContractCanFailTest$BrokenContract.class",
                    "dev/switchboard/testkit/SpecialistContractCanFailTest$CounterContract.class");
        }
    }

    @Test
    void sourcesThatDoNotCompileAreReportedWithTheDiagnostic() {
        PluginJarBuilder broken = PluginJarBuilder.plugin("oops")
                .extension("demo.Oops", "package demo; public class Oops { int x = \"text\"; }");

        assertThatThrownBy(() -> broken.build(dir.resolve("oops.jar")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("plugin sources do not compile")
                .hasMessageContaining("demo/Oops.java");
    }

    private static List<String> names(JarFile file) {
        return Collections.list(file.entries()).stream().map(JarEntry::getName).toList();
    }
}
