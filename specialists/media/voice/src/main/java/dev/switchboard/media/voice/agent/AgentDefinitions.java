package dev.switchboard.media.voice.agent;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import dev.switchboard.spi.ConfigException;
import dev.switchboard.spi.Secrets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Loads agents from TOML ({@code agents/*.toml} or a mode's {@code agents.toml}):
 *
 * <pre>{@code
 * default = "reception"
 *
 * [agents.reception]
 * instructions = "You greet callers and route them."
 * greeting = "Hello! How can I help?"
 * stt = "deepgram"             # provider instance names (optional: the session's otherwise);
 * llm = ["groq", "openai"]     # an array is a fallback chain, tried in order
 * tts = "espeak"
 * voice = "en-us"
 * chat-context = "carry"       # or "reset"
 * tools = ["lookup_order"]     # webhook tools declared below
 * handoffs = ["billing"]       # adds the tool transfer_to_billing
 *
 * [tools.lookup_order]
 * description = "Look up an order"
 * url = "https://example.com/hooks/order"
 * secret = "${ORDER_HOOK_SECRET}"
 * timeout-ms = 5000
 * [tools.lookup_order.parameters.order_id]
 * type = "string"              # string, integer, number or boolean
 * description = "The order id"
 * required = true
 * }</pre>
 *
 * Every problem is reported at once, each as {@code file:line:key}. Thread-safe (stateless).
 */
public final class AgentDefinitions {

    private AgentDefinitions() {
    }

    /**
     * Loads {@code file}.
     *
     * @throws ConfigException listing every problem as {@code file:line:key: message}
     */
    public static AgentCatalog load(Path file, ProviderLookup providers, Secrets secrets) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new ConfigException(file.toString(), "cannot read: " + e.getMessage());
        }
        return parse(text, file.toString(), providers, secrets);
    }

    /**
     * Parses TOML {@code text}; {@code fileName} prefixes every error location.
     *
     * @throws ConfigException listing every problem as {@code file:line:key: message}
     */
    public static AgentCatalog parse(String text, String fileName, ProviderLookup providers, Secrets secrets) {
        JsonNode root;
        try {
            root = new TomlMapper().readTree(text);
        } catch (JacksonException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new ConfigException(fileName + ":" + line, "not valid TOML: " + e.getOriginalMessage());
        }
        Problems problems = new Problems(fileName, TomlLines.scan(text));
        problems.onlyKeys(root, "", List.of("default", "agents", "tools"));
        Map<String, JsonNode> agentTables = problems.tables(root, "agents");
        if (agentTables.isEmpty()) {
            problems.add("agents", "at least one [agents.<name>] table is required");
        }
        WebhookTools tools = new WebhookTools(problems, secrets);
        Map<String, JsonNode> toolTables = problems.tables(root, "tools");
        Map<String, dev.switchboard.media.voice.tools.Tool> webhooks = tools.parse(toolTables);
        Map<String, Agent> agents = new LinkedHashMap<>();
        AgentTables reader = new AgentTables(problems, providers, webhooks, toolTables.keySet(), agents::get);
        for (Map.Entry<String, JsonNode> e : agentTables.entrySet()) {
            reader.read(e.getKey(), e.getValue(), agentTables.keySet()).ifPresent(a -> agents.put(a.name(), a));
        }
        String defaultAgent = problems.string(root, "", "default").orElse(
                agentTables.isEmpty() ? "" : agentTables.keySet().iterator().next());
        if (!defaultAgent.isEmpty() && !agentTables.containsKey(defaultAgent)) {
            problems.add("default", "no agent named '" + defaultAgent + "' (agents: " + agentTables.keySet() + ")");
        }
        problems.throwIfAny();
        return new AgentCatalog(agents, defaultAgent);
    }

    /** Problems found so far, with their locations. */
    static final class Problems {
        private final String file;
        private final Map<String, Integer> lines;
        private final List<ConfigException.Problem> list = new ArrayList<>();

        Problems(String file, Map<String, Integer> lines) {
            this.file = file;
            this.lines = lines;
        }

        void add(String key, String message) {
            list.add(new ConfigException.Problem(locate(key), message));
        }

        /** Where {@code key} is: {@code file:line:key}, the line of the key or of its nearest enclosing table. */
        String locate(String key) {
            String k = key;
            Integer line = lines.get(k);
            while (line == null && k.contains(".")) {
                k = k.substring(0, k.lastIndexOf('.'));
                line = lines.get(k);
            }
            return file + ":" + (line == null ? 1 : line) + ":" + key;
        }

        /** A problem found elsewhere (a provider table of the mode), already located. */
        void add(ConfigException.Problem located) {
            list.add(located);
        }

        void onlyKeys(JsonNode table, String path, List<String> allowed) {
            table.fieldNames().forEachRemaining(name -> {
                if (!allowed.contains(name)) {
                    add(join(path, name), "unknown key (allowed: " + String.join(", ", allowed) + ")");
                }
            });
        }

        Map<String, JsonNode> tables(JsonNode parent, String key) {
            Map<String, JsonNode> out = new LinkedHashMap<>();
            JsonNode node = parent.get(key);
            if (node == null) {
                return out;
            }
            if (!node.isObject()) {
                add(key, "must be a table");
                return out;
            }
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                if (e.getValue().isObject()) {
                    out.put(e.getKey(), e.getValue());
                } else {
                    add(key + "." + e.getKey(), "must be a table");
                }
            }
            return out;
        }

        java.util.Optional<String> string(JsonNode table, String path, String key) {
            JsonNode n = table.get(key);
            if (n == null) {
                return java.util.Optional.empty();
            }
            if (!n.isTextual()) {
                add(join(path, key), "must be a string");
                return java.util.Optional.empty();
            }
            return java.util.Optional.of(n.asText());
        }

        List<String> strings(JsonNode table, String path, String key) {
            JsonNode n = table.get(key);
            List<String> out = new ArrayList<>();
            if (n == null) {
                return out;
            }
            if (!n.isArray()) {
                add(join(path, key), "must be an array of strings");
                return out;
            }
            for (JsonNode item : n) {
                if (item.isTextual()) {
                    out.add(item.asText());
                } else {
                    add(join(path, key), "must be an array of strings");
                }
            }
            return out;
        }

        void throwIfAny() {
            if (!list.isEmpty()) {
                throw new ConfigException(list);
            }
        }

        static String join(String path, String key) {
            return path.isEmpty() ? key : path + "." + key;
        }
    }
}
