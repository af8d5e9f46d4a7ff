package dev.switchboard.coordinator.cli;

import dev.switchboard.coordinator.LiveKitSettings;
import dev.switchboard.coordinator.Switchboard;
import dev.switchboard.coordinator.SwitchboardBuilder;
import dev.switchboard.coordinator.config.EffectiveConfig;
import dev.switchboard.coordinator.config.Settings;
import dev.switchboard.spi.ConfigException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The {@code switchboard} command line. {@link #main} exits the JVM with the command's exit code
 * ({@link ExitCodes}); {@link #run} runs one command in process (for tests and tools) and returns it.
 * Not thread-safe: one instance runs one command.
 */
@Command(name = "switchboard", mixinStandardHelpOptions = true, version = "switchboard 0.1.0",
        description = "Operates LiveKit through specialist plugins, TOML modes, quality gates and workflows.",
        subcommands = {RunCommand.class, WorkflowCommand.class, ModesCommand.class, PluginsCommand.class,
            JournalCommand.class, DeadLettersCommand.class, ServeCommand.class, ConfigCommand.class,
            DoctorCommand.class},
        usageHelpAutoWidth = true)
public final class Main implements Runnable, CliContext {

    /** Output formats. */
    enum Format { text, json }

    @Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--modes", paramLabel = "DIR", scope = ScopeType.INHERIT,
            description = "Modes folder over the built-in modes (default: $SWITCHBOARD_MODES, else built-ins).")
    private Path modes;

    @Option(names = "--plugins", paramLabel = "DIR", scope = ScopeType.INHERIT,
            description = "Folder of specialist plugin JARs (default: $SWITCHBOARD_PLUGINS, else none).")
    private Path plugins;

    @Option(names = "--journal", paramLabel = "FILE", scope = ScopeType.INHERIT,
            description = "Journal file (default: $SWITCHBOARD_JOURNAL, else an in-memory journal).")
    private Path journal;

    @Option(names = "--no-fsync", scope = ScopeType.INHERIT,
            description = "Do not force journal records to disk (faster, loses the last records on power loss).")
    private boolean noFsync;

    @Option(names = "--config", paramLabel = "FILE", scope = ScopeType.INHERIT,
            description = "Settings file of KEY=value lines, under the environment and flags "
                    + "(default: $SWITCHBOARD_CONFIG, else none).")
    private Path config;

    @Option(names = "--output", paramLabel = "FORMAT", scope = ScopeType.INHERIT, defaultValue = "text",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    private Format output;

    @Option(names = "--progress", paramLabel = "MODE", scope = ScopeType.INHERIT,
            description = "Progress of long commands on stderr: ${COMPLETION-CANDIDATES} "
                    + "(default: $SWITCHBOARD_PROGRESS, else auto: only on a terminal; never with --output json).")
    private ProgressMode progressMode;

    private final InputStream in;
    private ProgressLine progress;
    private final Map<String, String> processEnv;
    private final Map<String, String> env;

    private Main(InputStream in, Map<String, String> processEnv, Map<String, String> env) {
        this.in = in;
        this.processEnv = Map.copyOf(processEnv);
        this.env = Map.copyOf(env);
    }

    /** Runs the command line and exits the JVM with its exit code. */
    public static void main(String[] args) {
        System.exit(run(args, System.in, System.out, System.err, System.getenv()));
    }

    /**
     * Runs one command in process.
     *
     * @param env the environment secret references and {@code SWITCHBOARD_*} defaults resolve against
     * @return the exit code ({@link ExitCodes})
     */
    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err, Map<String, String> env) {
        Map<String, String> merged;
        try {
            merged = EffectiveConfig.resolve(env, configFlag(args), Map.of()).environment();
        } catch (ConfigException e) {
            err.println("error: config_invalid: the settings file is invalid");
            e.problems().forEach(p -> err.println("  " + p));
            return ExitCodes.CONFIG_INVALID;
        }
        Main main = new Main(in, env, merged);
        CommandLine cmd = new CommandLine(main);
        cmd.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        cmd.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        cmd.setCaseInsensitiveEnumValuesAllowed(true);
        cmd.setDefaultValueProvider(new SettingDefaults(merged));
        for (CliExtension extension : ServiceLoader.load(CliExtension.class, Main.class.getClassLoader())) {
            cmd.addSubcommand(extension.command(main));
        }
        cmd.setExecutionExceptionHandler(new Failures(main));
        try {
            return cmd.execute(args);
        } finally {
            main.closeProgress();
        }
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command; see 'switchboard --help'");
    }

    /** A builder configured from the global options and the environment. */
    SwitchboardBuilder builder(boolean withJournal) {
        return builder(withJournal, env);
    }

    /** A builder configured from the global options and the given environment (serve adds its dev server's). */
    SwitchboardBuilder builder(boolean withJournal, Map<String, String> environment) {
        SwitchboardBuilder b = Switchboard.builder().environment(environment).watchModes(false).fsync(!noFsync);
        modesFolder().ifPresent(b::modes);
        pick(plugins, "SWITCHBOARD_PLUGINS").ifPresent(b::plugins);
        if (withJournal && journalFile().isPresent()) {
            b.journal(journalFile().get()).journalProgress(new JournalProgressLine(progress()));
        }
        liveKit(environment).ifPresent(b::liveKit);
        return b;
    }

    /** The environment the command runs in. */
    Map<String, String> env() {
        return env;
    }

    /** Opens a coordinator from the global options. */
    Switchboard open(boolean withJournal) {
        try {
            return builder(withJournal).build();
        } finally {
            progress().stop();
        }
    }

    @Override
    public Optional<Path> modesFolder() {
        return pick(modes, "SWITCHBOARD_MODES");
    }

    @Override
    public Optional<Path> pluginsFolder() {
        return pick(plugins, "SWITCHBOARD_PLUGINS");
    }

    @Override
    public EffectiveConfig config() {
        Map<String, String> flags = new LinkedHashMap<>();
        Optional.ofNullable(modes).ifPresent(p -> flags.put("SWITCHBOARD_MODES", p.toString()));
        Optional.ofNullable(plugins).ifPresent(p -> flags.put("SWITCHBOARD_PLUGINS", p.toString()));
        Optional.ofNullable(journal).ifPresent(p -> flags.put("SWITCHBOARD_JOURNAL", p.toString()));
        Optional.ofNullable(config).ifPresent(p -> flags.put(Settings.CONFIG, p.toString()));
        return EffectiveConfig.resolve(processEnv, config == null ? "" : config.toString(), flags);
    }

    @Override
    public Map<String, String> environment() {
        return env;
    }

    @Override
    public boolean jsonOutput() {
        return output == Format.json;
    }

    @Override
    public synchronized ProgressLine progress() {
        if (progress == null) {
            ProgressMode mode = progressMode != null ? progressMode : progressSetting();
            progress = ProgressLine.of(mode, jsonOutput(), spec.commandLine().getErr());
        }
        return progress;
    }

    private ProgressMode progressSetting() {
        String value = env.getOrDefault("SWITCHBOARD_PROGRESS", "").strip().toLowerCase(java.util.Locale.ROOT);
        for (ProgressMode m : ProgressMode.values()) {
            if (m.name().equals(value)) {
                return m;
            }
        }
        if (!value.isEmpty()) {
            spec.commandLine().getErr().println("warning: SWITCHBOARD_PROGRESS=" + value
                    + " is not one of auto, tty, plain, none; using auto");
        }
        return ProgressMode.auto;
    }

    private synchronized void closeProgress() {
        if (progress != null) {
            progress.close();
        }
    }

    @Override
    public PrintWriter out() {
        return spec.commandLine().getOut();
    }

    @Override
    public PrintWriter err() {
        return spec.commandLine().getErr();
    }

    @Override
    public Switchboard openCoordinator() {
        return open(false);
    }

    /** The value of {@code --config FILE} or {@code --config=FILE} in {@code args}, or {@code ""}. */
    private static String configFlag(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--config") && i + 1 < args.length) {
                return args[i + 1];
            }
            if (args[i].startsWith("--config=")) {
                return args[i].substring("--config=".length());
            }
        }
        return "";
    }

    Optional<Path> journalFile() {
        return pick(journal, "SWITCHBOARD_JOURNAL");
    }

    Printer printer() {
        return new Printer(output == Format.json, spec.commandLine().getOut(), spec.commandLine().getErr());
    }

    InputStream in() {
        return in;
    }

    private static Optional<LiveKitSettings> liveKit(Map<String, String> env) {
        String url = env.get("LIVEKIT_URL");
        String key = env.get("LIVEKIT_API_KEY");
        if (url == null || url.isBlank() || key == null || key.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(LiveKitSettings.of(url, key, "${LIVEKIT_API_SECRET}"));
    }

    private Optional<Path> pick(Path option, String variable) {
        if (option != null) {
            return Optional.of(option);
        }
        String value = env.get(variable);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(Path.of(value));
    }
}
