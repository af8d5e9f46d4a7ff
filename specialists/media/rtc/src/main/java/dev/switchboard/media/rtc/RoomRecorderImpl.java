package dev.switchboard.media.rtc;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.spi.TimeSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@link RoomRecorder} as a listener on a hidden session. Thread-safe: the track map is guarded by this. */
final class RoomRecorderImpl implements RoomRecorder, RoomListener {

    private static final System.Logger LOG = System.getLogger(RoomRecorderImpl.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();
    private final RoomSession session;
    private final Path directory;
    private final TimeSource time;
    private final Instant startedAt;
    private final Map<String, TrackRecording> tracks = new LinkedHashMap<>();
    private final Object stopLock = new Object();
    private volatile RecordingManifest manifest;
    private boolean stopped;
    private IOException failure;

    private RoomRecorderImpl(RoomSession session, Path directory, TimeSource time, Instant startedAt) {
        this.session = session;
        this.directory = directory;
        this.time = time;
        this.startedAt = startedAt;
    }

    static RoomRecorder start(RtcClient client, ConnectOptions options, Path directory, TimeSource time) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new RecordingException(directory.toString(), e);
        }
        if (Files.exists(directory.resolve(MANIFEST))) {
            throw new RecordingException(directory + " already holds a finished recording (" + MANIFEST + ")");
        }
        Instant started = time.now();
        RoomSession session = client.connect(options);
        RoomRecorderImpl recorder = new RoomRecorderImpl(session, directory, time, started);
        session.addListener(recorder);
        return recorder;
    }

    @Override
    public void onAudioFrame(AudioFrame frame) {
        Instant now = time.now();
        TrackRecording rec;
        synchronized (this) {
            if (stopped) {
                return;
            }
            rec = tracks.get(frame.track().trackSid());
            if (rec == null) {
                rec = open(frame.track(), now);
                if (rec == null) {
                    return;
                }
            }
        }
        try {
            rec.write(frame, now);
        } catch (IOException e) {
            fail(e);
        }
    }

    private TrackRecording open(RemoteAudioTrack track, Instant now) {
        String who = track.participantIdentity().isEmpty() ? track.participantSid() : track.participantIdentity();
        String file = who.replaceAll("[^A-Za-z0-9_.-]", "_") + "-" + track.trackSid() + ".wav";
        try {
            TrackRecording rec = new TrackRecording(track, directory, file, now);
            tracks.put(track.trackSid(), rec);
            return rec;
        } catch (IOException e) {
            fail(e);
            return null;
        }
    }

    @Override
    public void onTrackUnpublished(Participant participant, String trackSid) {
        TrackRecording rec;
        synchronized (this) {
            rec = tracks.get(trackSid);
        }
        finish(rec);
    }

    @Override
    public void onParticipantLeft(Participant participant) {
        for (TrackRecording rec : recordingsOf(participant)) {
            finish(rec);
        }
    }

    @Override
    public void onParticipantUpdated(Participant participant) {
        for (TrackRecording rec : recordingsOf(participant)) {
            rec.nameIfUnknown(participant.identity());
        }
    }

    private synchronized List<TrackRecording> recordingsOf(Participant participant) {
        return tracks.values().stream().filter(r -> r.track().participantSid().equals(participant.sid())).toList();
    }

    private void finish(TrackRecording rec) {
        if (rec != null) {
            try {
                rec.finish();
            } catch (IOException e) {
                fail(e);
            }
        }
    }

    private synchronized void fail(IOException e) {
        LOG.log(System.Logger.Level.WARNING, "recording in " + directory + " failed", e);
        if (failure == null) {
            failure = e;
        }
    }

    @Override
    public Path directory() {
        return directory;
    }

    @Override
    public synchronized List<RecordedTrack> tracks() {
        return tracks.values().stream().map(TrackRecording::snapshot).toList();
    }

    @Override
    public RecordingManifest stop() {
        synchronized (stopLock) {
            if (manifest != null) {
                return manifest;
            }
            synchronized (this) {
                stopped = true;
            }
            session.close(); // outside this object's lock: closing may wait for a frame callback
            List<TrackRecording> all;
            synchronized (this) {
                all = new ArrayList<>(tracks.values());
            }
            all.forEach(this::finish);
            manifest = new RecordingManifest(session.roomName(), startedAt, time.now(), tracks());
            IOException failed;
            synchronized (this) {
                failed = failure;
            }
            if (failed != null) {
                throw new RecordingException(directory.toString(), failed);
            }
            Path file = directory.resolve(MANIFEST);
            try {
                Files.write(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(json()));
            } catch (IOException e) {
                throw new RecordingException(file.toString(), e);
            }
            return manifest;
        }
    }

    private ObjectNode json() {
        ObjectNode root = JSON.createObjectNode().put("room", manifest.room())
                .put("startedAt", manifest.startedAt().toString()).put("stoppedAt", manifest.stoppedAt().toString())
                .put("sampleRate", SAMPLE_RATE).put("channels", 1).put("bitsPerSample", 16);
        ArrayNode list = root.putArray("tracks");
        for (RecordedTrack t : manifest.tracks()) {
            ObjectNode entry = list.addObject().put("participantIdentity", t.participantIdentity())
                    .put("participantSid", t.participantSid()).put("trackSid", t.trackSid()).put("file", t.file())
                    .put("startedAt", t.startedAt().toString()).put("stoppedAt", t.stoppedAt().toString())
                    .put("samples", t.samples()).put("seconds", t.samples() / (double) SAMPLE_RATE);
            ArrayNode speech = entry.putArray("speech");
            for (SpeechSegment s : t.speech()) {
                speech.addObject().put("startedAt", s.startedAt().toString())
                        .put("stoppedAt", s.stoppedAt().toString());
            }
        }
        return root;
    }

    @Override
    public void close() {
        stop();
    }
}
