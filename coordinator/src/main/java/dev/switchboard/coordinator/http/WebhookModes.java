package dev.switchboard.coordinator.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.coordinator.modes.ModeSection;
import dev.switchboard.spi.ConfigException;
import dev.switchboard.spi.Secrets;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the {@code [webhooks]} table of the modes into {@link WebhookSettings}:
 *
 * <pre>{@code
 * [webhooks]
 * state-directory = "var/webhooks"
 * keys = { APIdevkey = "${LIVEKIT_API_SECRET}" }
 * dedupe-window = "24h"
 * on.room_finished = "session-end"
 *
 * [[webhooks.forwards]]
 * name = "crm"
 * url = "https://crm.example.com/hooks/livekit"
 * secret = "${CRM_WEBHOOK_SECRET}"
 * events = ["room_finished"]
 * }</pre>
 *
 * Secrets are resolved by reference; errors name {@code file:line:key}, never a value. The event
 * sink is not part of the file: set it on the returned builder. Stateless, thread-safe.
 */
public final class WebhookModes {

    private static final Set<String> KEYS = Set.of("keys", "state-directory", "dedupe-window",
            "dedupe-max-entries", "fsync", "clock-skew", "on", "forwards", "forward-attempts", "forward-backoff",
            "forward-max-backoff", "forward-timeout");
    private static final Set<String> FORWARD_KEYS = Set.of("name", "url", "secret", "events");
    private static final Pattern DURATION = Pattern.compile("(\\d{1,9})(ms|s|m|h|d)");

    private WebhookModes() {
    }

    /**
     * A builder filled from the section.
     *
     * @throws ConfigException naming the key and the rule for every unknown key, wrong type or
     *     unresolvable secret reference
     */
    public static WebhookSettings.Builder read(ModeSection section, Secrets secrets) {
        ObjectNode tree = section.tree();
        for (Map.Entry<String, JsonNode> field : tree.properties()) {
            if (!KEYS.contains(field.getKey())) {
                throw section.invalid(field.getKey(),
                        "unknown key; expected one of " + KEYS.stream().sorted().toList());
            }
        }
        WebhookSettings.Builder b = WebhookSettings.builder();
        table(section, tree, "keys").properties().forEach(e ->
                b.key(e.getKey(), secrets.resolve(text(section, e.getValue(), "keys." + e.getKey()))));
        if (tree.has("state-directory")) {
            b.stateDirectory(Path.of(text(section, tree.get("state-directory"), "state-directory")));
        }
        durationIfPresent(section, tree, "dedupe-window").ifPresent(b::dedupeWindow);
        durationIfPresent(section, tree, "clock-skew").ifPresent(b::clockSkew);
        durationIfPresent(section, tree, "forward-backoff").ifPresent(b::forwardBackoff);
        durationIfPresent(section, tree, "forward-max-backoff").ifPresent(b::forwardMaxBackoff);
        durationIfPresent(section, tree, "forward-timeout").ifPresent(b::forwardTimeout);
        if (tree.has("dedupe-max-entries")) {
            b.dedupeMaxEntries(positive(section, tree.get("dedupe-max-entries"), "dedupe-max-entries"));
        }
        if (tree.has("forward-attempts")) {
            b.forwardAttempts(positive(section, tree.get("forward-attempts"), "forward-attempts"));
        }
        if (tree.has("fsync")) {
            if (!tree.get("fsync").isBoolean()) {
                throw section.invalid("fsync", "must be true or false");
            }
            b.fsync(tree.get("fsync").asBoolean());
        }
        table(section, tree, "on").properties().forEach(e ->
                b.trigger(e.getKey(), text(section, e.getValue(), "on." + e.getKey())));
        JsonNode forwards = tree.path("forwards");
        if (!forwards.isMissingNode() && !forwards.isArray()) {
            throw section.invalid("forwards", "must be an array of tables ([[webhooks.forwards]])");
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < forwards.size(); i++) {
            WebhookForward forward = forward(section, forwards.get(i), "forwards[" + i + "]", secrets);
            if (!names.add(forward.name())) {
                throw section.invalid("forwards[" + i + "].name", "the name '" + forward.name() + "' is used twice");
            }
            b.forward(forward);
        }
        if (!tree.path("keys").isEmpty() && !tree.has("state-directory")) {
            throw section.invalid("state-directory", "is required when keys are set (seen event ids live there)");
        }
        return b;
    }

    private static WebhookForward forward(ModeSection section, JsonNode node, String at, Secrets secrets) {
        if (!(node instanceof ObjectNode table)) {
            throw section.invalid(at, "must be a table");
        }
        for (Map.Entry<String, JsonNode> field : table.properties()) {
            if (!FORWARD_KEYS.contains(field.getKey())) {
                throw section.invalid(at + "." + field.getKey(), "unknown key; expected one of "
                        + FORWARD_KEYS.stream().sorted().toList());
            }
        }
        String name = text(section, table.path("name"), at + ".name");
        String url = text(section, table.path("url"), at + ".url");
        Set<String> events = new HashSet<>();
        JsonNode list = table.path("events");
        if (!list.isMissingNode() && !list.isArray()) {
            throw section.invalid(at + ".events", "must be an array of event names");
        }
        for (int i = 0; i < list.size(); i++) {
            events.add(text(section, list.get(i), at + ".events[" + i + "]"));
        }
        try {
            return new WebhookForward(name, new URI(url), secrets.resolve(text(section, table.path("secret"),
                    at + ".secret")), events);
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw section.invalid(at + ".url", "not a usable http(s) URL: " + e.getMessage());
        }
    }

    private static ObjectNode table(ModeSection section, ObjectNode tree, String key) {
        JsonNode node = tree.path(key);
        if (node.isMissingNode()) {
            return tree.objectNode();
        }
        if (node instanceof ObjectNode object) {
            return object;
        }
        throw section.invalid(key, "must be a table");
    }

    private static String text(ModeSection section, JsonNode node, String key) {
        if (!node.isTextual() || node.asText().isBlank()) {
            throw section.invalid(key, node.isMissingNode() ? "is required" : "must be a non-empty string");
        }
        return node.asText();
    }

    private static int positive(ModeSection section, JsonNode node, String key) {
        if (!node.canConvertToInt() || !node.isIntegralNumber() || node.asInt() < 1) {
            throw section.invalid(key, "must be a positive integer");
        }
        return node.asInt();
    }

    private static java.util.Optional<Duration> durationIfPresent(ModeSection section, ObjectNode tree, String key) {
        if (!tree.has(key)) {
            return java.util.Optional.empty();
        }
        Matcher m = DURATION.matcher(tree.get(key).asText(""));
        if (!tree.get(key).isTextual() || !m.matches() || Long.parseLong(m.group(1)) == 0) {
            throw section.invalid(key,
                    "must be a positive duration like \"500ms\", \"10s\", \"5m\", \"24h\" or \"7d\"");
        }
        long n = Long.parseLong(m.group(1));
        return java.util.Optional.of(switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        });
    }
}
