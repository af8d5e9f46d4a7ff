package dev.switchboard.testkit.livekit;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * Waits until a starting livekit-server answers {@code GET /} with 200 ("OK" once its node stats are
 * fresh; 406 "Not Ready" before) and accepts this run's key, which proves the answer comes from our
 * process and not from another server holding the port. Thread-safe.
 */
final class Readiness {

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(1)).version(HttpClient.Version.HTTP_1_1).build();

    private static final long RUNNING_GRACE_MILLIS = 150;

    private Readiness() {
    }

    /**
     * Returns once the server answers.
     *
     * @throws LiveKitProcess.PortTakenException when it exited because a port was in use
     * @throws LiveKitUnavailableException when it exited otherwise or did not answer in {@code timeout}
     */
    static void await(LiveKitProcess server, Process process, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpRequest probe = HttpRequest.newBuilder(server.httpUrl().resolve("/")).timeout(Duration.ofSeconds(1))
                .GET().build();
        String last = "no answer yet";
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw exited(server, process);
            }
            try {
                HttpResponse<String> r = CLIENT.send(probe, HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && isOurs(server)) {
                    // livekit-server serves HTTP ~100 ms before it marks itself running; a SIGTERM in that
                    // window is lost and the process never exits (v1.13.5 server.go Start/Stop race).
                    sleep(RUNNING_GRACE_MILLIS);
                    return;
                }
                last = r.statusCode() == 200 ? "another server (not knowing this run's key) answers on the port"
                        : "HTTP " + r.statusCode() + " " + r.body().lines().findFirst().orElse("");
            } catch (IOException e) {
                last = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LiveKitUnavailableException("interrupted while waiting for livekit-server", e);
            }
            sleep(50);
        }
        throw new LiveKitUnavailableException("livekit-server did not answer GET " + server.httpUrl() + "/ within "
                + timeout.toSeconds() + " s (last: " + last + "); log tail:\n" + server.logTail(20));
    }

    /**
     * Whether the server answering is ours: another livekit-server on the same port would answer
     * {@code GET /} too, but only ours accepts a token signed with this run's secret.
     */
    private static boolean isOurs(LiveKitProcess server) throws IOException, InterruptedException {
        String token = ProbeToken.create(server.apiKey(), server.apiSecret(), Instant.now());
        HttpRequest listRooms = HttpRequest.newBuilder(server.httpUrl().resolve("/twirp/livekit.RoomService/ListRooms"))
                .timeout(Duration.ofSeconds(2)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build();
        return CLIENT.send(listRooms, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    }

    private static RuntimeException exited(LiveKitProcess server, Process process) {
        String tail = server.logTail(20);
        String message = "livekit-server exited with code " + process.exitValue() + " before answering; log tail:\n"
                + tail;
        if (tail.toLowerCase(Locale.ROOT).contains("address already in use")) {
            return new LiveKitProcess.PortTakenException(message);
        }
        return new LiveKitUnavailableException(message);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LiveKitUnavailableException("interrupted while waiting for livekit-server", e);
        }
    }
}
