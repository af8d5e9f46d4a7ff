package dev.switchboard.export;

import dev.switchboard.coordinator.config.ConfigValue;
import dev.switchboard.coordinator.config.EffectiveConfig;
import dev.switchboard.coordinator.config.Settings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The last line of defence: before anything is written, every rendered file is searched for the value
 * of every secret the configuration holds (catalog secrets, and any variable whose name looks secret);
 * a hit fails the export naming the file and the variable, never the value. Values shorter than 6
 * characters are not searched (they would match by chance). Stateless, thread-safe.
 */
final class SecretGuard {

    private static final int MIN_LENGTH = 6;

    private SecretGuard() {
    }

    static void check(EffectiveConfig config, Map<String, String> files) {
        List<String[]> secrets = new ArrayList<>();
        for (ConfigValue v : config.values()) {
            if (v.setting().secret() && v.value().length() >= MIN_LENGTH) {
                secrets.add(new String[] {v.setting().name(), v.value()});
            }
        }
        config.environment().forEach((k, v) -> {
            if (Settings.looksSecret(k) && v.length() >= MIN_LENGTH && !k.equals("LIVEKIT_API_KEY")) {
                secrets.add(new String[] {k, v});
            }
        });
        files.forEach((file, text) -> {
            for (String[] s : secrets) {
                if (text.contains(s[1])) {
                    throw new ExportException("refusing to write " + file + ": it would contain the value of "
                            + s[0] + " (a secret); this is a bug, please report it");
                }
            }
        });
    }
}
