package dev.switchboard.coordinator.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.coordinator.LiveKitSettings;
import dev.switchboard.coordinator.modes.ModeSet;
import dev.switchboard.spi.Json;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Each specialist's configuration: its {@code [specialists.<name>]} table from the modes in force,
 * plus a {@code livekit} table ({@code url}, {@code api-key}, {@code api-secret} as a reference)
 * from the builder's LiveKit settings unless the table has its own. Thread-safe.
 */
final class SpecialistConfigs {

    private final Supplier<ModeSet> modes;
    private final Optional<LiveKitSettings> liveKit;

    SpecialistConfigs(Supplier<ModeSet> modes, Optional<LiveKitSettings> liveKit) {
        this.modes = modes;
        this.liveKit = liveKit;
    }

    /**
     * Where {@code keyPath} (relative to {@code [specialists.<specialist>]}) is in the modes in force:
     * {@code file:line:specialists.<specialist>.<keyPath>}, or the bare key path when no mode file has the table.
     */
    String locate(String specialist, String keyPath) {
        String table = "specialists." + specialist;
        return modes.get().section(table).map(s -> s.locator().locate(keyPath))
                .orElse(keyPath.isEmpty() ? table : table + "." + keyPath);
    }

    /** A fresh copy of the configuration of {@code specialist}. */
    ObjectNode of(String specialist) {
        ObjectNode tree = modes.get().section("specialists." + specialist)
                .map(s -> s.tree().deepCopy()).orElseGet(Json::object);
        if (liveKit.isPresent() && !tree.has("livekit")) {
            LiveKitSettings lk = liveKit.get();
            tree.putObject("livekit").put("url", lk.url().toString()).put("api-key", lk.apiKey())
                    .put("api-secret", lk.apiSecretReference());
        }
        return tree;
    }
}
