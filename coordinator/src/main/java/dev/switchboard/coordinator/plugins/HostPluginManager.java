package dev.switchboard.coordinator.plugins;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.pf4j.DefaultPluginManager;
import org.pf4j.ManifestPluginDescriptorFinder;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginDescriptorFinder;
import org.pf4j.PluginLoader;
import org.pf4j.PluginStatusProvider;
import org.pf4j.PluginWrapper;

/**
 * PF4J's manager as the host uses it: manifest descriptors only, JAR files only, host-first class
 * loading for the shared packages, every plugin enabled, and {@code systemVersion} set to the SPI
 * version so a mismatched {@code Plugin-Requires} disables the plugin. The host loads JARs one at a
 * time through {@link #load(Path)} instead of {@code loadPlugins()}, so each failure belongs to one
 * JAR. Not thread-safe (the host confines it to one snapshot build, then only reads and stops it).
 */
final class HostPluginManager extends DefaultPluginManager {

    HostPluginManager(Path root, String systemVersion) {
        super(List.of(root));
        setSystemVersion(systemVersion);
    }

    /** Loads one JAR without resolving dependencies; PF4J exceptions propagate. */
    PluginWrapper load(Path jar) {
        return loadPluginFromPath(jar);
    }

    /** Resolves the dependencies of everything loaded so far. */
    void resolve() {
        resolvePlugins();
    }

    /** Whether the plugin resolved (all its required dependencies are present). */
    boolean isResolved(PluginWrapper plugin) {
        return getResolvedPlugins().contains(plugin);
    }

    @Override
    protected PluginDescriptorFinder createPluginDescriptorFinder() {
        return new ManifestPluginDescriptorFinder();
    }

    @Override
    protected PluginLoader createPluginLoader() {
        return new PluginLoader() {
            @Override
            public boolean isApplicable(Path path) {
                return Files.isRegularFile(path);
            }

            @Override
            public ClassLoader loadPlugin(Path path, PluginDescriptor descriptor) {
                HostFirstClassLoader loader = new HostFirstClassLoader(
                        HostPluginManager.this, descriptor, PluginHost.class.getClassLoader());
                loader.addFile(path.toFile());
                return loader;
            }
        };
    }

    @Override
    protected PluginStatusProvider createPluginStatusProvider() {
        return new PluginStatusProvider() {
            @Override
            public boolean isPluginDisabled(String pluginId) {
                return false;
            }

            @Override
            public void disablePlugin(String pluginId) {
                // the host never persists plugin status
            }

            @Override
            public void enablePlugin(String pluginId) {
                // the host never persists plugin status
            }
        };
    }
}
