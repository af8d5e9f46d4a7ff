package dev.switchboard.qualitygates;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.everit.json.schema.Schema;
import org.everit.json.schema.SchemaException;
import org.everit.json.schema.loader.SchemaClient;
import org.everit.json.schema.loader.SchemaLoader;

/**
 * Compiles JSON Schemas (draft 7 unless {@code $schema} says otherwise) with everit. Remote
 * {@code $ref}s are refused: a gate never reaches out to the network. Stateless, thread-safe.
 */
final class SchemaCompiler {

    private static final SchemaClient NO_REMOTE = url -> {
        throw new UncheckedIOException(new IOException(
                "remote $ref '" + url + "' is not allowed; inline the referenced schema"));
    };

    private SchemaCompiler() {
    }

    /**
     * Compiles {@code schema}.
     *
     * @throws IllegalArgumentException with everit's reason when the schema is not a valid schema
     */
    static Schema compile(ObjectNode schema) {
        try {
            return SchemaLoader.builder()
                    .draftV7Support()
                    .schemaClient(NO_REMOTE)
                    .schemaJson(OrgJson.object(schema))
                    .build()
                    .load()
                    .build();
        } catch (SchemaException | org.json.JSONException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        } catch (RuntimeException e) {
            // everit reports some malformed schemas (bad regex, bad $ref) with other runtime exceptions
            throw new IllegalArgumentException(e.getClass().getSimpleName() + ": " + e.getMessage(), e);
        }
    }
}
