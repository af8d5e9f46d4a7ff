package dev.switchboard.export;

import dev.switchboard.coordinator.config.ConfigValue;
import dev.switchboard.coordinator.config.Setting;
import dev.switchboard.coordinator.config.Settings;
import java.util.Map;

/**
 * The {@code env} export (the effective settings, {@code switchboard.env}) and the {@code dotenv-example}
 * export (every setting at its default, {@code .env.example}): one line per setting with a one-line
 * description above it; secrets are always empty placeholders. Stateless, thread-safe.
 */
final class EnvExport {

    private EnvExport() {
    }

    static Map<String, String> effective(ExportInput in) {
        return Map.of("switchboard.env", render(in, true));
    }

    static Map<String, String> example(ExportInput in) {
        return Map.of(".env.example", render(in, false));
    }

    private static String render(ExportInput in, boolean effective) {
        StringBuilder out = new StringBuilder(2048);
        out.append(effective ? "# Switchboard settings in force (switchboard export --format env).\n"
                : "# Every Switchboard setting at its default (switchboard export --format dotenv-example).\n");
        out.append("# Use: switchboard --config FILE ... or SWITCHBOARD_CONFIG=FILE.\n");
        out.append("# Precedence: defaults < this file < environment < CLI flags.\n");
        out.append("# Secrets are never written: their lines stay empty. Set them in the environment, or in a\n");
        out.append("# copy of this file readable only by its owner (chmod 600).\n");
        String group = "";
        for (ConfigValue v : in.config().values()) {
            Setting s = v.setting();
            if (s.name().equals(Settings.CONFIG)) {
                continue;
            }
            if (!s.group().equals(group)) {
                group = s.group();
                out.append("\n## ").append(group).append('\n');
            }
            out.append("# ").append(s.description());
            if (!s.flagUsage().isEmpty()) {
                out.append(" (flag: ").append(s.flagUsage()).append(')');
            }
            if (s.secret()) {
                out.append(" [secret]");
            } else if (!s.defaultValue().isEmpty()) {
                out.append(" [default: ").append(s.defaultValue()).append(']');
            }
            out.append('\n');
            String value = s.secret() ? "" : effective ? v.value() : s.defaultValue();
            out.append(s.name()).append('=').append(quoteIfNeeded(value)).append('\n');
        }
        return out.toString();
    }

    private static String quoteIfNeeded(String value) {
        return value.matches("[A-Za-z0-9_./:@~${}-]*") ? value : "\"" + value.replace("\"", "") + "\"";
    }
}
