package dev.switchboard.media.rtc;

import dev.onvoid.webrtc.PeerConnectionFactory;
import dev.onvoid.webrtc.media.audio.HeadlessAudioDeviceModule;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.OkHttpClient;

/**
 * Owns the headless audio device (recording and playout started: playout is what pulls decoded remote
 * audio through the track sinks), the PeerConnectionFactory, the OkHttp client and one scheduler thread
 * for pings. Thread-safe.
 */
final class RtcClientImpl implements RtcClient {

    private final HeadlessAudioDeviceModule audioDevice;
    private final PeerConnectionFactory factory;
    private final OkHttpClient http;
    private final ScheduledExecutorService scheduler;
    private final Set<RoomSessionImpl> sessions = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean closed = new AtomicBoolean();

    RtcClientImpl() {
        audioDevice = new HeadlessAudioDeviceModule();
        audioDevice.initPlayout();
        audioDevice.startPlayout();
        audioDevice.initRecording();
        audioDevice.startRecording();
        factory = new PeerConnectionFactory(audioDevice);
        http = new OkHttpClient.Builder()
                .connectTimeout(Duration.ofSeconds(5))
                .readTimeout(Duration.ZERO)
                .pingInterval(Duration.ZERO)
                .build();
        scheduler = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("rtc-scheduler").daemon().factory());
    }

    @Override
    public RoomSession connect(ConnectOptions options) {
        if (closed.get()) {
            throw new RtcStateException("RtcClient is closed");
        }
        RoomSessionImpl session = RoomSessionImpl.join(new SessionDeps(factory, http, scheduler), options,
                sessions::remove);
        sessions.add(session);
        return session;
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        for (RoomSessionImpl session : sessions) {
            session.close();
        }
        scheduler.shutdownNow();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
        factory.dispose();
        audioDevice.stopPlayout();
        audioDevice.stopRecording();
        audioDevice.dispose();
    }

    /** What a session borrows from the client. */
    record SessionDeps(PeerConnectionFactory factory, OkHttpClient http, ScheduledExecutorService scheduler) {
    }
}
