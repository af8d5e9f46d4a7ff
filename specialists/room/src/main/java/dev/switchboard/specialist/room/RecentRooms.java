package dev.switchboard.specialist.room;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The sids of the last rooms this specialist created, so that a CreateRoom that answers with one of
 * them is known to adopt it, however soon after its creation it comes. Thread-safe.
 */
final class RecentRooms {

    private static final int CAPACITY = 4_096;

    private final Map<String, Boolean> sids = new LinkedHashMap<>(CAPACITY * 2, 0.75f, false) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > CAPACITY;
        }
    };

    synchronized boolean seen(String sid) {
        return sids.containsKey(sid);
    }

    /** Remembers {@code sid}; true when it was new (false: another call created that room). */
    synchronized boolean add(String sid) {
        return sids.putIfAbsent(sid, Boolean.TRUE) == null;
    }
}
