package dev.switchboard.media.rtc;

import java.util.ArrayDeque;
import java.util.Deque;
import livekit.LivekitModels.DataPacket;

/**
 * Numbers and sends data packets, keeping the last reliable ones so a resume can re-send what the server
 * did not receive (sequence above its {@code last_message_seq}; the server drops sequences it has seen,
 * so a packet arrives once). While paused (reconnecting) reliable packets wait here, lossy ones are
 * dropped. Bounded: at most {@code capacity} packets are kept, and sent ones only up to
 * {@value #SENT_BYTES} bytes in all; when {@code capacity} packets are still waiting to go out,
 * {@link #send} refuses more. Thread-safe (one lock; a send holds it while the channel takes the bytes).
 */
final class ReliableReplay {

    /** Where packets go: the current publisher's data channels. */
    interface Channel {
        void send(byte[] packet, boolean reliable);
    }

    private record Entry(int sequence, byte[] packet, boolean transmitted) {
    }

    /** The most bytes of already-sent packets kept for a resume's re-send. */
    static final int SENT_BYTES = 1 << 20;
    private final int capacity;
    private long keptBytes;
    private final Deque<Entry> entries = new ArrayDeque<>();
    private int sequence;
    private int waiting;
    private volatile boolean paused;
    private Channel channel = (packet, reliable) -> {
        throw new RtcStateException("no data channel yet");
    };

    ReliableReplay(int capacity) {
        this.capacity = capacity;
    }

    /** Numbers (when reliable), sends or keeps the packet. */
    synchronized void send(DataPacket.Builder packet, boolean reliable) {
        if (!reliable) {
            if (!paused) {
                channel.send(packet.build().toByteArray(), false);
            }
            return;
        }
        if (paused && waiting >= capacity) {
            throw new RtcStateException("reconnecting, and " + waiting + " reliable packets already wait to be "
                    + "sent (ReconnectPolicy.replayPackets)");
        }
        byte[] bytes = packet.setSequence(++sequence).build().toByteArray();
        if (paused) {
            waiting++;
            keep(new Entry(sequence, bytes, false));
            return;
        }
        channel.send(bytes, true);
        keep(new Entry(sequence, bytes, true));
    }

    /** From now on reliable packets wait and lossy ones are dropped. Does not block (a send may be running). */
    void pause() {
        paused = true;
    }

    /**
     * After a resume: re-sends every kept packet with a sequence above {@code lastReceived} through
     * {@code next}, then sends directly again. Returns how many were re-sent.
     */
    synchronized int resume(Channel next, long lastReceived) {
        int resent = 0;
        Deque<Entry> kept = new ArrayDeque<>(entries.size());
        for (Entry e : entries) {
            if (Integer.toUnsignedLong(e.sequence()) > lastReceived) {
                next.send(e.packet(), true);
                resent++;
            }
            kept.add(new Entry(e.sequence(), e.packet(), true));
        }
        replace(kept);
        return restart(next, resent);
    }

    /**
     * After a rejoin: sends the packets that never went out through {@code next} and forgets the rest
     * (they went to the old participant; the new one cannot tell what arrived). Returns how many were sent.
     */
    synchronized int rejoined(Channel next) {
        int sent = 0;
        Deque<Entry> kept = new ArrayDeque<>(entries.size());
        for (Entry e : entries) {
            if (!e.transmitted()) {
                next.send(e.packet(), true);
                sent++;
                kept.add(new Entry(e.sequence(), e.packet(), true));
            }
        }
        replace(kept);
        return restart(next, sent);
    }

    /** The channel to use when not paused (the first join's publisher). */
    synchronized void use(Channel next) {
        channel = next;
    }

    synchronized int waiting() {
        return waiting;
    }

    private void replace(Deque<Entry> kept) {
        entries.clear();
        entries.addAll(kept);
        keptBytes = 0;
        kept.forEach(e -> keptBytes += e.packet().length);
    }

    private int restart(Channel next, int count) {
        channel = next;
        waiting = 0;
        paused = false;
        return count;
    }

    private void keep(Entry entry) {
        entries.addLast(entry);
        keptBytes += entry.packet().length;
        while (!entries.isEmpty() && entries.peekFirst().transmitted()
                && (entries.size() > capacity || keptBytes > SENT_BYTES)) {
            keptBytes -= entries.removeFirst().packet().length;
        }
    }
}
