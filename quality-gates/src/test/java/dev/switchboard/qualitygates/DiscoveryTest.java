package dev.switchboard.qualitygates;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.spi.GateSettings;
import dev.switchboard.spi.Json;
import dev.switchboard.spi.QualityGateProvider;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pf4j.DefaultPluginManager;
import org.pf4j.PluginManager;

class DiscoveryTest {

    private static final List<String> TYPES = List.of("allow-deny", "roles", "naming", "json-schema",
            "rate-limit", "quota", "confirmation", "post-verify");

    @Test
    void serviceLoaderFindsEveryBuiltInProvider() {
        List<String> types = ServiceLoader.load(QualityGateProvider.class).stream()
                .map(p -> p.get().type()).toList();
        assertThat(types).containsExactlyInAnyOrderElementsOf(TYPES);
    }

    @Test
    void pf4jFindsThemAsExtensions(@TempDir Path plugins) {
        PluginManager manager = new DefaultPluginManager(plugins);
        List<String> types = manager.getExtensions(QualityGateProvider.class).stream()
                .map(QualityGateProvider::type).toList();
        assertThat(types).containsExactlyInAnyOrderElementsOf(TYPES);
    }

    @Test
    void weightsFollowTheTableOfTheSpi() {
        Map<String, Integer> minimal = Map.of("allow-deny", 100, "roles", 200, "naming", 300, "json-schema", 400,
                "rate-limit", 500, "quota", 500, "confirmation", 600, "post-verify", 900);
        Map<String, String> settings = Map.of("allow-deny", "{\"subject\": \"principal\", \"deny\": [\"x\"]}",
                "roles", "{\"roles\": [\"admin\"]}", "naming", "{\"path\": \"a\", \"pattern\": \"a\"}",
                "rate-limit", "{\"limit\": 1}", "quota", "{\"limit\": 1, \"window\": \"1d\"}");
        Map<String, Integer> weights = ServiceLoader.load(QualityGateProvider.class).stream()
                .map(ServiceLoader.Provider::get)
                .collect(Collectors.toMap(QualityGateProvider::type, p -> p.create(new GateSettings("g", p.type(),
                        Json.object(settings.getOrDefault(p.type(), "{}")), "here")).weight()));
        assertThat(weights).isEqualTo(minimal);
    }
}
