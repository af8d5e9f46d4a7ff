package dev.switchboard.bench.voice;

import dev.switchboard.media.rtc.ConnectOptions;
import dev.switchboard.media.rtc.RoomSession;
import dev.switchboard.media.rtc.RtcClient;
import dev.switchboard.spi.Secret;
import dev.switchboard.testkit.livekit.LiveKitServer;
import io.livekit.server.AccessToken;
import io.livekit.server.CanUpdateOwnMetadata;
import io.livekit.server.RoomJoin;
import io.livekit.server.RoomName;

/** Joins the benchmarks' agents and simulated users to rooms of a local livekit-server. */
final class VoiceRooms {

    private VoiceRooms() {
    }

    static RoomSession join(RtcClient client, LiveKitServer server, String identity, String room) {
        return client.connect(ConnectOptions.builder(server.wsUrl(), Secret.of("bench:" + identity,
                        token(server, identity, room)))
                .joinTimeout(java.time.Duration.ofSeconds(30)).operationTimeout(java.time.Duration.ofSeconds(30))
                .build());
    }

    /** A join token for {@code identity} in {@code room} (the bench's local server only). */
    static String token(LiveKitServer server, String identity, String room) {
        AccessToken token = new AccessToken(server.apiKey(), server.apiSecret().reveal());
        token.setIdentity(identity);
        token.addGrants(new RoomJoin(true), new RoomName(room), new CanUpdateOwnMetadata(true));
        return token.toJwt();
    }

    static double percentile(java.util.List<Double> values, double p) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        var sorted = values.stream().sorted().toList();
        return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    /** MemAvailable from /proc/meminfo in MB (NaN when unreadable). */
    static double memAvailableMb() {
        try {
            for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemAvailable:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (java.io.IOException e) {
            return Double.NaN;
        }
        return Double.NaN;
    }

    /** This process's resident set size in MB (Linux). */
    static double rssMb() {
        return rssMb(java.nio.file.Path.of("/proc/self/status"));
    }

    /** The resident set size in MB that a {@code /proc/<pid>/status} file reports (NaN when unreadable). */
    static double rssMb(java.nio.file.Path status) {
        try {
            for (String line : java.nio.file.Files.readAllLines(status)) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (java.io.IOException e) {
            return Double.NaN;
        }
        return Double.NaN;
    }
}
