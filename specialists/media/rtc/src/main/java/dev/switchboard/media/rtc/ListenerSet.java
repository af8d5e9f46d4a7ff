package dev.switchboard.media.rtc;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** The session's listeners; one failing listener never stops the others. Thread-safe. */
final class ListenerSet {

    private static final System.Logger LOG = System.getLogger(ListenerSet.class.getName());
    private final List<RoomListener> listeners = new CopyOnWriteArrayList<>();

    void add(RoomListener listener) {
        listeners.add(java.util.Objects.requireNonNull(listener, "listener"));
    }

    void remove(RoomListener listener) {
        listeners.remove(listener);
    }

    /** True when nobody listens (the audio path then skips building frames). */
    boolean isEmpty() {
        return listeners.isEmpty();
    }

    void fire(Consumer<RoomListener> event) {
        for (RoomListener listener : listeners) {
            try {
                event.accept(listener);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "room listener " + listener.getClass().getName() + " threw", e);
            }
        }
    }
}
