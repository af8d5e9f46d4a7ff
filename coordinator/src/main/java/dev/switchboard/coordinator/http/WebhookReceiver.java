package dev.switchboard.coordinator.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import dev.switchboard.coordinator.Switchboard;
import dev.switchboard.spi.Caller;
import dev.switchboard.spi.SwitchboardEvent;
import dev.switchboard.spi.TimeSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /webhooks/livekit}: reads the bounded body, verifies LiveKit's signature, parses the
 * event, drops duplicates (by event id, durably), then dispatches a new event to the event sink
 * ({@code livekit.<event>}), the workflow trigger declared for it, and the HTTP forwards. Answers
 * 200 {@code accepted} or {@code duplicate}; 401/400/413 with a reason otherwise. Thread-safe.
 */
final class WebhookReceiver implements AutoCloseable {

    /** The caller workflows started by webhook triggers run as. */
    static final Caller CALLER = Caller.of("webhook:livekit", "webhook");

    private static final Logger LOG = LoggerFactory.getLogger(WebhookReceiver.class);
    private static final Pattern EVENT = Pattern.compile("[a-z][a-z0-9_]{0,63}");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.:\\-]{1,128}");

    private final Switchboard switchboard;
    private final WebhookSettings settings;
    private final long maxBytes;
    private final TimeSource time;
    private final LiveKitWebhookVerifier verifier;
    private final SeenEventLog seen;
    private final WebhookForwarder forwarder;

    private WebhookReceiver(Switchboard switchboard, WebhookSettings settings, long maxBytes, TimeSource time,
            SeenEventLog seen) {
        this.switchboard = switchboard;
        this.settings = settings;
        this.maxBytes = maxBytes;
        this.time = time;
        this.verifier = new LiveKitWebhookVerifier(settings.keys(), settings.clockSkew(), time);
        this.seen = seen;
        this.forwarder = new WebhookForwarder(settings,
                new ParkedForwards(settings.stateDirectory().resolve("parked-forwards.jsonl")), time);
    }

    /** Opens the state folder and the seen-event log. */
    static WebhookReceiver open(Switchboard switchboard, WebhookSettings settings, long maxBytes, TimeSource time)
            throws IOException {
        Path dir = Files.createDirectories(settings.stateDirectory());
        SeenEventLog seen = SeenEventLog.open(dir.resolve("seen-events.log"), settings.dedupeWindow(),
                settings.dedupeMaxEntries(), settings.fsync(), time);
        return new WebhookReceiver(switchboard, settings, maxBytes, time, seen);
    }

    void receive(HttpExchange exchange, String requestId) throws IOException {
        byte[] body = Exchanges.readBody(exchange, maxBytes);
        String apiKey = verifier.verify(body, exchange.getRequestHeaders().getFirst("Authorization"));
        ObjectNode event = parse(body);
        String type = event.get("event").asText();
        String id = event.get("id").asText();
        ObjectNode answer = JsonBodies.MAPPER.createObjectNode().put("id", id).put("event", type);
        if (!seen.markIfNew(id)) {
            LOG.debug("webhook {} ({}) is a duplicate; dropped", id, type);
            Exchanges.sendJson(exchange, 200, answer.put("status", "duplicate"));
            return;
        }
        LOG.info("webhook {} {} verified (key {}), request {}", type, id, apiKey, requestId);
        dispatch(type, id, event, body);
        Exchanges.sendJson(exchange, 200, answer.put("status", "accepted"));
    }

    private void dispatch(String type, String id, ObjectNode event, byte[] body) {
        try {
            settings.eventSink().accept(new SwitchboardEvent("livekit." + type, "webhook", time.now(), event));
        } catch (RuntimeException e) {
            LOG.warn("webhook {} ({}): the event sink failed: {}", id, type, e.toString());
        }
        String workflow = settings.triggers().get(type);
        if (workflow != null) {
            switchboard.runAsync(workflow, event, CALLER).whenComplete((result, failure) -> {
                if (failure != null) {
                    LOG.warn("webhook {} ({}): workflow '{}' failed to run: {}", id, type, workflow,
                            failure.toString());
                } else {
                    LOG.info("webhook {} ({}): workflow '{}' {} as {}", id, type, workflow,
                            result.getClass().getSimpleName(), result.workflowId());
                }
            });
        }
        forwarder.submit(type, id, body);
    }

    private static ObjectNode parse(byte[] body) {
        ObjectNode event;
        try {
            event = JsonBodies.object(body);
        } catch (HttpError e) {
            throw HttpError.badRequest("malformed webhook event: " + e.getMessage(), "$");
        }
        JsonNode type = event.path("event");
        if (!type.isTextual() || !EVENT.matcher(type.asText()).matches()) {
            throw HttpError.badRequest("webhook event has no valid 'event' name", "$.event");
        }
        JsonNode id = event.path("id");
        if (!id.isTextual() || !ID.matcher(id.asText()).matches()) {
            throw HttpError.badRequest("webhook event has no valid 'id'", "$.id");
        }
        return event;
    }

    /** Deliveries to forwards still running. */
    int forwardsInFlight() {
        return forwarder.inFlight();
    }

    @Override
    public void close() {
        forwarder.close();
        seen.close();
    }
}
