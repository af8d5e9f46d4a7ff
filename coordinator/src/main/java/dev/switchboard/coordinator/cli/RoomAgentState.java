package dev.switchboard.coordinator.cli;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Reads one participant's {@code lk.agent.state} attribute from LiveKit ({@code RoomService/
 * ListParticipants}, signed with the dev server's key; the secret is never printed). Empty when the
 * participant is not in the room or LiveKit cannot be asked. Thread-safe.
 */
final class RoomAgentState {

    private static final Duration TIMEOUT = Duration.ofSeconds(3);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final String url;
    private final String apiKey;
    private final String secret;

    RoomAgentState(String url, String apiKey, String secret) {
        this.url = url;
        this.apiKey = apiKey;
        this.secret = secret;
    }

    /** The {@code lk.agent.state} of {@code identity} in {@code room}, when LiveKit lists it. */
    Optional<String> of(String room, String identity) {
        if (url.isBlank() || secret.isBlank()) {
            return Optional.empty();
        }
        Instant now = Instant.now();
        String token = JWT.create().withIssuer(apiKey).withNotBefore(now.minusSeconds(10))
                .withExpiresAt(now.plusSeconds(60)).withClaim("video", Map.of("roomAdmin", true, "room", room))
                .sign(Algorithm.HMAC256(secret));
        try {
            URI base = LiveKitProbe.httpBase(url);
            HttpRequest request = HttpRequest.newBuilder(base.resolve("/twirp/livekit.RoomService/ListParticipants"))
                    .timeout(TIMEOUT).header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.createObjectNode().put("room", room).toString()))
                    .build();
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return Optional.empty();
            }
            for (JsonNode p : JSON.readTree(response.body()).path("participants")) {
                if (p.path("identity").asText().equals(identity)) {
                    return Optional.of(p.path("attributes").path("lk.agent.state").asText());
                }
            }
            return Optional.empty();
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
