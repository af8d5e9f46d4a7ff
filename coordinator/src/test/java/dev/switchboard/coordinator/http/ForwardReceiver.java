package dev.switchboard.coordinator.http;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP server on loopback standing in for a forward's receiver: answers 500 to the first
 * {@code failures} deliveries, 200 afterwards, and records what it got. Thread-safe.
 */
final class ForwardReceiver implements AutoCloseable {

    record Delivery(Map<String, String> headers, byte[] body, int status) {
    }

    final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    private final AtomicInteger remainingFailures;
    private final HttpServer server;

    ForwardReceiver(int failures) {
        this.remainingFailures = new AtomicInteger(failures);
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            int status = remainingFailures.getAndDecrement() > 0 ? 500 : 200;
            Map<String, String> headers = Map.of(
                    "signature", String.valueOf(exchange.getRequestHeaders().getFirst("X-Switchboard-Signature")),
                    "event", String.valueOf(exchange.getRequestHeaders().getFirst("X-Switchboard-Event")),
                    "eventId", String.valueOf(exchange.getRequestHeaders().getFirst("X-Switchboard-Event-Id")));
            deliveries.add(new Delivery(headers, body, status));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hook");
    }

    long succeeded() {
        return deliveries.stream().filter(d -> d.status() == 200).count();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
