package dev.switchboard.coordinator.http;

import dev.switchboard.spi.Secret;
import java.net.URI;
import java.util.Objects;
import java.util.Set;

/**
 * An outgoing HTTP forward of verified LiveKit webhook events. Each delivery is a {@code POST} of
 * the original event JSON signed with {@code X-Switchboard-Signature: t=<unix seconds>,v1=<hex
 * HMAC-SHA256 of "t.body">} under {@code signingSecret}. Immutable.
 *
 * @param name a short name for logs and the parked list
 * @param url where to POST ({@code http} or {@code https})
 * @param signingSecret the HMAC key shared with the receiver
 * @param events event names to forward ({@code room_finished}); empty forwards every event
 */
public record WebhookForward(String name, URI url, Secret signingSecret, Set<String> events) {

    /** Validates and copies. */
    public WebhookForward {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(signingSecret, "signingSecret");
        events = Set.copyOf(events);
        String scheme = url.getScheme();
        if (!"http".equals(scheme) && !"https".equals(scheme)) {
            throw new IllegalArgumentException("forward '" + name + "': url must be http or https, got " + url);
        }
    }

    /** Whether this forward takes events named {@code event}. */
    public boolean accepts(String event) {
        return events.isEmpty() || events.contains(event);
    }
}
