package dev.switchboard.coordinator.plugins;

import dev.switchboard.spi.QualityGateProvider;
import dev.switchboard.spi.Specialist;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.pf4j.Plugin;
import org.pf4j.PluginDependency;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;

/**
 * Loads every {@code *.jar} of the plugins folder, in file-name order, into one PF4J manager and
 * turns each into a {@link Candidate}, or into a refusal in the {@link Admission}. Each JAR's
 * failure stays with that JAR. Not thread-safe (used once per snapshot build).
 */
final class JarScan {

    private final HostPluginManager manager;
    private final Admission admission;
    private final Map<String, Loaded> loaded = new LinkedHashMap<>();

    private record Loaded(Path jar, PluginWrapper plugin, JarInspection inspection) {
        String source() {
            return jar.getFileName().toString();
        }
    }

    JarScan(HostPluginManager manager, Admission admission) {
        this.manager = manager;
        this.admission = admission;
    }

    /** The folder's JAR files, sorted by file name; empty when the folder does not exist. */
    static List<Path> jars(Path folder) {
        if (!Files.exists(folder)) {
            return List.of();
        }
        if (!Files.isDirectory(folder)) {
            throw new PluginHostException("plugins folder " + folder + " is not a folder");
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".jar") && Files.isRegularFile(p))
                    .sorted((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()))
                    .toList();
        } catch (IOException e) {
            throw new PluginHostException("cannot list plugins folder " + folder + ": " + e.getMessage());
        }
    }

    /** Checks, loads, resolves and starts the PF4J plugins, then returns the candidates, in file-name order. */
    List<Candidate> scan(List<Path> jars) {
        Map<String, Inspected> accepted = new LinkedHashMap<>();
        for (Path jar : jars) {
            inspect(jar, accepted);
        }
        refuseMissingDependencies(accepted);
        accepted.values().forEach(this::load);
        resolveAndStart();
        List<Candidate> candidates = new ArrayList<>();
        for (Loaded each : List.copyOf(loaded.values())) {
            try {
                candidates.add(extensions(each));
            } catch (Refusal refusal) {
                refuse(each, refusal.getMessage());
            }
        }
        return candidates;
    }

    private record Inspected(Path jar, JarInspection inspection) {
        String source() {
            return jar.getFileName().toString();
        }
    }

    private void inspect(Path jar, Map<String, Inspected> accepted) {
        String source = jar.getFileName().toString();
        JarInspection inspection;
        try {
            inspection = JarInspection.inspect(jar);
        } catch (Refusal refusal) {
            admission.refused(source, "", refusal.getMessage(), List.of());
            return;
        }
        String id = inspection.pluginId();
        Inspected earlier = accepted.get(id);
        if (earlier != null) {
            admission.refused(source, id, "plugin id '" + id + "' is already loaded from " + earlier.source(),
                    inspection.warnings());
        } else if (!acceptsHost(inspection.requires())) {
            admission.refused(source, id, "requires SPI version " + inspection.requires()
                    + " (Plugin-Requires) but this host provides " + manager.getSystemVersion(), inspection.warnings());
        } else {
            accepted.put(id, new Inspected(jar, inspection));
        }
    }

    private boolean acceptsHost(String requires) {
        String constraint = requires.matches("\\d+\\.\\d+\\.\\d+") ? ">=" + requires : requires;
        try {
            return manager.getVersionManager().checkVersionConstraint(manager.getSystemVersion(), constraint);
        } catch (RuntimeException e) {
            return false;
        }
    }

    private void refuseMissingDependencies(Map<String, Inspected> accepted) {
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Inspected each : List.copyOf(accepted.values())) {
                for (PluginDependency dep : each.inspection().dependencies()) {
                    if (!dep.isOptional() && !accepted.containsKey(dep.getPluginId())) {
                        accepted.remove(each.inspection().pluginId());
                        admission.refused(each.source(), each.inspection().pluginId(), "depends on plugin '"
                                + dep.getPluginId() + "' (Plugin-Dependencies), which is not loaded",
                                each.inspection().warnings());
                        changed = true;
                        break;
                    }
                }
            }
        }
    }

    private void load(Inspected inspected) {
        JarInspection inspection = inspected.inspection();
        try {
            PluginWrapper plugin = manager.load(inspected.jar());
            loaded.put(inspection.pluginId(), new Loaded(inspected.jar(), plugin, inspection));
        } catch (RuntimeException | LinkageError e) {
            admission.refused(inspected.source(), inspection.pluginId(), "PF4J cannot load it: "
                    + Refusal.describe(e), inspection.warnings());
        }
    }

    private void resolveAndStart() {
        String failure = "";
        try {
            manager.resolve();
        } catch (RuntimeException e) {
            failure = ": " + Refusal.describe(e);
        }
        for (Loaded each : List.copyOf(loaded.values())) {
            if (!manager.isResolved(each.plugin())) {
                refuse(each, "its Plugin-Dependencies cannot be resolved" + failure);
            } else if (each.plugin().getPluginState() == PluginState.DISABLED) {
                refuse(each, "PF4J disabled it (Plugin-Requires " + each.plugin().getDescriptor().getRequires()
                        + ", host " + manager.getSystemVersion() + ")");
            } else if (!pluginClassProblem(each).isEmpty()) {
                refuse(each, pluginClassProblem(each));
            } else if (manager.startPlugin(each.plugin().getPluginId()) != PluginState.STARTED) {
                Throwable why = each.plugin().getFailedException();
                refuse(each, "its Plugin-Class " + each.plugin().getDescriptor().getPluginClass()
                        + " did not start" + (why == null ? "" : ": " + Refusal.describe(why)));
            }
        }
    }

    private static String pluginClassProblem(Loaded each) {
        String name = each.plugin().getDescriptor().getPluginClass();
        try {
            Class<?> type = each.plugin().getPluginClassLoader().loadClass(name);
            return Plugin.class.isAssignableFrom(type) ? "" : "its Plugin-Class " + name + " is not an org.pf4j.Plugin";
        } catch (ClassNotFoundException e) {
            return "its Plugin-Class " + name + " is not in the JAR (set plugin.class to an org.pf4j.Plugin"
                    + " subclass it contains, or keep the default org.pf4j.Plugin)";
        } catch (LinkageError e) {
            return "its Plugin-Class " + name + " cannot be loaded: " + Refusal.describe(e);
        }
    }

    private Candidate extensions(Loaded each) {
        List<Specialist> specialists = new ArrayList<>();
        List<QualityGateProvider> gates = new ArrayList<>();
        List<String> warnings = new ArrayList<>(each.inspection().warnings());
        if (each.inspection().extensions().isEmpty()) {
            throw new Refusal("has no " + JarInspection.INDEX + "; annotate the Specialist with @Extension"
                    + " and compile with PF4J's annotation processor (the switchboard-specialists parent does)");
        }
        for (String className : each.inspection().extensions()) {
            Object extension = create(each, className);
            switch (extension) {
                case Specialist s -> specialists.add(s);
                case QualityGateProvider g -> gates.add(g);
                default -> warnings.add("extension " + className
                        + " is neither a Specialist nor a QualityGateProvider; ignored");
            }
        }
        String id = each.plugin().getPluginId();
        return new Candidate(each.source(), id, specialists, gates, warnings, () -> unload(id));
    }

    private Object create(Loaded each, String className) {
        try {
            Class<?> type = each.plugin().getPluginClassLoader().loadClass(className);
            Object extension = manager.getExtensionFactory().create(type);
            if (extension == null) {
                throw new Refusal("extension " + className + " could not be created");
            }
            return extension;
        } catch (ClassNotFoundException | RuntimeException | LinkageError e) {
            if (e instanceof Refusal r) {
                throw r;
            }
            throw new Refusal("extension " + className + " could not be created: " + Refusal.describe(e));
        }
    }

    private void refuse(Loaded each, String reason) {
        loaded.remove(each.plugin().getPluginId());
        unload(each.plugin().getPluginId());
        admission.refused(each.source(), each.plugin().getPluginId(), reason, each.inspection().warnings());
    }

    private void unload(String pluginId) {
        try {
            manager.unloadPlugin(pluginId);
        } catch (RuntimeException e) {
            System.getLogger(JarScan.class.getName()).log(System.Logger.Level.WARNING,
                    "unloading plugin " + pluginId + " failed: " + Refusal.describe(e));
        }
    }
}
