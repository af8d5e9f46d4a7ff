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
        Path model = Path.of(expand(config.value("SWITCHBOARD_VAD_MODEL").orElse("")));
        if (Files.isRegularFile(model) && Files.isReadable(model)) {
            return DoctorCheck.ok("vad-model", model.toString());
        }
        return DoctorCheck.warn("vad-model", model + " is missing (voice agents need it; the control plane does not)",
                "run scripts/setup.sh to install the Silero VAD model, or set SWITCHBOARD_VAD_MODEL to a "
                        + "silero_vad.onnx file");
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
