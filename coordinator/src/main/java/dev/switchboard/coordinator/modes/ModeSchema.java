package dev.switchboard.coordinator.modes;

import dev.switchboard.spi.ConfigException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.everit.json.schema.Schema;
import org.everit.json.schema.ValidationException;
import org.everit.json.schema.loader.SchemaLoader;
import org.json.JSONObject;
import org.json.JSONTokener;

/**
 * The published JSON Schema of the mode format ({@code schema/mode.schema.json} in the modes module,
 * with the parts it references by {@code $ref}) and the translation of its violations into
 * {@code file:line:key} problems. Immutable and thread-safe once loaded.
 */
final class ModeSchema {

    /** Where the schema files live on the classpath; relative {@code $ref}s resolve here only. */
    static final String SCOPE = "classpath:/schema/";

    private static final ModeSchema INSTANCE = new ModeSchema();

    private final Schema schema;

    private ModeSchema() {
        this.schema = SchemaLoader.builder()
                .draftV7Support()
                .schemaClient(ModeSchema::open)
                .resolutionScope(SCOPE)
                .schemaJson(new JSONObject(new JSONTokener(open(SCOPE + "mode.schema.json"))))
                .build()
                .load()
                .build();
    }

    /** The shared instance. */
    static ModeSchema get() {
        return INSTANCE;
    }

    /** The problems of one file against the schema, in document order; empty when it is valid. */
    List<ConfigException.Problem> validate(ModeFile file) {
        try {
            schema.validate(JsonOrg.convert(file.tree()));
            return List.of();
        } catch (ValidationException e) {
            List<ValidationException> leaves = new ArrayList<>();
            flatten(e, leaves);
            return SchemaViolations.problems(file, leaves);
        }
    }

    private static void flatten(ValidationException e, List<ValidationException> out) {
        if (e.getCausingExceptions().isEmpty()) {
            out.add(e);
        } else {
            e.getCausingExceptions().forEach(cause -> flatten(cause, out));
        }
    }

    private static InputStream open(String url) {
        if (!url.startsWith(SCOPE)) {
            throw new IllegalStateException("mode schema refers outside " + SCOPE + ": " + url);
        }
        String resource = "schema/" + url.substring(SCOPE.length());
        InputStream in = ModeSchema.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new UncheckedIOException(new IOException("missing schema resource " + resource));
        }
        return in;
    }

    static String read(String resource) {
        try (InputStream in = ModeSchema.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new UncheckedIOException(new IOException("missing resource " + resource));
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
