package dev.switchboard.coordinator.cli;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import dev.switchboard.spi.TimeSource;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The doctor's LiveKit checks: is the server reachable ({@code GET /}), and do the credentials work (a
 * real {@code RoomService/ListRooms} call signed with them). Never prints the secret. Thread-safe.
 */
final class LiveKitProbe {

    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final TimeSource time;

    LiveKitProbe(TimeSource time) {
        this.time = time;
    }

    List<DoctorCheck> check(String url, String apiKey, String secret) {
        URI base;
        try {
            base = httpBase(url);
        } catch (IllegalArgumentException e) {
            return List.of(DoctorCheck.fail("livekit-reachable", "LIVEKIT_URL '" + url + "' is not a URL",
                    "set LIVEKIT_URL to ws://host:7880 or wss://host"));
        }
        try {
            HttpResponse<String> root = client.send(HttpRequest.newBuilder(base.resolve("/")).timeout(TIMEOUT)
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            if (root.statusCode() != 200) {
                return List.of(DoctorCheck.fail("livekit-reachable", base + " answered HTTP " + root.statusCode(),
                        "check that LIVEKIT_URL points at livekit-server, not a proxy page"));
            }
        } catch (IOException e) {
            return List.of(DoctorCheck.fail("livekit-reachable", "cannot reach " + base + " ("
                    + e.getClass().getSimpleName() + ")", "start livekit-server (or 'switchboard serve' without "
                    + "LIVEKIT_URL for a local one), or fix LIVEKIT_URL"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of(DoctorCheck.fail("livekit-reachable", "interrupted", "run doctor again"));
        }
        DoctorCheck reachable = DoctorCheck.ok("livekit-reachable", base + " answers");
        if (apiKey.isBlank() || secret.isBlank()) {
            return List.of(reachable, DoctorCheck.fail("livekit-credentials", "LIVEKIT_API_KEY or LIVEKIT_API_SECRET"
                    + " is not set", "set both (the secret in the environment or a 0600 settings file)"));
        }
        return List.of(reachable, credentials(base, apiKey, secret));
    }

    private DoctorCheck credentials(URI base, String apiKey, String secret) {
        Instant now = time.now();
        String token = JWT.create().withIssuer(apiKey).withNotBefore(now.minusSeconds(10))
                .withExpiresAt(now.plusSeconds(60)).withClaim("video", Map.of("roomList", true))
                .sign(Algorithm.HMAC256(secret));
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/twirp/livekit.RoomService/ListRooms"))
                .timeout(TIMEOUT).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build();
        try {
            int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status == 200) {
                return DoctorCheck.ok("livekit-credentials", "API key " + apiKey + " accepted (ListRooms)");
            }
            return DoctorCheck.fail("livekit-credentials", "ListRooms with API key " + apiKey + " answered HTTP "
                    + status, status == 401 ? "LIVEKIT_API_KEY/LIVEKIT_API_SECRET do not match a key pair "
                    + "of the server's 'keys' (livekit.yaml)" : "check the server's log");
        } catch (IOException e) {
            return DoctorCheck.fail("livekit-credentials", "ListRooms failed (" + e.getClass().getSimpleName() + ")",
                    "check the server's log");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return DoctorCheck.fail("livekit-credentials", "interrupted", "run doctor again");
        }
    }

    /** {@code ws://h:p} → {@code http://h:p}, {@code wss://h} → {@code https://h}. */
    static URI httpBase(String url) {
        URI uri = URI.create(url.strip());
        String scheme = switch (String.valueOf(uri.getScheme())) {
            case "ws", "http" -> "http";
            case "wss", "https" -> "https";
            default -> throw new IllegalArgumentException("scheme");
        };
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("host");
        }
        return URI.create(scheme + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort()));
    }
}
