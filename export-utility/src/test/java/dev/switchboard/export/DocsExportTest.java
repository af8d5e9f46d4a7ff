package dev.switchboard.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The docs export documents what is loaded: operations, gates, compensation, decision tree, workflows, metrics. */
class DocsExportTest {

    @TempDir
    Path tmp;

    @Test
    void operationsRoutesWorkflowsAndMetricsAreDocumented() throws IOException {
        Path modes = Files.createDirectories(tmp.resolve("modes"));
        Files.writeString(modes.resolve("gates.toml"), """
                [[gates]]
                name = "probe-names"
                type = "naming"
                applies-to = ["docsprobe.*"]
                path = "label"
                pattern = "^[a-z]+$"
                rule = "lower-case letters"
                """);
        Path out = tmp.resolve("out");

        Cli.Result r = Cli.run(Map.of(), "--modes", modes.toString(), "export", "--format", "docs", "--out",
                out.toString());

        assertThat(r.exit()).as(r.err()).isZero();
        Path ref = out.resolve("reference");
        assertThat(Files.readString(ref.resolve("README.md")))
                .contains("[`docsprobe.create`](operations/docsprobe.create.md) | docsprobe | classpath | no | yes "
                        + "| `docsprobe.delete` |");
        String create = Files.readString(ref.resolve("operations/docsprobe.create.md"));
        assertThat(create).contains("Creates a probe thing.", "compensation: `docsprobe.delete`",
                "`input-schema` (json-schema, default)", "`probe-names` (naming, ", "\"required\" : [ \"label\" ]")
                .doesNotContain("`confirmation`");
        assertThat(Files.readString(ref.resolve("operations/docsprobe.delete.md")))
                .contains("`confirmation` (confirmation, default)", "destructive: yes");
        assertThat(Files.readString(ref.resolve("routing.md")))
                .contains("```mermaid", "flowchart LR", "request([request]) --> node_families",
                        "|\"operation room.*, participant.*, track.*\"|");
        assertThat(Files.readString(ref.resolve("workflows.md"))).contains("## `session.start`", "`create-room`",
                "`room.create`");
        for (MetricNames.Metric m : MetricNames.ALL) {
            assertThat(Files.readString(ref.resolve("metrics.md"))).contains("`" + m.name() + "`");
        }
    }
}
