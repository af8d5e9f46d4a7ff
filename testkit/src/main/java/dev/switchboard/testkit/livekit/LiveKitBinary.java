package dev.switchboard.testkit.livekit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Finds the {@code livekit-server} binary the way {@code scripts/livekit-server-path} does:
 * environment variable {@value #ENV_BIN}, then the setup cache
 * ({@code $SWITCHBOARD_CACHE/livekit-server-v1.13.5/livekit-server}, cache defaulting to
 * {@code ~/.cache/switchboard}), then {@code livekit-server} on {@code PATH}. Stateless, thread-safe.
 */
public final class LiveKitBinary {

    /** The livekit-server version the setup installs and the tests expect. */
    public static final String VERSION = "1.13.5";
    /** Environment variable naming an explicit binary; wins over the cache and PATH. */
    public static final String ENV_BIN = "SWITCHBOARD_LIVEKIT_BIN";

    private LiveKitBinary() {
    }

    /** The binary for this process's environment, or empty when none is found. */
    public static Optional<Path> find() {
        return find(System.getenv(), Path.of(System.getProperty("user.home")));
    }

    /**
     * The binary for this process's environment.
     *
     * @throws LiveKitUnavailableException naming every place looked at and how to install it
     */
    public static Path require() {
        return require(System.getenv(), Path.of(System.getProperty("user.home")));
    }

    static Optional<Path> find(Map<String, String> env, Path home) {
        String explicit = env.getOrDefault(ENV_BIN, "");
        if (!explicit.isEmpty()) {
            Path p = Path.of(explicit);
            return Files.isExecutable(p) && Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
        }
        Path cached = cachePath(env, home);
        if (Files.isExecutable(cached)) {
            return Optional.of(cached);
        }
        String path = env.getOrDefault("PATH", "");
        for (String dir : path.split(Pattern.quote(java.io.File.pathSeparator))) {
            if (!dir.isEmpty()) {
                Path candidate = Path.of(dir, "livekit-server");
                if (Files.isExecutable(candidate) && Files.isRegularFile(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    static Path require(Map<String, String> env, Path home) {
        Optional<Path> found = find(env, home);
        if (found.isPresent()) {
            return found.get();
        }
        String explicit = env.getOrDefault(ENV_BIN, "");
        if (!explicit.isEmpty()) {
            throw new LiveKitUnavailableException(
                    ENV_BIN + "=" + explicit + " is not an executable file; point it at a livekit-server "
                            + VERSION + " binary or unset it");
        }
        throw new LiveKitUnavailableException("livekit-server not found: looked at $" + ENV_BIN + " (unset), "
                + cachePath(env, home) + " and PATH. Install it with scripts/setup.sh (builds v" + VERSION
                + " with 'go install'), or set " + ENV_BIN + "; set SWITCHBOARD_SKIP_LIVEKIT=1 to skip the "
                + "tests that need it");
    }

    /** Where {@code scripts/setup.d/20-livekit.sh} installs the binary. */
    static Path cachePath(Map<String, String> env, Path home) {
        String cache = env.getOrDefault("SWITCHBOARD_CACHE", "");
        Path root = cache.isEmpty() ? home.resolve(".cache/switchboard") : Path.of(cache);
        return root.resolve("livekit-server-v" + VERSION).resolve("livekit-server");
    }
}
