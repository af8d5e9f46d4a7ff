package dev.switchboard.coordinator.cli;

import dev.switchboard.coordinator.Switchboard;
import dev.switchboard.coordinator.SwitchboardBuilder;
import dev.switchboard.coordinator.http.ApiKey;
import dev.switchboard.coordinator.http.HttpApi;
import dev.switchboard.coordinator.http.HttpSettings;
import dev.switchboard.coordinator.http.PlaygroundSettings;
import dev.switchboard.coordinator.http.WebhookModes;
import dev.switchboard.coordinator.http.WebhookSettings;
import dev.switchboard.coordinator.internal.ReferenceSecrets;
import dev.switchboard.coordinator.modes.ModeRegistry;
import dev.switchboard.spi.Secret;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code switchboard serve}: the main job. Starts a local {@code livekit-server} when no
 * {@code LIVEKIT_URL} is set (webhooks pointed back here), builds the coordinator over the plugins
 * folder, and serves the HTTP API until the process is stopped. Dev credentials go to
 * {@code DATA/dev.env} (owner-only), never to the terminal. Not thread-safe.
 */
@Command(name = "serve", description = "Serve the HTTP API (and start a local LiveKit dev server when needed).")
final class ServeCommand implements Callable<Integer> {

    @ParentCommand
    private Main main;

    @Option(names = "--port", defaultValue = "8080", description = "HTTP port (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--bind", defaultValue = "127.0.0.1", description = "Address to bind (default: ${DEFAULT-VALUE}).")
    String bind;

    @Option(names = "--livekit-port", defaultValue = "7880",
            description = "Port of the local LiveKit dev server, when one is started (default: ${DEFAULT-VALUE}).")
    int livekitPort;

    @Option(names = "--data", defaultValue = "data",
            description = "Folder for the journal, webhook state and dev.env (default: ${DEFAULT-VALUE}).")
    Path data;

    @Override
    public Integer call() throws Exception {
        Files.createDirectories(data);
        Map<String, String> env = new LinkedHashMap<>(main.env());
        DevLiveKit dev = null;
        if (env.getOrDefault("LIVEKIT_URL", "").isBlank()) {
            dev = DevLiveKit.start(livekitPort, port, DevLiveKit.network(env));
            env.putAll(dev.environment());
        }
        env.putIfAbsent("SWITCHBOARD_API_KEY", "sbk_" + HexFormat.of().formatHex(SecureRandom.getSeed(16)));
        Map<String, String> exported = new LinkedHashMap<>();
        for (String k : new String[] {"LIVEKIT_URL", "LIVEKIT_API_KEY", "LIVEKIT_API_SECRET", "SWITCHBOARD_API_KEY"}) {
            Optional.ofNullable(env.get(k)).ifPresent(v -> exported.put(k, v));
        }
        DevEnvFile.write(data.resolve("dev.env"), exported);

        PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        SwitchboardBuilder builder = main.builder(true, env).meterRegistry(meters);
        if (main.journalFile().isEmpty()) {
            builder.journal(data.resolve("journal.log")).journalProgress(new JournalProgressLine(main.progress()));
        }
        Switchboard switchboard;
        HttpApi api;
        try {
            switchboard = builder.build();
        } catch (RuntimeException e) {
            closeQuietly(dev);
            throw e;
        } finally {
            main.progress().stop();
        }
        try {
            Secret apiKey = Secret.of("${SWITCHBOARD_API_KEY}", env.get("SWITCHBOARD_API_KEY"));
            api = HttpApi.start(switchboard, HttpSettings.builder().bindAddress(bind).port(port)
                    .apiKey(ApiKey.of("operator", apiKey, "ops", "admin"))
                    .metricsScrape(meters::scrape)
                    .webhooks(webhooks(env))
                    .playground(playground(env, dev))
                    .build());
        } catch (RuntimeException e) {
            switchboard.close();
            closeQuietly(dev);
            throw e;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        DevLiveKit devServer = dev;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            api.close();
            switchboard.close();
            if (devServer != null) {
                devServer.close();
            }
            stopped.countDown();
        }, "switchboard-serve-shutdown"));
        if (devServer != null) {
            PlaygroundAgent.start(switchboard, env, devServer.network(), System.err);
        }
        announce(api, env, devServer);
        stopped.await();
        return ExitCodes.OK;
    }

    /** The browser playground, on when serve started its own LiveKit server (local development). */
    private static PlaygroundSettings playground(Map<String, String> env, DevLiveKit dev) {
        if (dev == null) {
            return PlaygroundSettings.disabled();
        }
        Path web = Path.of(env.getOrDefault("SWITCHBOARD_WEB",
                env.getOrDefault("SWITCHBOARD_HOME", ".") + "/web/playground"));
        return PlaygroundSettings.of(web, dev.server().wsUrl().toString(),
                env.getOrDefault("SWITCHBOARD_PLAYGROUND_ROOM", "playground"),
                env.getOrDefault("SWITCHBOARD_PLAYGROUND_AGENT", ""));
    }

    private static void closeQuietly(DevLiveKit dev) {
        if (dev != null) {
            dev.close();
        }
    }

    private WebhookSettings webhooks(Map<String, String> env) {
        ReferenceSecrets secrets = new ReferenceSecrets(env);
        WebhookSettings.Builder b = main.modesFolder().map(ModeRegistry::load).orElseGet(ModeRegistry::builtins)
                .section("webhooks").map(s -> WebhookModes.read(s, secrets))
                .orElseGet(WebhookSettings::builder);
        String key = env.get("LIVEKIT_API_KEY");
        if (key != null && !key.isBlank()) {
            b.key(key, secrets.resolve("${LIVEKIT_API_SECRET}"));
        }
        return b.stateDirectory(data.resolve("webhooks")).build();
    }

    private void announce(HttpApi api, Map<String, String> env, DevLiveKit dev) {
        var err = System.err;
        if (dev != null) {
            err.println("switchboard: started livekit-server " + dev.server().wsUrl() + " (API key "
                    + env.get("LIVEKIT_API_KEY") + "; its secret is in " + data.resolve("dev.env") + ")");
        } else {
            err.println("switchboard: using LiveKit at " + env.get("LIVEKIT_URL"));
        }
        err.println("switchboard: HTTP API on http://" + bind + ":" + api.port()
                + "  (GET /health, /metrics, /openapi.json; POST /v1/operations/{op}; LiveKit webhooks at"
                + " /webhooks/livekit)");
        if (dev != null) {
            err.println("switchboard: talk to the agent in a browser: http://" + bind + ":" + api.port()
                    + "/playground/");
        }
        err.println("switchboard: credentials for other shells: source " + data.resolve("dev.env"));
        err.println("switchboard: try: ./switchboard run room.create --param name=demo   (after sourcing it)");
        err.println("switchboard: ready; Ctrl-C stops it");
    }
}
