package dev.switchboard.coordinator.config;

import java.util.List;
import java.util.Optional;

/**
 * The catalog of every setting Switchboard reads, in the order the docs and exports list them. A setting
 * that is not here is not read: adding one means adding it here (the exports, {@code config show} and
 * {@code doctor} pick it up). Stateless, thread-safe.
 */
public final class Settings {

    /** Where a settings file is named when {@code --config} is not given. */
    public static final String CONFIG = "SWITCHBOARD_CONFIG";

    private static final List<Setting> ALL = List.of(
            s(CONFIG, "core", "", "--config", "",
                    "settings file (KEY=value lines); the environment and flags override it", false),
            s("SWITCHBOARD_MODES", "core", "", "--modes", "",
                    "modes folder layered over the built-in modes (unset: built-in modes only)", false),
            s("SWITCHBOARD_PLUGINS", "core", "", "--plugins", "",
                    "folder of specialist plugin JARs (the launcher sets target/plugins)", false),
            s("SWITCHBOARD_JOURNAL", "core", "", "--journal", "",
                    "journal file (unset: DATA/journal.log for serve, in memory for other commands)", false),
            s("SWITCHBOARD_PROGRESS", "core", "", "--progress", "auto",
                    "progress of long commands on stderr: auto (on a terminal), tty, plain (CI logs), none", false),
            s("SWITCHBOARD_LOG_LEVEL", "core", "", "", "WARN",
                    "log level of the stderr log (process environment only: read at JVM start)", false),
            s("SWITCHBOARD_HTTP_PORT", "http", "serve", "--port", "8080", "HTTP API port", false),
            s("SWITCHBOARD_BIND", "http", "serve", "--bind", "127.0.0.1",
                    "address the HTTP API binds (0.0.0.0 in a container)", false),
            s("SWITCHBOARD_DATA", "http", "serve", "--data", "data",
                    "folder for the journal, webhook state and dev.env", false),
            s("SWITCHBOARD_API_KEY", "http", "", "", "",
                    "API key of the HTTP API, roles ops and admin (unset: a fresh one per run, in dev.env)", true),
            s("LIVEKIT_URL", "livekit", "", "", "",
                    "LiveKit server URL, ws:// or wss:// (unset: serve starts a local dev server)", false),
            s("LIVEKIT_API_KEY", "livekit", "", "", "", "LiveKit API key (an identifier, not secret)", false),
            s("LIVEKIT_API_SECRET", "livekit", "", "", "", "LiveKit API secret of LIVEKIT_API_KEY", true),
            s("SWITCHBOARD_LIVEKIT_PORT", "livekit", "serve", "--livekit-port", "7880",
                    "port of the local dev livekit-server (only when LIVEKIT_URL is unset)", false),
            s("SWITCHBOARD_LIVEKIT_BIN", "livekit", "", "", "",
                    "livekit-server binary (unset: the setup cache, then PATH)", false),
            s("SWITCHBOARD_CACHE", "livekit", "", "", "~/.cache/switchboard",
                    "where scripts/setup.sh installs livekit-server and models", false),
            s("SWITCHBOARD_SILERO_MODEL", "voice", "", "", "",
                    "Silero VAD model (unset: $SWITCHBOARD_CACHE/models/silero_vad.onnx)", false),
            s("OPENAI_API_KEY", "voice", "", "", "", "OpenAI key for LLM (and STT/TTS) providers", true),
            s("DEEPGRAM_API_KEY", "voice", "", "", "", "Deepgram key for the streaming STT provider", true),
            s("ELEVENLABS_API_KEY", "voice", "", "", "", "ElevenLabs key for the streaming TTS provider", true));

    private Settings() {
    }

    /** Every setting, in catalog order. */
    public static List<Setting> all() {
        return ALL;
    }

    /** The setting named {@code name}, or empty. */
    public static Optional<Setting> find(String name) {
        return ALL.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /** The setting a flag of a command overrides ({@code ""} for a global flag), or empty. */
    public static Optional<Setting> forFlag(String command, String flag) {
        return ALL.stream().filter(s -> s.command().equals(command) && s.flag().equals(flag)).findFirst();
    }

    /**
     * Whether a variable that is not in the catalog looks secret by its name (it holds a secret, token,
     * password or key); such values are never shown or exported.
     */
    public static boolean looksSecret(String name) {
        return find(name).map(Setting::secret)
                .orElseGet(() -> name.matches(".*(SECRET|TOKEN|PASSWORD|PASSWD|_KEY|CREDENTIALS?).*"));
    }

    private static Setting s(String name, String group, String command, String flag, String def,
            String description, boolean secret) {
        return new Setting(name, group, command, flag, def, description, secret);
    }
}
