package dev.switchboard.coordinator.internal;

import dev.switchboard.coordinator.modes.ModeListener;
import dev.switchboard.coordinator.modes.ModeSet;
import dev.switchboard.spi.ConfigException;
import dev.switchboard.spi.Json;
import dev.switchboard.spi.SwitchboardEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Swaps the compiled configuration in when the mode registry activates a reload (router, gates,
 * workflows and settings change together, atomically) and publishes {@code modes.reloaded}; a
 * rejected reload keeps the configuration in force and publishes {@code modes.rejected} with every
 * problem's {@code file:line:key}. Thread-safe.
 */
final class ModeReloads implements ModeListener {

    private static final Logger LOG = LoggerFactory.getLogger(ModeReloads.class);

    private final Parts parts;
    private final SnapshotCompiler compiler;

    ModeReloads(Parts parts, SnapshotCompiler compiler) {
        this.parts = parts;
        this.compiler = compiler;
    }

    @Override
    public void onActivated(ModeSet modes) {
        parts.activate(compiler.snapshotOf(modes));
        LOG.info("modes reloaded: {} tables", modes.sections().size());
        parts.events().publish(new SwitchboardEvent("modes.reloaded", "coordinator", parts.time().now(),
                Json.object().put("tables", modes.sections().size())));
    }

    @Override
    public void onRejected(ConfigException problem) {
        LOG.warn("modes reload rejected, the running configuration stays:\n{}", problem.getMessage());
        var data = Json.object();
        var list = data.putArray("problems");
        problem.problems().forEach(p -> list.addObject().put("location", p.location()).put("message", p.message()));
        parts.events().publish(new SwitchboardEvent("modes.rejected", "coordinator", parts.time().now(), data));
    }
}
