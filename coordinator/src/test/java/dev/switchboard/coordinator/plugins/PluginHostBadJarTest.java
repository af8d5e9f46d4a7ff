package dev.switchboard.coordinator.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.spi.OperationResult;
import dev.switchboard.testkit.PluginJarBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each broken JAR is refused with its file name and a reason, and the good plugin beside it still runs. */
class PluginHostBadJarTest {

    @TempDir
    Path plugins;

    private final TestPlugins fixtures = new TestPlugins();

    @BeforeEach
    void goodPlugin() {
        TestPlugins.good(plugins, "good", "good");
    }

    private PluginReport.Entry refusedAlongsideGood(String jar) {
        PluginReport report;
        try (PluginHost host = fixtures.host(plugins)) {
            report = host.load();
            OperationResult result = TestPlugins.say(host, "good.say", "still here");
            assertThat(result.field("said").asText()).isEqualTo("still here");
            assertThat(report.entry("good.jar")).get()
                    .returns(PluginReport.State.LOADED, PluginReport.Entry::state)
                    .returns(List.of("good.say"), PluginReport.Entry::operations);
        }
        PluginReport.Entry entry = report.entry(jar).orElseThrow(() -> new AssertionError(jar + " not in " + report));
        assertThat(entry.state()).as(entry.toString()).isEqualTo(PluginReport.State.REFUSED);
        assertThat(entry.operations()).isEmpty();
        return entry;
    }

    @Test
    void jarWithoutManifestIsRefused() {
        TestPlugins.echo("bare", "bare", List.of("bare.say"), Map.of()).withoutManifest()
                .build(plugins.resolve("bare.jar"));

        PluginReport.Entry entry = refusedAlongsideGood("bare.jar");

        assertThat(entry.reason()).contains("has no META-INF/MANIFEST.MF");
        assertThat(entry.pluginId()).isEmpty();
    }

    @Test
    void manifestWithoutPluginIdIsRefused() {
        TestPlugins.echo("anon", "anon", List.of("anon.say"), Map.of()).manifest("Plugin-Id", "")
                .build(plugins.resolve("anon.jar"));

        assertThat(refusedAlongsideGood("anon.jar").reason())
                .isEqualTo("manifest has no Plugin-Id; set the plugin.id property of the switchboard-specialists"
                        + " parent POM");
    }

    @Test
    void truncatedJarIsRefused() {
        TestPlugins.echo("cut", "cut", List.of("cut.say"), Map.of()).truncated().build(plugins.resolve("cut.jar"));

        assertThat(refusedAlongsideGood("cut.jar").reason()).startsWith("is not a readable JAR (truncated or corrupt)");
    }

    @Test
    void fileThatIsNoZipAtAllIsRefused() throws IOException {
        Files.writeString(plugins.resolve("notes.jar"), "this is not a zip file");

        assertThat(refusedAlongsideGood("notes.jar").reason())
                .startsWith("is not a readable JAR (truncated or corrupt)");
    }

    @Test
    void jarWithCorruptEntryIsRefused() throws IOException {
        Path jar = TestPlugins.echo("rot", "rot", List.of("rot.say"), Map.of()).build(plugins.resolve("rot.jar"));
        byte[] bytes = Files.readAllBytes(jar);
        int at = indexOf(bytes, "EchoSpecialist.class".getBytes()) + 40;
        for (int i = at; i < at + 64; i++) {
            bytes[i] = (byte) ~bytes[i];
        }
        Files.write(jar, bytes);

        assertThat(refusedAlongsideGood("rot.jar").reason()).startsWith("is not a readable JAR (truncated or corrupt)")
                .contains("is corrupt");
    }

    @Test
    void spiVersionMismatchIsRefused() {
        TestPlugins.echo("future", "future", List.of("future.say"), Map.of()).requires(">=9.0.0")
                .build(plugins.resolve("future.jar"));

        PluginReport.Entry entry = refusedAlongsideGood("future.jar");

        assertThat(entry.pluginId()).isEqualTo("future");
        assertThat(entry.reason())
                .isEqualTo("requires SPI version >=9.0.0 (Plugin-Requires) but this host provides 0.1.0");
    }

