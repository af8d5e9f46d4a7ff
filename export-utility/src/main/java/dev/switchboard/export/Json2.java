package dev.switchboard.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.spi.Json;
import java.io.UncheckedIOException;

/** Pretty JSON text for the generated docs. Stateless, thread-safe. */
final class Json2 {

    private Json2() {
    }

    static String pretty(JsonNode node) {
        try {
            return Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
