package dev.switchboard.qualitygates;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;

/**
 * Per-key state of a rate limit or quota, bounded: once {@code maxKeys} keys exist, every new key
 * shares one overflow entry, so a flood of distinct keys cannot grow memory or reset budgets.
 * Thread-safe.
 *
 * @param <T> the per-key state
 */
final class KeyedStore<T> {

    static final String OVERFLOW = "\u0000overflow";

    private final ConcurrentMap<String, T> entries = new ConcurrentHashMap<>();
    private final int maxKeys;

    KeyedStore(int maxKeys) {
        this.maxKeys = maxKeys;
    }

    T get(String key, Function<String, T> create) {
        T existing = entries.get(key);
        if (existing != null) {
            return existing;
        }
        String k = entries.size() >= maxKeys ? OVERFLOW : key;
        return entries.computeIfAbsent(k, create);
    }

    int size() {
        return entries.size();
    }
}
