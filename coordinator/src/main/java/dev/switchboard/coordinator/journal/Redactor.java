package dev.switchboard.coordinator.journal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;

/**
 * Removes secrets from JSON trees before they are journaled. The journal runs every tree it writes
 * (inputs, params, payloads, compensation data, definitions) through its redactor. Implementations
 * are stateless and thread-safe, and never modify their argument.
 */
@FunctionalInterface
public interface Redactor {

    /** The text that replaces a redacted value. */
    String REDACTED = "<redacted>";

    /** A redacted copy of {@code tree}. */
    ObjectNode redact(ObjectNode tree);

    /**
     * The default: a value is replaced by {@value #REDACTED} when its key, lower-cased and without
     * {@code -}, {@code _} and {@code .}, contains {@code secret}, {@code token}, {@code password},
     * {@code passwd}, {@code apikey}, {@code privatekey}, {@code credential} or {@code authorization}
     * (so {@code api-secret}, {@code accessToken}, {@code API_KEY} all match), or when it is a string
     * that contains a JSON Web Token ({@code eyJ….….…}). Objects and arrays are walked to any depth.
     */
    static Redactor standard() {
        return KeyAndJwtRedactor.STANDARD;
    }

    /** Like {@link #standard()}, with extra key fragments (matched the same way). */
    static Redactor standardPlus(Set<String> extraKeyFragments) {
        return KeyAndJwtRedactor.withExtra(extraKeyFragments);
    }

    /** Journals trees as given. Only for tests and benchmarks whose data holds no secrets. */
    static Redactor none() {
        return ObjectNode::deepCopy;
    }
}
