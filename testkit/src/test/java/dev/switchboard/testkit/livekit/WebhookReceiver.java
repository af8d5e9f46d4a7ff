package dev.switchboard.testkit.livekit;

import com.sun.net.httpserver.HttpServer;
import dev.switchboard.spi.Json;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A tiny HTTP endpoint that records webhook deliveries, for the launcher's tests. */
final class WebhookReceiver implements AutoCloseable {

    record Delivery(String authorization, String body) {
    }

    private final HttpServer server;
    private final BlockingQueue<Delivery> deliveries = new LinkedBlockingQueue<>();

    private WebhookReceiver(HttpServer server) {
        this.server = server;
    }

    static WebhookReceiver start(String bindAddress) throws IOException {
        HttpServer http = HttpServer.create(new InetSocketAddress(bindAddress, 0), 0);
        WebhookReceiver receiver = new WebhookReceiver(http);
        http.createContext("/webhook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            receiver.deliveries.add(new Delivery(auth == null ? "" : auth, body));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        http.start();
        return receiver;
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** The first delivery whose body names {@code event}, waiting up to {@code timeout}. */
    Delivery await(String event, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Delivery d = deliveries.poll(100, TimeUnit.MILLISECONDS);
            if (d != null && d.body().contains("\"" + event + "\"")) {
                return d;
            }
        }
        throw new AssertionError("no " + event + " webhook within " + timeout);
    }

    /** The {@code iss} claim of a JWT (the API key that signed the webhook). */
    static String issuer(String jwt) throws IOException {
        String token = jwt.startsWith("Bearer ") ? jwt.substring(7) : jwt;
        byte[] claims = Base64.getUrlDecoder().decode(token.split("\\.")[1]);
        return Json.mapper().readTree(claims).path("iss").asText();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
