package dev.switchboard.coordinator.internal;

import dev.switchboard.spi.EventPublisher;
import dev.switchboard.spi.SwitchboardEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers events to listeners on one dedicated thread, in publication order. Publishing never
 * blocks: when the queue is full the event is dropped and counted
 * ({@code switchboard.events.dropped}). A listener that throws is logged and keeps its
 * subscription. Thread-safe.
 */
final class EventDispatcher implements EventPublisher, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EventDispatcher.class);
    private static final int CAPACITY = 10_000;

    private final BlockingQueue<SwitchboardEvent> queue = new LinkedBlockingQueue<>(CAPACITY);
    private final List<Consumer<SwitchboardEvent>> listeners = new CopyOnWriteArrayList<>();
    private final Counter dropped;
    private final Thread thread;
    private volatile boolean closed;

    EventDispatcher(MeterRegistry registry) {
        this.dropped = registry.counter("switchboard.events.dropped");
        this.thread = Thread.ofPlatform().daemon().name("switchboard-events").start(this::loop);
    }

    @Override
    public void publish(SwitchboardEvent event) {
        Objects.requireNonNull(event, "event");
        if (closed || !queue.offer(event)) {
            dropped.increment();
        }
    }

    /** Whether anyone listens (events published while no one does are delivered to no one). */
    boolean hasListeners() {
        return !listeners.isEmpty();
    }

    /** Adds a listener; closing the handle removes it. */
    AutoCloseable listen(Consumer<SwitchboardEvent> listener) {
        Objects.requireNonNull(listener, "listener");
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    private void loop() {
        while (!closed || !queue.isEmpty()) {
            try {
                SwitchboardEvent event = queue.poll(50, TimeUnit.MILLISECONDS);
                if (event != null) {
                    deliver(event);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void deliver(SwitchboardEvent event) {
        for (Consumer<SwitchboardEvent> listener : listeners) {
            try {
                listener.accept(event);
            } catch (RuntimeException e) {
                LOG.warn("event listener {} failed on {}: {}", listener.getClass().getName(), event.type(),
                        e.getClass().getName());
            }
        }
    }

    /** Delivers what is queued (waiting at most two seconds), then stops the thread. Idempotent. */
    @Override
    public void close() {
        closed = true;
        try {
            thread.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
