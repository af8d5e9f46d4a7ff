package dev.switchboard.media.rtc;

import dev.switchboard.spi.Secret;
import dev.switchboard.spi.TimeSource;
import io.livekit.server.AccessToken;
import io.livekit.server.CanPublish;
import io.livekit.server.CanPublishData;
import io.livekit.server.Hidden;
import io.livekit.server.Recorder;
import io.livekit.server.RoomJoin;
import io.livekit.server.RoomName;
import java.nio.file.Path;
import java.util.List;

/**
 * The embedded recorder: a hidden participant that writes every audio track it is subscribed to into its
 * own 48 kHz mono 16-bit WAV file in one directory, and on {@link #stop()} a {@code manifest.json} of who
 * spoke when. Join it with a {@link #token recorder token} so other participants do not see it.
 *
 * <pre>{@code
 * Secret token = RoomRecorder.token(apiKey, apiSecret, "standup", "recorder-1");
 * try (RoomRecorder rec = RoomRecorder.start(client, ConnectOptions.of(wsUrl, token), dir, TimeSource.system())) {
 *     ...
 *     RecordingManifest m = rec.stop();
 * }
 * }</pre>
 * Thread-safe.
 */
public interface RoomRecorder extends AutoCloseable {

    /** The rate of every WAV file written. */
    int SAMPLE_RATE = 48_000;

    /** The manifest's file name in the recording directory. */
    String MANIFEST = "manifest.json";

    /**
     * Joins the room and records until {@link #stop()}. Creates {@code directory} if needed; refuses one that
     * already holds a manifest.
     *
     * @throws RecordingException if the directory cannot be prepared
     * @throws RtcException if the join is refused
     */
    static RoomRecorder start(RtcClient client, ConnectOptions options, Path directory, TimeSource time) {
        return RoomRecorderImpl.start(client, options, directory, time);
    }

    /** A token for a recorder: room join, hidden, recorder, may subscribe but not publish media or data. */
    static Secret token(String apiKey, Secret apiSecret, String room, String identity) {
        AccessToken token = new AccessToken(apiKey, apiSecret.reveal());
        token.setIdentity(identity);
        token.addGrants(new RoomJoin(true), new RoomName(room), new Hidden(true), new Recorder(true),
                new CanPublish(false), new CanPublishData(false));
        return Secret.of("recorder-token:" + room + "/" + identity, token.toJwt());
    }

    /** The directory the files go to. */
    Path directory();

    /** The tracks recorded so far (finished and live), in the order their first frame arrived. */
    List<RecordedTrack> tracks();

    /**
     * Stops: leaves the room, fixes up every WAV header, writes {@code manifest.json} and returns it.
     * Idempotent (later calls return the same manifest).
     *
     * @throws RecordingException if a file cannot be finished
     */
    RecordingManifest stop();

    /** Same as {@link #stop()}. */
    @Override
    void close();
}
