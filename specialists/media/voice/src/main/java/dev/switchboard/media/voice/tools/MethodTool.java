package dev.switchboard.media.voice.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.media.voice.agent.Agent;
import dev.switchboard.media.voice.spi.ToolSpec;
import dev.switchboard.spi.ConfigException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.time.Duration;

/** A {@link FunctionTool} method as a {@link Tool}: binds JSON arguments to parameters. Thread-safe. */
final class MethodTool implements Tool {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Object target;
    private final Method method;
    private final ToolSpec spec;
    private final Duration timeout;

    private MethodTool(Object target, Method method, ToolSpec spec, Duration timeout) {
        this.target = target;
        this.method = method;
        this.spec = spec;
        this.timeout = timeout;
    }

    static MethodTool of(Object target, Method m, FunctionTool annotation, String where) {
        ObjectNode schema = JsonNodeFactory.instance.objectNode().put("type", "object");
        ObjectNode props = schema.putObject("properties");
        var required = schema.putArray("required");
        for (Parameter p : m.getParameters()) {
            if (p.getType() == RunContext.class) {
                continue;
            }
            if (!p.isNamePresent()) {
                throw new ConfigException(where, "compile with -parameters so tool parameter names are known");
            }
            ObjectNode prop = JsonSchemas.of(p.getParameterizedType()).orElseThrow(() -> new ConfigException(
                    where + "(" + p.getName() + ")", "no JSON Schema for parameter type " + p.getParameterizedType()
                            + " (use String, numbers, boolean, enums, records or lists of them)"));
            Param param = p.getAnnotation(Param.class);
            if (param != null) {
                prop.put("description", param.value());
            }
            props.set(p.getName(), prop);
            if (param == null || param.required()) {
                required.add(p.getName());
            }
        }
        schema.put("additionalProperties", false);
        String name = annotation.name().isEmpty() ? m.getName() : annotation.name();
        if (!name.matches("[a-zA-Z0-9_-]{1,64}")) {
            throw new ConfigException(where, "tool name '" + name + "' must match [a-zA-Z0-9_-]{1,64}");
        }
        m.setAccessible(true);
        return new MethodTool(target, m, new ToolSpec(name, annotation.value(), schema),
                Duration.ofMillis(annotation.timeoutMillis()));
    }

    @Override
    public ToolSpec spec() {
        return spec;
    }

    @Override
    public Duration timeout() {
        return timeout;
    }

    @Override
    public ToolOutcome invoke(JsonNode arguments, RunContext context) throws Exception {
        Parameter[] params = method.getParameters();
        Object[] values = new Object[params.length];
        for (int i = 0; i < params.length; i++) {
            Parameter p = params[i];
            if (p.getType() == RunContext.class) {
                values[i] = context;
                continue;
            }
            JsonNode arg = arguments.get(p.getName());
            if (arg == null || arg.isNull()) {
                Param param = p.getAnnotation(Param.class);
                if (param == null || param.required()) {
                    return ToolOutcome.error("missing argument '" + p.getName() + "'");
                }
                values[i] = defaultOf(p.getType());
                continue;
            }
            try {
                values[i] = JSON.convertValue(arg, JSON.constructType(p.getParameterizedType()));
            } catch (IllegalArgumentException e) {
                return ToolOutcome.error("argument '" + p.getName() + "' is not a valid "
                        + p.getType().getSimpleName());
            }
        }
        Object result;
        try {
            result = method.invoke(target, values);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return ToolOutcome.error(cause.getClass().getSimpleName() + ": " + cause.getMessage());
        }
        return switch (result) {
            case null -> ToolOutcome.reply("ok");
            case ToolOutcome outcome -> outcome;
            case Agent agent -> ToolOutcome.handoff(agent);
            case String s -> ToolOutcome.reply(s);
            default -> ToolOutcome.reply(JSON.writeValueAsString(result));
        };
    }

    private static Object defaultOf(Class<?> type) {
        if (!type.isPrimitive()) {
            return null;
        }
        if (type == boolean.class) {
            return false;
        }
        if (type == double.class || type == float.class) {
            return type == double.class ? (Object) 0.0 : (Object) 0.0f;
        }
        return type == long.class ? (Object) 0L : type == short.class ? (Object) (short) 0 : (Object) 0;
    }
}
