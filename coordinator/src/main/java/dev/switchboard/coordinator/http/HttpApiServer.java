package dev.switchboard.coordinator.http;

import com.sun.net.httpserver.HttpServer;
import dev.switchboard.coordinator.Switchboard;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The JDK {@link HttpServer} behind {@link HttpApi}, one virtual thread per exchange. Thread-safe. */
final class HttpApiServer implements HttpApi {

    private static final Logger LOG = LoggerFactory.getLogger(HttpApiServer.class);

    private final HttpServer server;
    private final ExecutorService executor;
    private final Optional<WebhookReceiver> webhooks;
    private final HttpSettings settings;
    private final AtomicBoolean closed = new AtomicBoolean();

    private HttpApiServer(HttpServer server, ExecutorService executor, Optional<WebhookReceiver> webhooks,
            HttpSettings settings) {
        this.server = server;
        this.executor = executor;
        this.webhooks = webhooks;
        this.settings = settings;
    }

    static HttpApiServer start(Switchboard switchboard, HttpSettings settings) {
        Optional<WebhookReceiver> webhooks = Optional.empty();
        try {
            if (settings.webhooks().enabled()) {
                webhooks = Optional.of(WebhookReceiver.open(switchboard, settings.webhooks(),
                        settings.maxRequestBytes(), settings.time()));
            }
        } catch (IOException e) {
            throw new HttpApiException("cannot open the webhook state in " + settings.webhooks().stateDirectory()
                    + ": " + e.getMessage(), e);
        }
        InetSocketAddress address = new InetSocketAddress(settings.bindAddress(), settings.port());
        HttpServer server;
        try {
            server = HttpServer.create(address, 128);
        } catch (IOException e) {
            webhooks.ifPresent(WebhookReceiver::close);
            throw new HttpApiException("cannot bind the HTTP API to " + settings.bindAddress() + ":"
                    + settings.port() + ": " + e.getMessage(), e);
        }
        ExecutorService executor = Executors.newThreadPerTaskExecutor(
                Thread.ofVirtual().name("switchboard-http-", 0).factory());
        server.setExecutor(executor);
        server.createContext("/", new ApiHandler(settings, new OperationEndpoints(switchboard, settings),
                new InfoEndpoints(switchboard, settings), webhooks,
                new PlaygroundEndpoints(switchboard, settings.playground())));
        server.start();
        HttpApiServer api = new HttpApiServer(server, executor, webhooks, settings);
        LOG.info("HTTP API listening on {} ({} API key(s), webhooks {})", api.address(),
                settings.apiKeys().size(), webhooks.isPresent() ? "on" : "off");
        return api;
    }

    @Override
    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public InetSocketAddress address() {
        return server.getAddress();
    }

    /** The webhook receiver, when enabled (for tests in this package). */
    Optional<WebhookReceiver> webhooks() {
        return webhooks;
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        int drain = (int) Math.max(0, Math.min(Integer.MAX_VALUE, settings.drainTimeout().toSeconds()));
        server.stop(drain);
        executor.shutdownNow();
        webhooks.ifPresent(WebhookReceiver::close);
        LOG.info("HTTP API on port {} stopped", server.getAddress().getPort());
    }
}
