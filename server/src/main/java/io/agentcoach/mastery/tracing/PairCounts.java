package io.agentcoach.mastery.tracing;

import java.util.Arrays;

/**
 * Answer counts {answers, right ones} per {@code long} key in open addressing (linear probing,
 * filled up to three quarters): 16 bytes a slot, about 21-43 a key, against some 80 in a
 * {@code HashMap<Long, int[]>}, for the millions of (earlier answer, item) pairs a training log yields.
 */
final class PairCounts {

    private static final long EMPTY = Long.MIN_VALUE;
    private long[] keys;
    private int[] answers;
    private int[] rights;
    private int size;

    PairCounts() {
        allocate(1 << 12);
    }

    private void allocate(int capacity) {
        keys = new long[capacity];
        Arrays.fill(keys, EMPTY);
        answers = new int[capacity];
        rights = new int[capacity];
    }

    private int slot(long key) {
        int mask = keys.length - 1;
        int i = (int) (mix(key) & mask);
        while (keys[i] != EMPTY && keys[i] != key) {
            i = (i + 1) & mask;
        }
        return i;
    }

    private static long mix(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return h ^ (h >>> 29);
    }

    void add(long key, boolean right) {
        if (key == EMPTY) {
            throw new IllegalArgumentException("reserved key");
        }
        if (4L * (size + 1) > 3L * keys.length) {
            long[] oldKeys = keys;
            int[] oldAnswers = answers;
            int[] oldRights = rights;
            allocate(keys.length * 2);
            for (int i = 0; i < oldKeys.length; i++) {
                if (oldKeys[i] != EMPTY) {
                    int s = slot(oldKeys[i]);
                    keys[s] = oldKeys[i];
                    answers[s] = oldAnswers[i];
                    rights[s] = oldRights[i];
                }
            }
        }
        int s = slot(key);
        if (keys[s] == EMPTY) {
            keys[s] = key;
            size++;
        }
        answers[s]++;
        rights[s] += right ? 1 : 0;
    }

    /** {answers, right ones} counted under the key, or null when none. */
    int[] get(long key) {
        int s = slot(key);
        return keys[s] == EMPTY ? null : new int[] {answers[s], rights[s]};
    }

    int size() {
        return size;
    }
}
