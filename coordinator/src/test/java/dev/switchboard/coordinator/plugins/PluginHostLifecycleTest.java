package dev.switchboard.coordinator.plugins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.testkit.PluginJarBuilder;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starting, stopping, classpath specialists, reloads and leases. */
class PluginHostLifecycleTest {

    @TempDir
    Path plugins;

    private final TestPlugins fixtures = new TestPlugins();

    @Test
    void startsEachSpecialistWithItsContextAndStopsItOnceOnClose() {
        TestPlugins.good(plugins, "good", "good");
        PluginHost host = fixtures.host(plugins);

        host.load();

        var context = fixtures.contexts.get("good");
        assertThat(context.events().ofType("test.started")).hasSize(1);
        assertThat(host.context("good")).containsSame(context);
        assertThat(host.find("good.say")).get().extracting(SpecialistOperation::origin).isEqualTo("good.jar");
        host.close();
        host.close();
        assertThat(context.events().ofType("test.stopped")).hasSize(1);
        assertThat(host.find("good.say")).isEmpty();
        assertThatThrownBy(host::load).isInstanceOf(PluginHostException.class).hasMessage("the plugin host is closed");
        assertThatThrownBy(host::acquire).isInstanceOf(PluginHostException.class);
    }

    @Test
    void loadTwiceDoesNotRescan() {
        TestPlugins.good(plugins, "good", "good");
        try (PluginHost host = fixtures.host(plugins)) {
            PluginReport first = host.load();
            TestPlugins.good(plugins, "later", "later");

            assertThat(host.load()).isSameAs(first);
            assertThat(host.find("later.say")).isEmpty();
        }
    }

    @Test
    void registeredClasspathSpecialistLoadsFirstAndKeepsItsOperation() {
        TestPlugins.good(plugins, "good", "good");
        ClasspathEcho embedded = new ClasspathEcho("good.say");
        PluginHost host = PluginHost.builder().pluginsFolder(plugins).contexts(fixtures.contexts())
                .discoverClasspath(false).specialist(embedded).build();

        PluginReport report = host.load();

        assertThat(report.entries()).extracting(PluginReport.Entry::source).containsExactly("classpath", "good.jar");
        assertThat(report.entry("good.jar")).get().extracting(PluginReport.Entry::reason).isEqualTo(
                "operation 'good.say' is already provided by classpath specialist "
                        + ClasspathEcho.class.getName() + "; plugin 'good' (good.jar) may not claim it too"
                        + " (the first loaded keeps it)");
        assertThat(TestPlugins.say(host, "good.say", "hi").field("by").asText()).isEqualTo("classpath");
        assertThat(host.find("good.say")).get().extracting(SpecialistOperation::origin).isEqualTo("classpath");
        host.reload();
        host.close();
        assertThat(embedded.starts).hasValue(1);
        assertThat(embedded.stops).hasValue(1);
    }

    @Test
    void serviceLoaderFindsSpecialistsOnTheClasspath(@TempDir Path libs) throws IOException {
        String service = "test.svc.EchoSpecialist";
        Path jar = PluginJarBuilder.plugin("svc")
                .source(service, TestPlugins.specialist("test.svc", "EchoSpecialist", "svc", List.of("svc.say"),
                        Map.of()))
                .resource("META-INF/services/dev.switchboard.spi.Specialist",
                        (service + "\n").getBytes(StandardCharsets.UTF_8))
                .build(libs.resolve("svc.jar"));
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()},
                PluginHost.class.getClassLoader());
                PluginHost host = PluginHost.builder().contexts(fixtures.contexts()).classLoader(loader).build()) {

            PluginReport report = host.load();

            assertThat(report.entries()).singleElement().satisfies(e -> {
                assertThat(e.source()).isEqualTo("classpath");
                assertThat(e.pluginId()).isEqualTo(service);
                assertThat(e.operations()).containsExactly("svc.say");
            });
            assertThat(TestPlugins.say(host, "svc.say", "found").field("said").asText()).isEqualTo("found");
        }
    }

    @Test
    void reloadBuildsANewSnapshotWhileLeasesKeepTheOldOne() {
        TestPlugins.good(plugins, "good", "good");
        try (PluginHost host = fixtures.host(plugins)) {
            host.load();
            CatalogLease lease = host.acquire();
            TestPlugins.good(plugins, "second", "second");

            PluginReport report = host.reload();

            assertThat(report.loaded()).extracting(PluginReport.Entry::source)
                    .containsExactly("good.jar", "second.jar");
            assertThat(host.all()).extracting(o -> o.descriptor().name()).containsExactly("good.say", "second.say");
            assertThat(lease.find("second.say")).isEmpty();
            var good = fixtures.contexts.get("good").events();
            assertThat(good.ofType("test.started")).hasSize(2);
            assertThat(good.ofType("test.stopped")).as("old snapshot still leased").isEmpty();
            assertThat(TestPlugins.say(lease, "good.say", "old").field("said").asText()).isEqualTo("old");
            lease.close();
            lease.close();
            assertThat(good.ofType("test.stopped")).as("old snapshot released").hasSize(1);
            assertThat(TestPlugins.say(host, "good.say", "new").field("said").asText()).isEqualTo("new");
        }
    }

    @Test
    void reloadDropsARemovedJar() throws IOException {
        Path gone = TestPlugins.good(plugins, "gone", "gone");
        try (PluginHost host = fixtures.host(plugins)) {
            host.load();
            Files.delete(gone);

            host.reload();

            assertThat(host.find("gone.say")).isEmpty();
            assertThat(fixtures.contexts.get("gone").events().ofType("test.stopped")).hasSize(1);
        }
    }

    @Test
    void missingFolderIsEmptyAndAFileIsAnError() throws IOException {
        try (PluginHost host = fixtures.host(plugins.resolve("absent"))) {
            assertThat(host.load().entries()).isEmpty();
        }
        Path file = Files.writeString(plugins.resolve("plugins.txt"), "not a folder");
        ClasspathEcho embedded = new ClasspathEcho("embedded.say");
        try (PluginHost host = PluginHost.builder().pluginsFolder(file).contexts(fixtures.contexts())
                .discoverClasspath(false).specialist(embedded).build()) {
            assertThatThrownBy(host::load).isInstanceOf(PluginHostException.class)
                    .hasMessage("plugins folder " + file + " is not a folder");
            assertThat(embedded.starts).as("nothing started when the folder is wrong").hasValue(0);
            assertThat(host.find("embedded.say")).isEmpty();
        }
    }

    @Test
    void builderRequiresAContextFactory() {
        assertThatThrownBy(() -> PluginHost.builder().build()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("contexts:");
    }
}
