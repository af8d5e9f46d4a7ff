package dev.switchboard.coordinator.cli;

import dev.switchboard.coordinator.config.EffectiveConfig;
import dev.switchboard.testkit.livekit.LiveKitBinary;
import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The doctor's checks that need no network: JDK, binary, model file, provider keys, ports. Reads only
 * the effective configuration; never prints a secret value. Not thread-safe.
 */
final class DoctorChecks {

    private static final List<String> PROVIDER_KEYS = List.of("OPENAI_API_KEY", "DEEPGRAM_API_KEY",
            "ELEVENLABS_API_KEY");

    /** The model the voice module pins (SileroModelFile.SHA256) and the script that installs it. */
    private static final String SILERO_SHA256 = "1a153a22f4509e292a94e67d6f9b85e8deb25b4988682b7e174c65279d8788e3";
    private static final String SILERO_SETUP = "scripts/setup.d/50-silero-model.sh";

    private final EffectiveConfig config;

    DoctorChecks(EffectiveConfig config) {
        this.config = config;
    }

    DoctorCheck jdk() {
        int feature = Runtime.version().feature();
        String detail = "Java " + Runtime.version() + " (" + System.getProperty("java.vendor", "?") + ")";
        return feature >= 21 ? DoctorCheck.ok("jdk", detail)
                : DoctorCheck.fail("jdk", detail,
                        "run with a JDK 21 or newer (./switchboard picks one via scripts/jdk.sh)");
    }

    DoctorCheck liveKitBinary(boolean remoteServer) {
        Optional<Path> found = findBinary();
        if (found.isPresent()) {
            return DoctorCheck.ok("livekit-server-binary", found.get().toString());
        }
        String fix = "run scripts/setup.sh (installs livekit-server v" + LiveKitBinary.VERSION
                + " into the cache) or set SWITCHBOARD_LIVEKIT_BIN";
        String detail = "not found in $SWITCHBOARD_LIVEKIT_BIN, " + cacheBinary() + " or PATH";
        return remoteServer ? DoctorCheck.warn("livekit-server-binary", detail + " (only serve's local dev server "
                + "needs it; LIVEKIT_URL is set)", fix) : DoctorCheck.fail("livekit-server-binary", detail, fix);
    }

    DoctorCheck vadModel() {
        String explicit = config.value("SWITCHBOARD_SILERO_MODEL").orElse("");
        Path model = explicit.isBlank() ? Path.of(expand("${SWITCHBOARD_CACHE}")).resolve("models/silero_vad.onnx")
                : Path.of(expand(explicit));
        String fix = "run " + SILERO_SETUP + " (downloads the pinned model), or set SWITCHBOARD_SILERO_MODEL to "
                + "a silero_vad.onnx file";
        if (!Files.isRegularFile(model) || !Files.isReadable(model)) {
            return DoctorCheck.warn("vad-model", model + " is missing (voice agents need it; the control plane "
                    + "does not)", fix);
        }
        String digest = sha256(model);
        return SILERO_SHA256.equals(digest) ? DoctorCheck.ok("vad-model", model + " (SHA-256 as pinned)")
                : DoctorCheck.warn("vad-model", model + " has SHA-256 " + digest + ", not the pinned "
                        + SILERO_SHA256, "delete it and " + fix);
    }

    private static String sha256(Path file) {
        try (var in = Files.newInputStream(file)) {
            var md = java.security.MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[65_536];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                md.update(buffer, 0, n);
            }
            return java.util.HexFormat.of().formatHex(md.digest());
        } catch (IOException | java.security.NoSuchAlgorithmException e) {
            return "unreadable (" + e.getClass().getSimpleName() + ")";
        }
    }

    List<DoctorCheck> providerKeys() {
        List<DoctorCheck> out = new ArrayList<>();
        for (String name : PROVIDER_KEYS) {
            boolean set = config.value(name).isPresent();
            out.add(set ? DoctorCheck.ok("provider-key", name + " is set")
                    : DoctorCheck.warn("provider-key", name + " is not set (needed only by agents using that provider)",
                            "export " + name + "=... (or put it in the settings file, mode 0600)"));
        }
        return out;
    }

    List<DoctorCheck> ports(boolean localLiveKit) {
        List<DoctorCheck> out = new ArrayList<>();
        String bind = config.value("SWITCHBOARD_BIND").orElse("127.0.0.1");
        out.add(port("http-port", bind, config.value("SWITCHBOARD_HTTP_PORT").orElse("8080"), true,
                "SWITCHBOARD_HTTP_PORT or serve --port"));
        if (localLiveKit) {
            String lk = config.value("SWITCHBOARD_LIVEKIT_PORT").orElse("7880");
            out.add(port("livekit-port", "127.0.0.1", lk, false, "SWITCHBOARD_LIVEKIT_PORT or serve --livekit-port"));
        }
        return out;
    }

    private static DoctorCheck port(String name, String host, String value, boolean required, String setting) {
        int port;
        try {
            port = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            return DoctorCheck.fail(name, "'" + value + "' is not a port number", "set " + setting + " to 1-65535");
        }
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(host, port));
            return DoctorCheck.ok(name, host + ":" + port + " is free");
        } catch (IOException e) {
            String detail = host + ":" + port + " is in use or cannot be bound";
            String fix = "stop what listens there (ss -ltnp 'sport = :" + port + "') or choose another with " + setting;
            return required ? DoctorCheck.fail(name, detail, fix)
                    : DoctorCheck.warn(name, detail + " (serve then picks free ports)", fix);
        }
    }

    private Optional<Path> findBinary() {
        String explicit = config.value("SWITCHBOARD_LIVEKIT_BIN").orElse("");
        if (!explicit.isEmpty()) {
            Path p = Path.of(explicit);
            return Files.isRegularFile(p) && Files.isExecutable(p) ? Optional.of(p) : Optional.empty();
        }
        if (Files.isExecutable(cacheBinary())) {
            return Optional.of(cacheBinary());
        }
        for (String dir : config.environment().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "livekit-server"))) {
                return Optional.of(Path.of(dir, "livekit-server"));
            }
        }
        return Optional.empty();
    }

    private Path cacheBinary() {
        return Path.of(expand("${SWITCHBOARD_CACHE}")).resolve("livekit-server-v" + LiveKitBinary.VERSION)
                .resolve("livekit-server");
    }

    /** Expands {@code ${SWITCHBOARD_CACHE}} and a leading {@code ~}. */
    private String expand(String value) {
        String cache = config.value("SWITCHBOARD_CACHE").orElse("~/.cache/switchboard");
        String v = value.replace("${SWITCHBOARD_CACHE}", cache);
        return v.startsWith("~/") ? System.getProperty("user.home") + v.substring(1) : v;
    }
}
