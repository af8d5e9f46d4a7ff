package dev.switchboard.coordinator.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.spi.QualityGateProvider;
import dev.switchboard.spi.Specialist;
import dev.switchboard.testkit.PluginJarBuilder;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pf4j.DefaultPluginDescriptor;
import org.pf4j.DefaultPluginManager;
import org.pf4j.PluginClassLoader;

/** Plugins see the host's SPI, PF4J and Jackson classes even when they bundle their own copies. */
class PluginHostClassLoadingTest {

    @TempDir
    Path plugins;

    private final TestPlugins fixtures = new TestPlugins();

    @Test
    void aJarBundlingTheSpiAndJacksonStillUsesTheHostsClasses() throws Exception {
        TestPlugins.echo("bundler", "bundler", List.of("bundler.say"), Map.of())
                .compiled(Specialist.class).compiled(ObjectNode.class)
                .build(plugins.resolve("bundler.jar"));
        try (PluginHost host = fixtures.host(plugins)) {
            PluginReport report = host.load();

            assertThat(report.entry("bundler.jar")).get().satisfies(e -> {
                assertThat(e.state()).isEqualTo(PluginReport.State.LOADED);
                assertThat(e.warnings()).singleElement().asString()
                        .contains("com.fasterxml.jackson", "dev.switchboard.spi", "declare them with scope provided");
            });
            Specialist specialist = host.find("bundler.say").orElseThrow().specialist();
            ClassLoader pluginLoader = specialist.getClass().getClassLoader();
            assertThat(pluginLoader).isInstanceOf(HostFirstClassLoader.class);
            assertThat(pluginLoader.loadClass(Specialist.class.getName())).isSameAs(Specialist.class);
            assertThat(pluginLoader.loadClass(ObjectNode.class.getName())).isSameAs(ObjectNode.class);
            assertThat(TestPlugins.say(host, "bundler.say", "mine").field("said").asText()).isEqualTo("mine");
        }
    }

    @Test
    void plainPf4jClassLoaderWouldHaveTakenTheBundledCopy() throws Exception {
        Path jar = PluginJarBuilder.plugin("copy").compiled(Specialist.class).build(plugins.resolve("copy.jar"));
        DefaultPluginDescriptor descriptor =
                new DefaultPluginDescriptor("copy", "", "org.pf4j.Plugin", "1.0.0", "*", "tests", "");
        DefaultPluginManager manager = new DefaultPluginManager(plugins);
        ClassLoader host = PluginHost.class.getClassLoader();

        try (PluginClassLoader plain = new PluginClassLoader(manager, descriptor, host);
                HostFirstClassLoader ours = new HostFirstClassLoader(manager, descriptor, host)) {
            plain.addFile(jar.toFile());
            ours.addFile(jar.toFile());

            assertThat(plain.loadClass(Specialist.class.getName())).isNotSameAs(Specialist.class);
            assertThat(ours.loadClass(Specialist.class.getName())).isSameAs(Specialist.class);
        }
    }

    @Test
    void gateProvidersFromPluginsAreCollectedAndDuplicatesRefused() {
        String gate = """
                package test.gates;

                import dev.switchboard.spi.*;

                @org.pf4j.Extension
                public class TitleGates implements QualityGateProvider {
                    public String type() {
                        return "title-case";
                    }

                    public QualityGate create(GateSettings settings) {
                        return () -> settings.name();
                    }
                }
                """;
        PluginJarBuilder.plugin("gates").extension("test.gates.TitleGates", gate).build(plugins.resolve("gates.jar"));
        PluginJarBuilder.plugin("more-gates").extension("test.gates.TitleGates", gate)
                .build(plugins.resolve("more-gates.jar"));
        try (PluginHost host = fixtures.host(plugins)) {
            PluginReport report = host.load();

            assertThat(host.gateProviders()).extracting(QualityGateProvider::type).containsExactly("title-case");
            assertThat(report.entry("more-gates.jar")).get().extracting(PluginReport.Entry::reason).isEqualTo(
                    "gate type 'title-case' is already provided by plugin 'gates' (gates.jar);"
                            + " plugin 'more-gates' (more-gates.jar) may not claim it too"
                            + " (the first loaded keeps it)");
            try (CatalogLease lease = host.acquire()) {
                assertThat(lease.gateProviders()).hasSize(1);
            }
        }
    }
}
