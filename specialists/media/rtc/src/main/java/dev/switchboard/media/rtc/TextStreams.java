package dev.switchboard.media.rtc;

import com.google.protobuf.ByteString;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import livekit.LivekitModels.DataPacket;
import livekit.LivekitModels.DataStream;

/**
 * LiveKit text data streams (v1): splits outgoing text into header, chunks of at most 15 000 bytes and
 * a trailer; reassembles incoming ones and hands each complete stream to {@code onComplete}.
 * Thread-safe (incoming packets arrive on the session's event thread).
 */
final class TextStreams {

    static final int CHUNK_BYTES = 15_000;
    private static final int MAX_OPEN = 64;
    private final Map<String, Partial> open = new ConcurrentHashMap<>();
    private final Consumer<TextStream> onComplete;

    TextStreams(Consumer<TextStream> onComplete) {
        this.onComplete = onComplete;
    }

    /** The packets of one stream, in sending order. */
    static List<DataPacket.Builder> outgoing(String topic, String text, Map<String, String> attributes,
                                            long nowMillis) {
        String id = UUID.randomUUID().toString();
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        List<DataPacket.Builder> packets = new ArrayList<>();
        packets.add(DataPacket.newBuilder().setStreamHeader(DataStream.Header.newBuilder()
                .setStreamId(id).setTimestamp(nowMillis).setTopic(topic).setMimeType("text/plain")
                .setTotalLength(bytes.length).putAllAttributes(attributes)
                .setTextHeader(DataStream.TextHeader.newBuilder()
                        .setOperationType(DataStream.OperationType.CREATE))));
        int index = 0;
        for (int off = 0; off < bytes.length; off += CHUNK_BYTES) {
            int end = Math.min(bytes.length, off + CHUNK_BYTES);
            packets.add(DataPacket.newBuilder().setStreamChunk(DataStream.Chunk.newBuilder()
                    .setStreamId(id).setChunkIndex(index++).setContent(ByteString.copyFrom(bytes, off, end - off))));
        }
        packets.add(DataPacket.newBuilder().setStreamTrailer(DataStream.Trailer.newBuilder().setStreamId(id)));
        return packets;
    }

    /** Sends one stream's packets, in order, through {@code send} (streams from several threads never interleave). */
    synchronized void send(String topic, String text, Map<String, String> attributes,
                           Consumer<DataPacket.Builder> send) {
        java.util.Objects.requireNonNull(topic, "topic");
        java.util.Objects.requireNonNull(text, "text");
        for (DataPacket.Builder packet : outgoing(topic, text, attributes, System.currentTimeMillis())) {
            send.accept(packet);
        }
    }

    /** The signal request that sets the local participant's {@code attributes}. */
    static livekit.LivekitRtc.SignalRequest updateAttributes(Map<String, String> attributes) {
        return livekit.LivekitRtc.SignalRequest.newBuilder().setUpdateMetadata(
                livekit.LivekitRtc.UpdateParticipantMetadata.newBuilder().putAllAttributes(Map.copyOf(attributes)))
                .build();
    }

    /** Whether {@code packet} belongs to a data stream (and was consumed). */
    boolean accept(DataPacket packet) {
        switch (packet.getValueCase()) {
            case STREAM_HEADER -> {
                DataStream.Header h = packet.getStreamHeader();
                if (h.hasTextHeader() && open.size() < MAX_OPEN) {
                    open.put(h.getStreamId(), new Partial(packet.getParticipantIdentity(), h));
                }
                return true;
            }
            case STREAM_CHUNK -> {
                Partial p = open.get(packet.getStreamChunk().getStreamId());
                if (p != null) {
                    p.content.writeBytes(packet.getStreamChunk().getContent().toByteArray());
                }
                return true;
            }
            case STREAM_TRAILER -> {
                Partial p = open.remove(packet.getStreamTrailer().getStreamId());
                if (p != null) {
                    Map<String, String> attributes = new HashMap<>(p.header.getAttributesMap());
                    attributes.putAll(packet.getStreamTrailer().getAttributesMap());
                    onComplete.accept(new TextStream(p.sender, p.header.getStreamId(), p.header.getTopic(),
                            p.content.toString(StandardCharsets.UTF_8), attributes));
                }
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    private record Partial(String sender, DataStream.Header header, ByteArrayOutputStream content) {
        Partial(String sender, DataStream.Header header) {
            this(sender, header, new ByteArrayOutputStream());
        }
    }
}
