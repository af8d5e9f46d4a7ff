package dev.switchboard.coordinator.plugins;

import dev.switchboard.spi.Json;
import dev.switchboard.spi.OperationRequest;
import dev.switchboard.spi.OperationResult;
import dev.switchboard.testkit.PluginJarBuilder;
import dev.switchboard.testkit.TestSpecialistContext;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/** Plugin JAR sources for the host tests: an echo specialist whose parts can be made to misbehave. */
final class TestPlugins {

    /** Contexts handed out by {@link #contexts()}, by specialist name. */
    final Map<String, TestSpecialistContext> contexts = new ConcurrentHashMap<>();

    private static final String TEMPLATE = """
            package %PKG%;

            import dev.switchboard.spi.*;
            import java.util.List;

            @org.pf4j.Extension
            public class %CLASS% implements Specialist {
                private volatile SpecialistContext context;

                public %CLASS%() {
                    %CTOR%
                }

                public String name() {
                    return "%NAME%";
                }

                public List<OperationDescriptor> operations() {
                    %OPERATIONS%
                    return List.of(%OPS%);
                }

                public void start(SpecialistContext ctx) {
                    %START%
                    this.context = ctx;
                    ctx.events().publish(new SwitchboardEvent("test.started", name(), ctx.time().now(), Json.object()));
                }

                public OperationResult execute(SpecialistContext ctx, OperationRequest request) {
                    if (!request.operation().startsWith("%NAME%.")) {
                        return OperationResult.failure(FailureCode.UNKNOWN_OPERATION, request.operation());
                    }
                    return OperationResult.success(Json.object()
                            .put("said", request.params().path("text").asText())
                            .put("by", "%CLASS%"));
                }

                public void stop() {
                    SpecialistContext ctx = context;
                    if (ctx != null) {
                        context = null;
                        ctx.events().publish(
                                new SwitchboardEvent("test.stopped", name(), ctx.time().now(), Json.object()));
                    }
                }
            }
            """;

    /** The source of specialist {@code pkg.cls} named {@code name} declaring {@code ops}. */
    static String specialist(String pkg, String cls, String name, List<String> ops, Map<String, String> parts) {
        String opList = ops.stream()
                .map(op -> "OperationDescriptor.builder(\"" + op + "\").description(\"" + op + "\").build()")
                .collect(Collectors.joining(", "));
        return TEMPLATE.replace("%PKG%", pkg).replace("%CLASS%", cls).replace("%NAME%", name)
                .replace("%OPS%", opList)
                .replace("%CTOR%", parts.getOrDefault("ctor", ""))
                .replace("%OPERATIONS%", parts.getOrDefault("operations", ""))
                .replace("%START%", parts.getOrDefault("start", ""));
    }

    /** A builder for plugin {@code id} with one echo specialist {@code name} declaring {@code ops}. */
    static PluginJarBuilder echo(String id, String name, List<String> ops, Map<String, String> parts) {
        String pkg = "test." + id.replace('-', '_');
        String cls = "EchoSpecialist";
        return PluginJarBuilder.plugin(id).extension(pkg + "." + cls, specialist(pkg, cls, name, ops, parts));
    }

    /** A well-behaved plugin {@code id} with specialist {@code name} and operation {@code name.say}. */
    static Path good(Path folder, String id, String name) {
        return echo(id, name, List.of(name + ".say"), Map.of()).build(folder.resolve(id + ".jar"));
    }

    /** The context factory to give the host. */
    java.util.function.Function<String, dev.switchboard.spi.SpecialistContext> contexts() {
        return name -> contexts.computeIfAbsent(name, n -> TestSpecialistContext.builder(n).build());
    }

    /** A host over {@code folder} with classpath discovery off. */
    PluginHost host(Path folder) {
        return PluginHost.builder().pluginsFolder(folder).contexts(contexts()).discoverClasspath(false).build();
    }

    /** Runs {@code operation} through {@code catalog} with {@code text}, as the coordinator would. */
    static OperationResult say(OperationCatalog catalog, String operation, String text) {
        SpecialistOperation op = catalog.find(operation).orElseThrow(
                () -> new AssertionError("operation " + operation + " is not in the catalog"));
        OperationRequest request = OperationRequest.builder(operation).params(Json.object().put("text", text)).build();
        return op.specialist().execute(TestSpecialistContext.builder("caller").build(), request);
    }
}
