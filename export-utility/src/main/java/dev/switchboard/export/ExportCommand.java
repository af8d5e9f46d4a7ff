package dev.switchboard.export;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.coordinator.cli.CliContext;
import dev.switchboard.coordinator.cli.ExitCodes;
import dev.switchboard.coordinator.cli.ProgressLine;
import dev.switchboard.spi.Json;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code switchboard export --format F [--out DIR] [--check]}: writes a deployment or reference export
 * of the current configuration, or compares an existing one with it ({@code --check}: exit 1 and the
 * drift when they differ). Progress goes to stderr on a terminal only; {@code --output json} prints one
 * document and nothing else. Not thread-safe.
 */
@Command(name = "export", description = "Export deployment files (env, dotenv-example, compose, k8s, helm-values, "
        + "livekit-yaml) or the reference docs of the current configuration; --check reports drift.")
final class ExportCommand implements Callable<Integer> {

    private final CliContext context;

    @Option(names = "--format", required = true, paramLabel = "F",
            description = "env, dotenv-example, compose, k8s, helm-values, livekit-yaml or docs.")
    String format;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = ".",
            description = "Folder (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--check", description = "Compare the export in --out with the current config; exit 1 on drift.")
    boolean check;

    @Option(names = "--image", defaultValue = ExportInput.DEFAULT_IMAGE,
            description = "Switchboard container image (default: ${DEFAULT-VALUE}).")
    String image;

    @Option(names = "--webhook-url", defaultValue = "",
            description = "URL LiveKit posts webhooks to (default: http://switchboard:PORT/webhooks/livekit).")
    String webhookUrl;

    ExportCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        ExportFormat f = ExportFormat.byId(format).orElseThrow(() -> new IllegalArgumentException(
                "unknown --format '" + format + "'; expected one of " + List.of(ExportFormat.values())));
        ExportInput in = ExportInputs.from(context, image, webhookUrl);
        return check ? check(f, in) : write(f, in);
    }

    private int write(ExportFormat f, ExportInput in) {
        ProgressLine progress = context.progress();
        List<Path> written;
        try {
            written = Exporter.write(f, in, out, (done, total) -> {
                String text = "export " + f.id() + ": writing " + done + "/" + total + " files";
                if (done.equals(total)) {
                    progress.last(text);
                } else {
                    progress.update(text);
                }
            });
        } finally {
            progress.stop();
        }
        ObjectNode doc = Json.object().put("status", "written").put("format", f.id()).put("out", out.toString());
        ArrayNode files = doc.putArray("files");
        StringBuilder text = new StringBuilder();
        for (Path p : written) {
            files.add(p.toString());
            text.append(p).append('\n');
        }
        print(doc, text.toString());
        return ExitCodes.OK;
    }

    private int check(ExportFormat f, ExportInput in) {
        List<Drift> drift = Exporter.check(f, in, out);
        ObjectNode doc = Json.object().put("status", drift.isEmpty() ? "in-sync" : "drift").put("format", f.id())
                .put("out", out.toString());
        ArrayNode list = doc.putArray("drift");
        StringBuilder text = new StringBuilder();
        for (Drift d : drift) {
            list.addObject().put("file", d.file()).put("kind", d.kind().name().toLowerCase(java.util.Locale.ROOT))
                    .put("detail", d.detail());
            text.append(d).append('\n');
        }
        text.append(drift.isEmpty() ? "export " + f.id() + " in " + out + " matches the current config\n"
                : drift.size() + " file(s) drifted; re-run without --check to rewrite them\n");
        print(doc, text.toString());
        return drift.isEmpty() ? ExitCodes.OK : ExitCodes.FAILED;
    }

    private void print(ObjectNode doc, String text) {
        PrintWriter w = context.out();
        w.print(context.jsonOutput() ? Json2.pretty(doc) + "\n" : text);
        w.flush();
    }
}
