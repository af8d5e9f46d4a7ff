package dev.switchboard.coordinator.plugins;

import java.util.List;
import org.pf4j.ClassLoadingStrategy;
import org.pf4j.PluginClassLoader;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginManager;

/**
 * A plugin's class loader that takes the packages the host shares with plugins (the SPI, PF4J,
 * Jackson, SLF4J) from the host, even when the plugin JAR bundles its own copy. Everything else is
 * plugin-first. Without this a JAR that shades the SPI would define a second {@code Specialist}
 * interface and its specialists would be invisible (or fail with ClassCastException).
 */
final class HostFirstClassLoader extends PluginClassLoader {

    /** Package prefixes always loaded from the host. */
    static final List<String> SHARED = List.of(
            "dev.switchboard.spi.", "org.pf4j.", "com.fasterxml.jackson.", "org.slf4j.");

    HostFirstClassLoader(PluginManager manager, PluginDescriptor descriptor, ClassLoader host) {
        super(manager, descriptor, host, ClassLoadingStrategy.PDA);
    }

    @Override
    protected boolean shouldDelegateToParent(String className) {
        for (String prefix : SHARED) {
            if (className.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
