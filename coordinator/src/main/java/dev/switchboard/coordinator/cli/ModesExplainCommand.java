package dev.switchboard.coordinator.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.coordinator.Switchboard;
import dev.switchboard.coordinator.routing.Route;
import dev.switchboard.coordinator.routing.RouteExplanation;
import dev.switchboard.spi.Json;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code switchboard modes explain OP}: prints the path a request takes through the decision tree,
 * test by test, without running it. Exit 0 when a leaf is reached, 5 otherwise. Not thread-safe.
 */
@Command(name = "explain", description = "Show the route a request takes, without running it.")
final class ModesExplainCommand implements Callable<Integer> {

    @ParentCommand
    private ModesCommand modes;

    @Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "OP", description = "The operation, e.g. room.create.")
    private String operation;

    @Mixin
    private RequestOptions request = new RequestOptions();

    @Override
    public Integer call() {
        Main main = modes.main;
        var req = request.request(spec.commandLine(), operation, main);
        try (Switchboard switchboard = main.open(false)) {
            RouteExplanation explanation = switchboard.explain(req);
            main.printer().either(document(explanation), text(operation, explanation));
            return explanation.route().isPresent() ? ExitCodes.OK : ExitCodes.UNKNOWN_OPERATION;
        }
    }

    private static ObjectNode document(RouteExplanation e) {
        ObjectNode doc = Json.object();
        ArrayNode steps = doc.putArray("steps");
        for (RouteExplanation.Step s : e.steps()) {
            steps.addObject().put("node", s.node()).put("test", s.test()).put("matched", s.matched())
                    .put("location", s.location());
        }
        e.route().ifPresent(r -> {
            ObjectNode route = doc.putObject("route").put("specialist", r.specialist()).put("operation", r.operation());
            r.path().forEach(route.putArray("path")::add);
        });
        e.suggestions().forEach(doc.putArray("suggestions")::add);
        return doc;
    }

    private static String text(String operation, RouteExplanation e) {
        StringBuilder out = new StringBuilder();
        for (RouteExplanation.Step s : e.steps()) {
            out.append(s.matched() ? "  ✓ " : "  ✗ ").append(s.node()).append(": ").append(s.test())
                    .append("   (").append(s.location()).append(")\n");
        }
        if (e.route().isPresent()) {
            Route r = e.route().get();
            out.append(operation).append(" → ").append(r.specialist()).append(" / ").append(r.operation())
                    .append("   via ").append(String.join(" → ", r.path())).append('\n');
        } else {
            out.append(operation).append(": no route");
            if (!e.suggestions().isEmpty()) {
                out.append("; did you mean ").append(String.join(", ", e.suggestions())).append('?');
            }
            out.append('\n');
        }
        return out.toString();
    }
}
