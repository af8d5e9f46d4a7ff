package dev.switchboard.coordinator.http;

import com.sun.net.httpserver.Headers;
import dev.switchboard.spi.Caller;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * Maps an API key presented as {@code Authorization: Bearer <key>} or {@code X-Api-Key: <key>} to a
 * {@link Caller}. Keys are compared as SHA-256 digests with {@link MessageDigest#isEqual} against
 * every configured key, so the time taken says nothing about how close a guess was. Immutable,
 * thread-safe.
 */
final class ApiAuthenticator {

    private record Entry(byte[] digest, Caller caller) {
    }

    private final List<Entry> entries;
    private final boolean allowAnonymous;

    ApiAuthenticator(List<ApiKey> keys, boolean allowAnonymous) {
        this.entries = keys.stream()
                .map(k -> new Entry(sha256(k.key().reveal()), new Caller(k.name(), k.roles())))
                .toList();
        this.allowAnonymous = allowAnonymous;
    }

    /**
     * The caller the request's key belongs to.
     *
     * @throws HttpError 401 when the key is missing or unknown
     */
    Caller authenticate(Headers headers) {
        String presented = presentedKey(headers);
        if (presented == null) {
            if (allowAnonymous) {
                return Caller.anonymous();
            }
            throw HttpError.unauthorized("missing API key: send 'Authorization: Bearer <key>' or 'X-Api-Key: <key>'");
        }
        byte[] digest = sha256(presented);
        Caller found = null;
        for (Entry entry : entries) {
            if (MessageDigest.isEqual(entry.digest(), digest) && found == null) {
                found = entry.caller();
            }
        }
        if (found == null) {
            throw HttpError.unauthorized("invalid API key");
        }
        return found;
    }

    private static String presentedKey(Headers headers) {
        String authorization = headers.getFirst("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return authorization.substring(7).trim();
        }
        String apiKey = headers.getFirst("X-Api-Key");
        return apiKey == null ? null : apiKey.trim();
    }

    static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
