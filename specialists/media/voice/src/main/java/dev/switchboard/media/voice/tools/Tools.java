package dev.switchboard.media.voice.tools;

import dev.switchboard.media.voice.agent.Agent;
import dev.switchboard.spi.ConfigException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** Builds {@link Tool}s from {@link FunctionTool}-annotated methods. Thread-safe (stateless). */
public final class Tools {

    private Tools() {
    }

    /**
     * A tool {@code transfer_to_<targetName>} that hands the conversation to the agent {@code target}
     * supplies when called (a supplier, so agents may refer to each other).
     */
    public static Tool handoff(String targetName, String description, java.util.function.Supplier<Agent> target) {
        if (!targetName.matches("[a-zA-Z0-9_-]{1,52}")) {
            throw new IllegalArgumentException("handoff target name must match [a-zA-Z0-9_-]{1,52}, was '"
                    + targetName + "'");
        }
        return new HandoffTool(targetName, description, Objects.requireNonNull(target, "target"));
    }

    /**
     * One tool per public {@link FunctionTool} method of {@code target} (its class and superclasses),
     * in name order.
     *
     * @throws ConfigException naming the method and parameter whose type has no JSON Schema mapping,
     *                         a duplicate tool name, or a class compiled without {@code -parameters}
     */
    public static List<Tool> from(Object target) {
        Objects.requireNonNull(target, "target");
        List<Tool> tools = new ArrayList<>();
        Set<String> names = new HashSet<>();
        Method[] methods = target.getClass().getMethods();
        java.util.Arrays.sort(methods, Comparator.comparing(Method::getName));
        for (Method m : methods) {
            FunctionTool annotation = m.getAnnotation(FunctionTool.class);
            if (annotation == null) {
                continue;
            }
            String where = target.getClass().getName() + "." + m.getName();
            if (Modifier.isStatic(m.getModifiers())) {
                throw new ConfigException(where, "a @FunctionTool method must not be static");
            }
            MethodTool tool = MethodTool.of(target, m, annotation, where);
            if (!names.add(tool.spec().name())) {
                throw new ConfigException(where, "duplicate tool name '" + tool.spec().name() + "'");
            }
            tools.add(tool);
        }
        return List.copyOf(tools);
    }
}
