package dev.switchboard.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.coordinator.config.Setting;
import dev.switchboard.coordinator.config.Settings;
import dev.switchboard.export.ExportFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** docs/configuration.md and docs/export.md cannot drift from the settings catalog and the export formats. */
class ConfigurationDocTest {

    @Test
    void theSettingsTableListsEverySettingWithItsFlagDefaultAndSecrecy() throws IOException {
        List<String> rows = Files.readAllLines(Path.of("configuration.md")).stream()
                .filter(l -> l.startsWith("| `")).toList();
        for (Setting s : Settings.all()) {
            String row = rows.stream().filter(r -> r.startsWith("| `" + s.name() + "` |")).findFirst()
                    .orElseThrow(() -> new AssertionError("configuration.md has no row for " + s.name()));
            String[] cells = row.split("\\|");
            assertThat(cells[2].strip()).as(s.name() + " flag").isEqualTo(code(s.flagUsage()));
            assertThat(cells[3].strip()).as(s.name() + " default").isEqualTo(code(s.defaultValue()));
            assertThat(cells[4].strip()).as(s.name() + " secret").isEqualTo(s.secret() ? "yes" : "no");
        }
        assertThat(rows.stream().filter(r -> r.matches("\\| `[A-Z_]+` \\|.*")).count())
                .as("rows for settings that do not exist").isEqualTo(Settings.all().size());
    }

    @Test
    void theExportPageDescribesEveryFormat() throws IOException {
        String page = Files.readString(Path.of("export.md"));
        for (ExportFormat f : ExportFormat.values()) {
            assertThat(page).contains("| `" + f.id() + "` |");
        }
    }

    private static String code(String s) {
        return s.isEmpty() ? "" : "`" + s + "`";
    }
}
