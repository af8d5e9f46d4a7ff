package dev.switchboard.media.voice.provider;

import dev.switchboard.media.voice.spi.Failover;
import dev.switchboard.media.voice.spi.FailoverListener;
import dev.switchboard.media.voice.spi.ProviderException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The attempt and breaker bookkeeping of one call or stream through a fallback chain, shared by
 * {@link ChainSttStream}, {@link ChainLlmCall} and {@link ChainTtsStream}: which provider is
 * current, which are skipped because their breaker is open, how each attempt is judged (once, as a
 * success, a failure or a released permission), when the chain moves on, when it ends, and the
 * {@link Failover} events and the "every provider failed" error that follow. Subclasses open a
 * provider for an attempt and forward its callbacks through {@link #deliver}, {@link #succeed} and
 * {@link #fail}. Thread-safe: the state is guarded by this object's monitor, which subclasses may
 * also hold; listener callbacks are made without it, except those a provider makes while it is
 * opened under it.
 *
 * @param <P> the provider type
 * @param <H> the handle of one started attempt (a stream or a call)
 */
abstract class ChainAttempts<P, H> {

    /** One provider's try. */
    static final class Attempt<H> {
        final int index;
        final long start;
        volatile H handle;
        /** Output reached the listener; for LLM and TTS a later failure ends the chain instead of moving on. */
        volatile boolean delivered;
        private boolean judged;

        Attempt(int index, long start) {
            this.index = index;
            this.start = start;
        }
    }

    /** A provider passed over since the last attempt started, and why. */
    private record Passed(String name, String reason) {
    }

    private final String chain;
    private final List<P> providers;
    private final Function<P, String> names;
    private final Breakers breakers;
    private final boolean opensUnderLock;
    private final FailoverListener listener;
    private final Consumer<ProviderException> onError;
    private final ChainFailures failures = new ChainFailures();
    private final List<Passed> passed = new ArrayList<>();
    private Attempt<H> current;
    private boolean over;

    /**
     * A chain over {@code providers}. With {@code opensUnderLock} a provider is opened (and fed what
     * came so far) under the monitor, so pushes cannot slip between the opening and the replay.
     * {@code listener} hears the failovers, {@code onError} the error that ends the chain.
     */
    ChainAttempts(String chain, List<P> providers, Function<P, String> names, Breakers breakers,
            boolean opensUnderLock, FailoverListener listener, Consumer<ProviderException> onError) {
        this.chain = chain;
        this.providers = providers;
        this.names = names;
        this.breakers = breakers;
        this.opensUnderLock = opensUnderLock;
        this.listener = listener;
        this.onError = onError;
    }

    /** Starts {@code provider} for attempt {@code a} (whose callbacks go through this chain). */
    abstract H open(P provider, Attempt<H> a);

    /** Stops a started attempt (close or cancel). */
    abstract void stop(H handle);

    /** Called after an attempt failed, before the chain moves on or ends (default: nothing). */
    void abandoned(H handle) {
    }

    /** Starts the first provider from {@code from} whose breaker lets it through, or reports the exhausted chain. */
    final void next(int from) {
        Attempt<H> started = null;
        List<Failover> events = List.of();
        ProviderException exhausted = null;
        synchronized (this) {
            if (over) {
                return;
            }
            for (int i = from; i < providers.size() && started == null; i++) {
                if (!breakers.get(i).tryAcquirePermission()) {
                    String name = names.apply(providers.get(i));
                    failures.skipped(name);
                    passed.add(new Passed(name, Failover.BREAKER_OPEN));
                    continue;
                }
                started = new Attempt<>(i, breakers.now());
                current = started;
                events = failoversTo(names.apply(providers.get(i)));
                if (opensUnderLock) {
                    started.handle = open(providers.get(i), started);
                }
            }
            if (started == null) {
                over = true;
                exhausted = failures.exhausted(chain);
            }
        }
        events.forEach(listener::onFailover);
        if (exhausted != null) {
            onError.accept(exhausted);
        } else if (!opensUnderLock) {
            H handle = open(providers.get(started.index), started);
            started.handle = handle;
            boolean orphan;
            synchronized (this) {
                orphan = over && current == started && !started.judged; // ended while it was being opened
            }
            if (orphan) {
                stop(handle);
            }
        }
    }

    private List<Failover> failoversTo(String to) {
        List<Failover> events = passed.stream().map(p -> new Failover(chain, p.name(), to, p.reason())).toList();
        passed.clear();
        return events;
    }

    /** Whether {@code a} is the chain's current attempt and the chain is still running. */
    final synchronized boolean live(Attempt<H> a) {
        return !over && current == a;
    }

    /** Whether the chain has ended (done, failed, closed or cancelled). */
    final synchronized boolean ended() {
        return over;
    }

    /** The current attempt's handle; call under the monitor while not {@link #ended()}. */
    final synchronized H handle() {
        return current.handle;
    }

    /** Marks output from {@code a} as delivered; false when {@code a} is no longer live (drop the output). */
    final boolean deliver(Attempt<H> a) {
        if (!live(a)) {
            return false;
        }
        a.delivered = true;
        return true;
    }

    /**
     * Judges {@code a} a success (once; later calls only check liveness). With {@code ends} the chain
     * is over. False when {@code a} is no longer live.
     */
    final synchronized boolean succeed(Attempt<H> a, boolean ends) {
        if (!live(a)) {
            return false;
        }
        if (!a.judged) {
            a.judged = true;
            breakers.success(a.index, a.start);
        }
        over |= ends;
        return true;
    }

    /**
     * {@code a} failed. A retryable error before any delivered output moves on to the next provider;
     * otherwise the chain ends with {@code error}. A request the provider refused (not retryable)
     * does not count against its health: its permission is released instead.
     */
    final void fail(Attempt<H> a, ProviderException error) {
        boolean ends;
        synchronized (this) {
            if (!live(a)) {
                return;
            }
            if (!a.judged) {
                a.judged = true;
                if (error.retryable()) {
                    breakers.failure(a.index, a.start, error);
                } else {
                    breakers.get(a.index).releasePermission();
                }
            }
            ends = a.delivered || !error.retryable();
            if (ends) {
                over = true;
            } else {
                failures.failed(error);
                passed.add(new Passed(names.apply(providers.get(a.index)), reason(error)));
            }
        }
        H handle = a.handle;
        if (handle != null) {
            abandoned(handle);
        }
        if (ends) {
            onError.accept(error);
        } else {
            next(a.index + 1);
        }
    }

    /** Ends the chain from the caller's side (close or cancel), stopping the current attempt. */
    final void abort() {
        Attempt<H> a;
        synchronized (this) {
            if (over) {
                return;
            }
            over = true;
            a = current;
            if (a == null) {
                return;
            }
            if (!a.judged) {
                a.judged = true;
                breakers.get(a.index).releasePermission();
            }
        }
        H handle = a.handle;
        if (handle != null) {
            stop(handle);
        }
    }

    private static String reason(ProviderException e) {
        String m = e.getMessage();
        String prefix = e.provider() + ": ";
        return m.startsWith(prefix) ? m.substring(prefix.length()) : m;
    }
}
