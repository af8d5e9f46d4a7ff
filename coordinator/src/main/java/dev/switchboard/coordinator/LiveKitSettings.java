package dev.switchboard.coordinator;

import java.net.URI;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How specialists reach the LiveKit server. The API secret is held as a <em>reference</em>
 * ({@code ${LIVEKIT_API_SECRET}}, {@code env:LIVEKIT_API_SECRET} or {@code file:/run/secrets/lk}),
 * never as a value: specialists resolve it through their {@code SpecialistContext.secrets()}. The
 * settings are written into every specialist's configuration section under {@code livekit}
 * ({@code url}, {@code api-key}, {@code api-secret}) unless the section already has one.
 * Immutable and thread-safe.
 *
 * @param url the server's URL ({@code ws://…}, {@code wss://…}, {@code http://…} or {@code https://…})
 * @param apiKey the API key (an identifier, not a secret)
 * @param apiSecretReference where the API secret is found, never the secret itself
 */
public record LiveKitSettings(URI url, String apiKey, String apiSecretReference) {

    private static final Pattern REFERENCE =
            Pattern.compile("\\$\\{[A-Za-z_][A-Za-z0-9_]*}|env:[A-Za-z_][A-Za-z0-9_]*|file:/.+");

    /** Validates: a known URL scheme, a non-blank key and a secret <em>reference</em>. */
    public LiveKitSettings {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(apiKey, "apiKey");
        Objects.requireNonNull(apiSecretReference, "apiSecretReference");
        String scheme = String.valueOf(url.getScheme());
        if (!scheme.matches("wss?|https?")) {
            throw new IllegalArgumentException("url: scheme must be ws, wss, http or https, got '" + scheme + "'");
        }
        if (apiKey.isBlank()) {
            throw new IllegalArgumentException("apiKey: must not be blank");
        }
        if (!REFERENCE.matcher(apiSecretReference).matches()) {
            throw new IllegalArgumentException("apiSecretReference: must be a reference like ${LIVEKIT_API_SECRET},"
                    + " env:LIVEKIT_API_SECRET or file:/path, never the secret itself");
        }
    }

    /** Settings from a URL text, a key and a secret reference. */
    public static LiveKitSettings of(String url, String apiKey, String apiSecretReference) {
        return new LiveKitSettings(URI.create(url), apiKey, apiSecretReference);
    }
}
