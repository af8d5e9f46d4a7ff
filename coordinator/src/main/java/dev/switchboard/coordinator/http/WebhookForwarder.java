package dev.switchboard.coordinator.http;

import dev.switchboard.spi.TimeSource;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers verified events to the configured forwards, each on its own virtual thread: POST of the
 * original body signed with {@code X-Switchboard-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of
 * "t.body">}; any non-2xx answer or I/O error is retried with exponential backoff and, after the last
 * attempt, parked. {@link #close()} parks deliveries still waiting so nothing is lost. Thread-safe.
 */
final class WebhookForwarder implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookForwarder.class);

    private final List<WebhookForward> forwards;
    private final WebhookSettings settings;
    private final ParkedForwards parked;
    private final TimeSource time;
    private final HttpClient client;
    private final Set<Thread> running = ConcurrentHashMap.newKeySet();
    private final AtomicLong sequence = new AtomicLong();
    private volatile boolean closing;

    WebhookForwarder(WebhookSettings settings, ParkedForwards parked, TimeSource time) {
        this.forwards = settings.forwards();
        this.settings = settings;
        this.parked = parked;
        this.time = time;
        this.client = HttpClient.newBuilder().connectTimeout(settings.forwardTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Starts delivering one event to every forward that accepts {@code event}. */
    void submit(String event, String eventId, byte[] body) {
        for (WebhookForward forward : forwards) {
            if (forward.accepts(event) && !closing) {
                Thread thread = Thread.ofVirtual().name("webhook-forward-" + sequence.incrementAndGet())
                        .unstarted(() -> deliver(forward, event, eventId, body));
                running.add(thread);
                thread.start();
            }
        }
    }

    private void deliver(WebhookForward forward, String event, String eventId, byte[] body) {
        try {
            String lastError = "not attempted";
            Duration backoff = settings.forwardBackoff();
            for (int attempt = 1; attempt <= settings.forwardAttempts(); attempt++) {
                if (closing) {
                    parked.park(forward, eventId, body, attempt - 1, "shutdown before delivery; last error: "
                            + lastError, time.now());
                    return;
                }
                lastError = attemptOnce(forward, event, eventId, body);
                if (lastError.isEmpty()) {
                    return;
                }
                LOG.info("webhook forward '{}' attempt {} for event {} failed: {}", forward.name(), attempt,
                        eventId, lastError);
                if (attempt < settings.forwardAttempts() && !sleep(backoff)) {
                    parked.park(forward, eventId, body, attempt, "shutdown before retry; last error: "
                            + lastError, time.now());
                    return;
                }
                backoff = min(backoff.multipliedBy(2), settings.forwardMaxBackoff());
            }
            parked.park(forward, eventId, body, settings.forwardAttempts(), lastError, time.now());
        } finally {
            running.remove(Thread.currentThread());
        }
    }

    /** One delivery; the empty string on success, else what went wrong. */
    private String attemptOnce(WebhookForward forward, String event, String eventId, byte[] body) {
        long t = time.now().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(forward.url())
                .timeout(settings.forwardTimeout())
                .header("Content-Type", "application/json")
                .header("X-Switchboard-Event", event)
                .header("X-Switchboard-Event-Id", eventId)
                .header("X-Switchboard-Signature", signature(forward, t, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        try {
            HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
            int status = response.statusCode();
            return status >= 200 && status < 300 ? "" : "HTTP " + status;
        } catch (IOException e) {
            return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    /** {@code t=<t>,v1=<hex HMAC-SHA256(secret, "<t>." + body)>}. */
    static String signature(WebhookForward forward, long t, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(forward.signingSecret().reveal().getBytes(
                    java.nio.charset.StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((t + ".").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            return "t=" + t + ",v1=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }

    private boolean sleep(Duration duration) {
        try {
            Thread.sleep(duration);
            return !closing;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** Deliveries still running (for tests and diagnostics). */
    int inFlight() {
        return running.size();
    }

    /** Interrupts waiting deliveries (they park themselves) and waits briefly for them. */
    @Override
    public void close() {
        closing = true;
        for (Thread thread : running) {
            thread.interrupt();
        }
        for (Thread thread : running) {
            try {
                thread.join(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        client.close();
    }
}
