package dev.switchboard.media.rtc.worker;

import dev.switchboard.testkit.livekit.LiveKitServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Reads what the real server logged about agent jobs (its own record of the status a worker sent). */
final class ServerLog {

    private ServerLog() {
    }

    /** Whether the server logged {@code "job ended"} for {@code jobId} with {@code status}. */
    static boolean jobEnded(LiveKitServer server, String jobId, String status) {
        try {
            return Files.readAllLines(server.logFile()).stream().anyMatch(line -> line.contains("job ended")
                    && line.contains("\"jobID\": \"" + jobId + "\"")
                    && line.contains("\"status\": \"" + status + "\""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The server log line of the job's end, or "". */
    static String jobEndLine(LiveKitServer server, String jobId) {
        try {
            return Files.readAllLines(server.logFile()).stream()
                    .filter(line -> line.contains("job ended") && line.contains(jobId)).findFirst().orElse("");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies the server log to {@code target/livekit-<name>.log} for a post-mortem. */
    static void keep(LiveKitServer server, String name) {
        try {
            Files.copy(server.logFile(), Path.of("target", "livekit-" + name + ".log"),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            System.out.println("could not keep the server log: " + e);
        }
    }
}
