package dev.switchboard.coordinator.cli;

import dev.switchboard.coordinator.Switchboard;
import dev.switchboard.coordinator.config.EffectiveConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * What a command contributed by a {@link CliExtension} may use of the command line it runs in: the
 * effective configuration, the global options and the output streams. Read it only while the command
 * runs (the global options are parsed by then). Not thread-safe.
 */
public interface CliContext {

    /** The effective configuration (defaults &lt; file &lt; environment &lt; flags), with each value's origin. */
    EffectiveConfig config();

    /** The environment commands resolve secret references against: the settings file under the process's. */
    Map<String, String> environment();

    /** The modes folder ({@code --modes}, else {@code $SWITCHBOARD_MODES}), or empty for the built-ins only. */
    Optional<Path> modesFolder();

    /** The plugins folder ({@code --plugins}, else {@code $SWITCHBOARD_PLUGINS}), or empty. */
    Optional<Path> pluginsFolder();

    /** Whether {@code --output json} was given: print one JSON document and no progress. */
    boolean jsonOutput();

    /**
     * The command's progress line on stderr ({@code --progress}; nothing with {@code --output json}):
     * update it during long work and {@link ProgressLine#stop() stop} it before printing the result.
     */
    ProgressLine progress();

    /** Standard output. */
    PrintWriter out();

    /** Standard error. */
    PrintWriter err();

    /** A coordinator over the modes and plugins (no journal); the caller closes it. */
    Switchboard openCoordinator();
}
