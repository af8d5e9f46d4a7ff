package dev.switchboard.specialist.recording;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.media.rtc.ConnectOptions;
import dev.switchboard.media.rtc.RecordedTrack;
import dev.switchboard.media.rtc.RecordingManifest;
import dev.switchboard.media.rtc.RoomRecorder;
import dev.switchboard.media.rtc.RtcClient;
import dev.switchboard.specialist.common.LiveKitSettings;
import dev.switchboard.spi.Json;
import dev.switchboard.spi.TimeSource;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The embedded backend: one {@link RoomRecorder} per recording id ({@code RC_…}), each in its own directory
 * under the configured base. Keeps finished recordings' manifests for {@code recording.list}. Thread-safe.
 */
final class EmbeddedRecordings implements AutoCloseable {

    private record Entry(String id, String room, RoomRecorder recorder) {
    }

    private final LiveKitSettings settings;
    private final Path base;
    private final TimeSource time;
    private final ConcurrentMap<String, Entry> recordings = new ConcurrentHashMap<>();
    private RtcClient client;

    EmbeddedRecordings(LiveKitSettings settings, Path base, TimeSource time) {
        this.settings = settings;
        this.base = base;
        this.time = time;
    }

    private synchronized RtcClient client() {
        if (client == null) {
            client = RtcClient.create();
        }
        return client;
    }

    ObjectNode start(String room) {
        String id = "RC_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        URI http = settings.url();
        URI ws = URI.create(http.toString().replaceFirst("^http", "ws"));
        var token = RoomRecorder.token(settings.apiKey(), settings.apiSecret(), room, "recorder-" + id);
        RoomRecorder recorder = RoomRecorder.start(client(), ConnectOptions.of(ws, token), base.resolve(id), time);
        recordings.put(id, new Entry(id, room, recorder));
        return Json.object().put("recording-id", id).put("backend", "embedded").put("room", room)
                .put("directory", recorder.directory().toString());
    }

    /** Stops {@code id} (idempotent); empty when no such recording exists. */
    Optional<ObjectNode> stop(String id) {
        Entry e = recordings.get(id);
        return e == null ? Optional.empty() : Optional.of(describe(e, e.recorder().stop()));
    }

    ObjectNode list(Optional<String> room) {
        ArrayNode items = Json.mapper().createArrayNode();
        recordings.values().stream().filter(e -> room.map(e.room()::equals).orElse(true))
                .forEach(e -> items.add(describe(e, null)));
        ObjectNode out = Json.object();
        out.set("recordings", items);
        return out;
    }

    private static ObjectNode describe(Entry e, RecordingManifest manifest) {
        ObjectNode o = Json.object().put("recording-id", e.id()).put("backend", "embedded").put("room", e.room())
                .put("directory", e.recorder().directory().toString());
        ArrayNode tracks = o.putArray("tracks");
        List<RecordedTrack> list = manifest == null ? e.recorder().tracks() : manifest.tracks();
        for (RecordedTrack t : list) {
            ObjectNode track = tracks.addObject().put("participant-identity", t.participantIdentity())
                    .put("track-sid", t.trackSid())
                    .put("file", t.file()).put("started-at", t.startedAt().toString())
                    .put("stopped-at", t.stoppedAt().toString()).put("seconds", t.samples() / 48_000.0);
            ArrayNode speech = track.putArray("speech");
            t.speech().forEach(s -> speech.addObject().put("started-at", s.startedAt().toString())
                    .put("stopped-at", s.stoppedAt().toString()));
        }
        if (manifest != null) {
            o.put("manifest", e.recorder().directory().resolve(RoomRecorder.MANIFEST).toString());
        }
        return o;
    }

    @Override
    public synchronized void close() {
        recordings.values().forEach(e -> e.recorder().close());
        if (client != null) {
            client.close();
            client = null;
        }
    }
}
