package io.agentcoach.coaching.guardrails;

import java.util.function.Function;

/**
 * Remembers the value derived from the most recent key: the system prompt and an exercise's
 * reference solution repeat across consecutive requests, so their fingerprints are derived once.
 * Thread-safe; concurrent misses may derive the same value twice, which is harmless.
 */
final class LastComputed<K, V> {

    private record Entry<K, V>(K key, V value) {
    }

    private final Function<K, V> derive;
    private volatile Entry<K, V> last;

    LastComputed(Function<K, V> derive) {
        this.derive = derive;
    }

    V get(K key) {
        Entry<K, V> entry = last;
        if (entry == null || !entry.key().equals(key)) {
            entry = new Entry<>(key, derive.apply(key));
            last = entry;
        }
        return entry.value();
    }
}
