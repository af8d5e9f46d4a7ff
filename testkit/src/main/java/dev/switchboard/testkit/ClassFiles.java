package dev.switchboard.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Copies a compiled class and its nest members (inner, nested, anonymous classes) out of the classpath. */
final class ClassFiles {

    private ClassFiles() {
    }

    static void copy(Class<?> type, Path classesDir) throws IOException {
        for (Class<?> member : type.getNestHost().getNestMembers()) {
            copyOne(member, classesDir);
        }
    }

    private static void copyOne(Class<?> type, Path classesDir) throws IOException {
        String resource = type.getName().replace('.', '/') + ".class";
        ClassLoader loader = type.getClassLoader() == null ? ClassLoader.getSystemClassLoader() : type.getClassLoader();
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("class file " + resource + " not found on the classpath");
            }
            Path target = classesDir.resolve(resource);
            Files.createDirectories(target.getParent());
            Files.write(target, in.readAllBytes());
        }
    }
}