    @Test
    void missingDependencyClassIsRefused() {
        TestPlugins.echo("needy", "needy", List.of("needy.say"), Map.of("ctor", "new lib.Helper().help();"))
                .source("lib.Helper", "package lib; public class Helper { public void help() { } }")
                .omit("lib.Helper")
                .build(plugins.resolve("needy.jar"));

        PluginReport.Entry entry = refusedAlongsideGood("needy.jar");

        assertThat(entry.pluginId()).isEqualTo("needy");
        assertThat(entry.reason()).startsWith("extension test.needy.EchoSpecialist could not be created: ")
                .contains("class lib.Helper is missing (NoClassDefFoundError)");
    }

    @Test
    void jarWithoutExtensionIndexIsRefused() {
        TestPlugins.echo("plain", "plain", List.of("plain.say"), Map.of()).withoutExtensionIndex()
                .build(plugins.resolve("plain.jar"));

        assertThat(refusedAlongsideGood("plain.jar").reason()).startsWith("has no META-INF/extensions.idx");
    }

    @Test
    void operationsThatThrowAreRefused() {
        TestPlugins.echo("moody", "moody", List.of("moody.say"),
                Map.of("operations", "if (true) throw new IllegalStateException(\"no config\");"))
                .build(plugins.resolve("moody.jar"));

        assertThat(refusedAlongsideGood("moody.jar").reason())
                .isEqualTo("specialist 'moody': operations() threw IllegalStateException: no config");
    }

    @Test
    void startThatThrowsIsRefused() {
        TestPlugins.echo("shy", "shy", List.of("shy.say"),
                Map.of("start", "if (true) throw new IllegalStateException(\"cannot reach LiveKit\");"))
                .build(plugins.resolve("shy.jar"));

        assertThat(refusedAlongsideGood("shy.jar").reason())
                .isEqualTo("specialist 'shy': start() failed: IllegalStateException: cannot reach LiveKit");
        assertThat(fixtures.contexts.get("shy").events().ofType("test.started")).isEmpty();
    }

    @Test
    void secondPluginClaimingAnOperationIsRefusedNamingBoth() {
        TestPlugins.echo("zz-copy", "copy", List.of("good.say"), Map.of()).build(plugins.resolve("zz-copy.jar"));

        assertThat(refusedAlongsideGood("zz-copy.jar").reason()).isEqualTo(
                "operation 'good.say' is already provided by plugin 'good' (good.jar);"
                        + " plugin 'zz-copy' (zz-copy.jar) may not claim it too (the first loaded keeps it)");
        assertThat(fixtures.contexts).doesNotContainKey("copy");
    }

    @Test
    void duplicatePluginIdIsRefused() {
        TestPlugins.echo("good", "other", List.of("other.say"), Map.of()).build(plugins.resolve("good2.jar"));

        assertThat(refusedAlongsideGood("good2.jar").reason())
                .isEqualTo("plugin id 'good' is already loaded from good.jar");
    }

    @Test
    void missingPluginDependencyIsRefused() {
        TestPlugins.echo("child", "child", List.of("child.say"), Map.of()).dependencies("parent")
                .build(plugins.resolve("child.jar"));

        assertThat(refusedAlongsideGood("child.jar").reason())
                .isEqualTo("depends on plugin 'parent' (Plugin-Dependencies), which is not loaded");
    }

    @Test
    void pluginClassThatCannotStartIsRefused() {
        TestPlugins.echo("classy", "classy", List.of("classy.say"), Map.of()).pluginClass("test.classy.Missing")
                .build(plugins.resolve("classy.jar"));

        assertThat(refusedAlongsideGood("classy.jar").reason())
                .isEqualTo("its Plugin-Class test.classy.Missing is not in the JAR (set plugin.class to an"
                        + " org.pf4j.Plugin subclass it contains, or keep the default org.pf4j.Plugin)");
    }

    @Test
    void compensationNamingAnUndeclaredOperationIsRefused() {
        String source = TestPlugins.specialist("test.comp", "EchoSpecialist", "comp", List.of(), Map.of())
                .replace("return List.of();", "return List.of(OperationDescriptor.builder(\"comp.make\")"
                        + ".compensatedBy(\"comp.unmake\").build());");
        PluginJarBuilder.plugin("comp").extension("test.comp.EchoSpecialist", source)
                .build(plugins.resolve("comp.jar"));

        assertThat(refusedAlongsideGood("comp.jar").reason()).isEqualTo(
                "specialist 'comp': operation 'comp.make' is compensated by 'comp.unmake', which it does not declare");
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found");
    }
}
