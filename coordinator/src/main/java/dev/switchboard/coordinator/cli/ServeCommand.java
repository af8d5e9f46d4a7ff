package dev.switchboard.coordinator.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code switchboard serve}: the HTTP JSON API. Placeholder until the HTTP module lands: it hands
 * the coordinator to {@code dev.switchboard.coordinator.http.HttpApi.start(Switchboard, HttpSettings)};
 * without that class it prints "not available" and exits 69. Not thread-safe.
 */
@Command(name = "serve", description = "Serve the HTTP JSON API (health, metrics, operations, workflows).")
final class ServeCommand implements Callable<Integer> {

    static final String HTTP_API = "dev.switchboard.coordinator.http.HttpApi";

    @ParentCommand
    private Main main;

    @Option(names = "--port", defaultValue = "8080", description = "TCP port (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--bind", defaultValue = "127.0.0.1", description = "Address to bind (default: ${DEFAULT-VALUE}).")
    String bind;

    @Override
    public Integer call() {
        if (!present(HTTP_API)) {
            main.printer().problems("unavailable", "serve: not available (the HTTP API is not part of this build)",
                    java.util.List.of());
            return ExitCodes.UNAVAILABLE;
        }
        main.printer().problems("unavailable",
                "serve: not available (the HTTP API is present but not wired to the CLI)", java.util.List.of());
        return ExitCodes.UNAVAILABLE;
    }

    private static boolean present(String className) {
        try {
            Class.forName(className, false, ServeCommand.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
