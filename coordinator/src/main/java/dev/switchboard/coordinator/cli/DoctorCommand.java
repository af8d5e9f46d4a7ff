package dev.switchboard.coordinator.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.coordinator.config.EffectiveConfig;
import dev.switchboard.coordinator.modes.ModeRegistry;
import dev.switchboard.spi.ConfigException;
import dev.switchboard.spi.Json;
import dev.switchboard.spi.TimeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/**
 * {@code switchboard doctor}: checks the JDK, the modes, the livekit-server binary, LiveKit's
 * reachability and credentials (a real API call), the VAD model, the providers' keys (names only) and
 * the ports, and prints what to do about each problem. Exit 0 when nothing failed, 1 otherwise
 * (warnings do not fail). Not thread-safe.
 */
@Command(name = "doctor", description = "Check this machine and configuration; print what to do about each problem.")
final class DoctorCommand implements Callable<Integer> {

    @ParentCommand
    private Main main;

    @Override
    public Integer call() {
        EffectiveConfig config = main.config();
        DoctorChecks local = new DoctorChecks(config);
        List<DoctorCheck> checks = new ArrayList<>();
        checks.add(local.jdk());
        checks.add(modes());
        String url = config.value("LIVEKIT_URL").orElse("");
        checks.add(local.liveKitBinary(!url.isBlank()));
        if (url.isBlank()) {
            checks.add(DoctorCheck.ok("livekit-reachable", "LIVEKIT_URL is unset: serve starts a local dev server"));
        } else {
            checks.addAll(new LiveKitProbe(TimeSource.system()).check(url, config.value("LIVEKIT_API_KEY").orElse(""),
                    config.value("LIVEKIT_API_SECRET").orElse("")));
        }
        checks.add(local.vadModel());
        checks.addAll(local.providerKeys());
        checks.addAll(local.ports(url.isBlank()));
        print(checks);
        return checks.stream().anyMatch(c -> c.status() == DoctorCheck.Status.fail) ? ExitCodes.FAILED : ExitCodes.OK;
    }

    private DoctorCheck modes() {
        try {
            var set = main.modesFolder().map(ModeRegistry::load).orElseGet(ModeRegistry::builtins);
            return DoctorCheck.ok("modes", set.sections().size() + " tables from "
                    + main.modesFolder().map(Object::toString).orElse("the built-in modes"));
        } catch (ConfigException e) {
            return DoctorCheck.fail("modes", e.problems().size() + " problem(s); first: " + e.problems().get(0),
                    "fix the modes ('switchboard modes validate' lists every file:line:key)");
        }
    }

    private void print(List<DoctorCheck> checks) {
        ObjectNode doc = Json.object();
        ArrayNode list = doc.putArray("checks");
        StringBuilder text = new StringBuilder();
        for (DoctorCheck c : checks) {
            list.addObject().put("name", c.name()).put("status", c.status().name()).put("detail", c.detail())
                    .put("fix", c.fix());
            text.append(String.format("%-5s %-22s %s%n", c.status(), c.name(), c.detail()));
            if (!c.fix().isEmpty()) {
                text.append(String.format("      %-22s -> %s%n", "", c.fix()));
            }
        }
        long failed = checks.stream().filter(c -> c.status() == DoctorCheck.Status.fail).count();
        long warned = checks.stream().filter(c -> c.status() == DoctorCheck.Status.warn).count();
        doc.put("failed", failed).put("warnings", warned);
        text.append(failed == 0 ? "doctor: no failures" : "doctor: " + failed + " failure(s)")
                .append(warned == 0 ? "" : ", " + warned + " warning(s)").append('\n');
        main.printer().either(doc, text.toString());
    }
}
