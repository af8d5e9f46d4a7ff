package dev.switchboard.coordinator.cli;

import dev.switchboard.coordinator.internal.Durations;
import dev.switchboard.spi.Caller;
import dev.switchboard.spi.OperationRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** The options that shape a request: parameters, caller, idempotency key, timeout, tags. Not thread-safe. */
final class RequestOptions {

    @Option(names = {"-p", "--param"}, paramLabel = "NAME=VALUE",
            description = "A parameter: name=text, or name:=json for a typed value (number, boolean, object…).")
    List<String> params = new ArrayList<>();

    @Option(names = "--json", paramLabel = "FILE", description = "Parameters from a JSON object file ('-' for stdin).")
    Path json;

    @Option(names = "--principal", defaultValue = "cli", description = "The caller's principal (default: cli).")
    String principal;

    @Option(names = "--role", paramLabel = "ROLE", description = "A caller role (repeatable).")
    List<String> roles = new ArrayList<>();

    @Option(names = "--idempotency-key", paramLabel = "KEY",
            description = "Runs once per key: a repeat returns the recorded result.")
    String idempotencyKey;

    @Option(names = "--timeout", paramLabel = "DURATION", description = "Deadline from now: 250ms, 30s, 2m.")
    String timeout;

    @Option(names = "--tag", paramLabel = "KEY=VALUE", description = "A request tag (repeatable).")
    List<String> tags = new ArrayList<>();

    Caller caller() {
        return new Caller(principal, Set.copyOf(roles));
    }

    OperationRequest request(CommandLine cmd, String operation, Main main) {
        OperationRequest.Builder b = OperationRequest.builder(operation)
                .params(ParamParser.parse(cmd, json, params, main.in()))
                .caller(caller());
        if (idempotencyKey != null) {
            b.idempotencyKey(idempotencyKey);
        }
        if (timeout != null) {
            Duration d = Durations.parse(timeout).orElseThrow(() -> new CommandLine.ParameterException(cmd,
                    "--timeout " + timeout + ": expected a duration such as 250ms, 30s or 2m"));
            b.deadline(Instant.now().plus(d));
        }
        for (String tag : tags) {
            int eq = tag.indexOf('=');
            if (eq <= 0) {
                throw new CommandLine.ParameterException(cmd, "--tag " + tag + ": expected key=value");
            }
            b.tag(tag.substring(0, eq), tag.substring(eq + 1));
        }
        return b.build();
    }
}
