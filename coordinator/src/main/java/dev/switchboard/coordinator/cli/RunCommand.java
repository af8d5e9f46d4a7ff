package dev.switchboard.coordinator.cli;

import dev.switchboard.coordinator.Switchboard;
import dev.switchboard.spi.OperationResult;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code switchboard run OP}: runs one operation and prints its result. Not thread-safe. */
@Command(name = "run", description = "Run one operation through routes, gates and the journal.")
final class RunCommand implements Callable<Integer> {

    @ParentCommand
    private Main main;

    @Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "OP", description = "The operation, e.g. room.create.")
    private String operation;

    @Mixin
    private RequestOptions request = new RequestOptions();

    @Override
    public Integer call() {
        var req = request.request(spec.commandLine(), operation, main);
        try (Switchboard switchboard = main.open(true)) {
            Waiting waiting = Waiting.start(main.progress(), operation);
            OperationResult result;
            try {
                result = switchboard.execute(req);
            } finally {
                waiting.close();
            }
            main.printer().result(result);
            return ExitCodes.of(result);
        }
    }
}
