package dev.switchboard.testkit;

import dev.switchboard.spi.EventPublisher;
import dev.switchboard.spi.SwitchboardEvent;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** An {@link EventPublisher} that keeps every event, in publication order. Thread-safe. */
public final class RecordingEvents implements EventPublisher {

    private final List<SwitchboardEvent> events = new CopyOnWriteArrayList<>();

    @Override
    public void publish(SwitchboardEvent event) {
        events.add(event);
    }

    /** Every event published so far. */
    public List<SwitchboardEvent> all() {
        return List.copyOf(events);
    }

    /** The events of one type ({@code room.created}). */
    public List<SwitchboardEvent> ofType(String type) {
        return events.stream().filter(e -> e.type().equals(type)).toList();
    }
}
