package dev.switchboard.specialist.egress;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.specialist.common.Params;
import java.util.Locale;
import java.util.function.Consumer;
import livekit.LivekitEgress;

/** Builds EgressService request messages from operation parameters. Stateless. */
final class EgressRequests {

    private EgressRequests() {
    }

    static LivekitEgress.RoomCompositeEgressRequest roomComposite(ObjectNode p) {
        var b = LivekitEgress.RoomCompositeEgressRequest.newBuilder().setRoomName(Params.string(p, "room"));
        Params.optString(p, "layout").ifPresent(b::setLayout);
        b.setAudioOnly(Params.bool(p, "audio-only", false)).setVideoOnly(Params.bool(p, "video-only", false));
        outputs(p, b::addFileOutputs, b::addStreamOutputs, b::addSegmentOutputs);
        return b.build();
    }

    static LivekitEgress.ParticipantEgressRequest participant(ObjectNode p) {
        var b = LivekitEgress.ParticipantEgressRequest.newBuilder()
                .setRoomName(Params.string(p, "room")).setIdentity(Params.string(p, "identity"))
                .setScreenShare(Params.bool(p, "screen-share", false));
        outputs(p, b::addFileOutputs, b::addStreamOutputs, b::addSegmentOutputs);
        return b.build();
    }

    static LivekitEgress.TrackEgressRequest track(ObjectNode p) {
        var b = LivekitEgress.TrackEgressRequest.newBuilder()
                .setRoomName(Params.string(p, "room")).setTrackId(Params.string(p, "track-sid"));
        Params.optString(p, "file-path").ifPresent(path ->
                b.setFile(LivekitEgress.DirectFileOutput.newBuilder().setFilepath(path)));
        Params.optString(p, "websocket-url").ifPresent(b::setWebsocketUrl);
        if (!b.hasFile() && b.getWebsocketUrl().isEmpty()) {
            throw Params.invalid("file-path", "or websocket-url is required");
        }
        return b.build();
    }

    static LivekitEgress.WebEgressRequest web(ObjectNode p) {
        var b = LivekitEgress.WebEgressRequest.newBuilder().setUrl(Params.string(p, "url"))
                .setAudioOnly(Params.bool(p, "audio-only", false)).setVideoOnly(Params.bool(p, "video-only", false));
        outputs(p, b::addFileOutputs, b::addStreamOutputs, b::addSegmentOutputs);
        return b.build();
    }

    private static void outputs(ObjectNode p, Consumer<LivekitEgress.EncodedFileOutput> file,
            Consumer<LivekitEgress.StreamOutput> stream, Consumer<LivekitEgress.SegmentedFileOutput> segments) {
        JsonNode out = p.path("outputs");
        if (!out.isObject() || out.isEmpty()) {
            throw Params.invalid("outputs", "needs at least one of file, stream, segments");
        }
        if (out.path("file").isObject()) {
            ObjectNode f = (ObjectNode) out.path("file");
            var b = LivekitEgress.EncodedFileOutput.newBuilder().setFilepath(Params.string(f, "path"));
            Params.optString(f, "type").ifPresent(t ->
                    b.setFileType(LivekitEgress.EncodedFileType.valueOf(t.toUpperCase(Locale.ROOT))));
            file.accept(b.build());
        }
        if (out.path("stream").isObject()) {
            var b = LivekitEgress.StreamOutput.newBuilder().setProtocol(LivekitEgress.StreamProtocol.RTMP);
            for (String url : Params.strings((ObjectNode) out.path("stream"), "urls")) {
                if (url.startsWith("srt://")) {
                    b.setProtocol(LivekitEgress.StreamProtocol.SRT);
                }
                b.addUrls(url);
            }
            stream.accept(b.build());
        }
        if (out.path("segments").isObject()) {
            ObjectNode s = (ObjectNode) out.path("segments");
            var b = LivekitEgress.SegmentedFileOutput.newBuilder().setFilenamePrefix(Params.string(s, "prefix"));
            Params.optString(s, "playlist").ifPresent(b::setPlaylistName);
            Params.optInt(s, "duration").ifPresent(b::setSegmentDuration);
            segments.accept(b.build());
        }
    }
}
