package dev.switchboard.media.voice.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.media.voice.spi.ToolSpec;
import dev.switchboard.media.voice.tools.Tool;
import dev.switchboard.media.voice.tools.WebhookTool;
import dev.switchboard.spi.ConfigException;
import dev.switchboard.spi.Secret;
import dev.switchboard.spi.Secrets;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads {@code [tools.<name>]} tables into {@link WebhookTool}s. Not thread-safe (one load). */
final class WebhookTools {

    private static final List<String> TYPES = List.of("string", "integer", "number", "boolean");
    private final AgentDefinitions.Problems problems;
    private final Secrets secrets;

    WebhookTools(AgentDefinitions.Problems problems, Secrets secrets) {
        this.problems = problems;
        this.secrets = secrets;
    }

    Map<String, Tool> parse(Map<String, JsonNode> tables) {
        Map<String, Tool> out = new LinkedHashMap<>();
        tables.forEach((name, t) -> one(name, t).ifPresent(tool -> out.put(name, tool)));
        return out;
    }

    private Optional<Tool> one(String name, JsonNode t) {
        String path = "tools." + name;
        problems.onlyKeys(t, path, List.of("description", "url", "secret", "timeout-ms", "parameters"));
        boolean ok = true;
        if (!name.matches("[a-zA-Z0-9_-]{1,64}")) {
            problems.add(path, "tool names must match [a-zA-Z0-9_-]{1,64}");
            ok = false;
        }
        String description = problems.string(t, path, "description").orElse("");
        if (description.isBlank()) {
            problems.add(path + ".description", "is required (the model reads it)");
            ok = false;
        }
        Optional<URI> url = problems.string(t, path, "url").flatMap(u -> uri(path + ".url", u));
        if (url.isEmpty() && !t.has("url")) {
            problems.add(path + ".url", "is required");
        }
        Optional<Secret> secret = problems.string(t, path, "secret").flatMap(ref -> {
            try {
                return Optional.of(secrets.resolve(ref));
            } catch (ConfigException e) {
                problems.add(path + ".secret", "cannot resolve " + ref + ": " + e.getMessage());
                return Optional.empty();
            }
        });
        if (secret.isEmpty() && !t.has("secret")) {
            problems.add(path + ".secret", "is required (a reference such as \"${TOOL_SECRET}\"; requests are signed)");
        }
        long timeout = 10_000;
        if (t.has("timeout-ms")) {
            JsonNode n = t.get("timeout-ms");
            if (!n.canConvertToLong() || n.asLong() < 1 || n.asLong() > 120_000) {
                problems.add(path + ".timeout-ms", "must be an integer 1..120000");
                ok = false;
            } else {
                timeout = n.asLong();
            }
        }
        ObjectNode schema = parameters(path, t);
        if (!ok || url.isEmpty() || secret.isEmpty() || schema == null) {
            return Optional.empty();
        }
        return Optional.of(WebhookTool.of(new ToolSpec(name, description, schema), url.get(), secret.get(),
                Duration.ofMillis(timeout)));
    }

    private Optional<URI> uri(String key, String value) {
        try {
            URI u = new URI(value);
            if (("http".equals(u.getScheme()) || "https".equals(u.getScheme())) && u.getHost() != null) {
                return Optional.of(u);
            }
        } catch (java.net.URISyntaxException e) {
            problems.add(key, "not a URL: " + e.getReason());
            return Optional.empty();
        }
        problems.add(key, "must be an http or https URL with a host, was \"" + value + "\"");
        return Optional.empty();
    }

    private ObjectNode parameters(String path, JsonNode t) {
        ObjectNode schema = JsonNodeFactory.instance.objectNode().put("type", "object");
        ObjectNode props = schema.putObject("properties");
        var required = schema.putArray("required");
        schema.put("additionalProperties", false);
        boolean ok = true;
        for (Map.Entry<String, JsonNode> e : problems.tables(t, "parameters").entrySet()) {
            String p = path + ".parameters." + e.getKey();
            JsonNode def = e.getValue();
            problems.onlyKeys(def, p, List.of("type", "description", "required"));
            String type = problems.string(def, p, "type").orElse("");
            if (!TYPES.contains(type)) {
                problems.add(p + ".type", "must be one of " + TYPES + (type.isEmpty() ? "" : ", was \"" + type + "\""));
                ok = false;
                continue;
            }
            ObjectNode prop = props.putObject(e.getKey()).put("type", type);
            problems.string(def, p, "description").ifPresent(d -> prop.put("description", d));
            JsonNode req = def.get("required");
            if (req != null && !req.isBoolean()) {
                problems.add(p + ".required", "must be true or false");
                ok = false;
            } else if (req == null || req.asBoolean()) {
                required.add(e.getKey());
            }
        }
        return ok ? schema : null;
    }
}
