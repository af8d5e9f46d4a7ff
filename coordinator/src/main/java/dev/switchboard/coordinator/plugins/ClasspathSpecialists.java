package dev.switchboard.coordinator.plugins;

import dev.switchboard.spi.Specialist;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * Turns the specialists an embedding application registered, and those {@link ServiceLoader} finds
 * on the classpath, into candidates: registered ones first in registration order, then discovered
 * ones sorted by class name. A provider that cannot be created is refused. Stateless.
 */
final class ClasspathSpecialists {

    static final String SOURCE = "classpath";

    private ClasspathSpecialists() {
    }

    static void admit(Admission admission, List<Specialist> registered, boolean discover, ClassLoader loader) {
        for (Specialist specialist : registered) {
            admission.admit(candidate(specialist));
        }
        if (discover) {
            discovered(admission, loader).stream()
                    .sorted(Comparator.comparing(s -> s.getClass().getName()))
                    .filter(s -> registered.stream().noneMatch(r -> r.getClass() == s.getClass()))
                    .forEach(s -> admission.admit(candidate(s)));
        }
    }

    private static List<Specialist> discovered(Admission admission, ClassLoader loader) {
        List<Specialist> found = new ArrayList<>();
        Iterator<ServiceLoader.Provider<Specialist>> providers =
                ServiceLoader.load(Specialist.class, loader).stream().iterator();
        while (true) {
            String type = "";
            try {
                if (!providers.hasNext()) {
                    return found;
                }
                ServiceLoader.Provider<Specialist> provider = providers.next();
                type = provider.type().getName();
                found.add(provider.get());
            } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
                admission.refused(SOURCE, type, "ServiceLoader cannot create it: " + Refusal.describe(e), List.of());
                if (type.isEmpty()) {
                    return found;
                }
            }
        }
    }

    private static Candidate candidate(Specialist specialist) {
        return new Candidate(SOURCE, specialist.getClass().getName(), List.of(specialist), List.of(), List.of(),
                () -> { });
    }
}
