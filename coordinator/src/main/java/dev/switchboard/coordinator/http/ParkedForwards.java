package dev.switchboard.coordinator.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Forward deliveries that kept failing, appended one JSON object per line to
 * {@code parked-forwards.jsonl} (forward, url, eventId, event, attempts, lastError, parkedAt) so an
 * operator can inspect and replay them. Thread-safe.
 */
final class ParkedForwards {

    private static final Logger LOG = LoggerFactory.getLogger(ParkedForwards.class);

    private final Path file;
    private final ReentrantLock lock = new ReentrantLock();

    ParkedForwards(Path file) {
        this.file = file;
    }

    void park(WebhookForward forward, String eventId, byte[] body, int attempts, String lastError, Instant at) {
        ObjectNode entry = JsonBodies.MAPPER.createObjectNode();
        entry.put("forward", forward.name());
        entry.put("url", forward.url().toString());
        entry.put("eventId", eventId);
        entry.put("attempts", attempts);
        entry.put("lastError", lastError);
        entry.put("parkedAt", at.toString());
        try {
            entry.set("event", JsonBodies.MAPPER.readTree(body));
            byte[] line = (JsonBodies.MAPPER.writeValueAsString(entry) + "\n").getBytes(StandardCharsets.UTF_8);
            lock.lock();
            try (FileOutputStream out = new FileOutputStream(file.toFile(), true)) {
                out.write(line);
                out.getFD().sync();
            } finally {
                lock.unlock();
            }
            LOG.warn("webhook forward '{}' parked event {} after {} attempt(s): {}", forward.name(), eventId,
                    attempts, lastError);
        } catch (IOException e) {
            LOG.error("webhook forward '{}': cannot park event {} in {}: {}", forward.name(), eventId, file,
                    e.toString());
        }
    }

    /** Every parked delivery, oldest first; unreadable lines are skipped. */
    List<JsonNode> list() throws IOException {
        List<JsonNode> out = new ArrayList<>();
        if (!Files.exists(file)) {
            return out;
        }
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            try {
                out.add(JsonBodies.MAPPER.readTree(line));
            } catch (IOException e) {
                LOG.warn("{}: skipping an unreadable line", file);
            }
        }
        return out;
    }
}
