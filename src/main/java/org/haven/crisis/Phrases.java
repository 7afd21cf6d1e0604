package org.haven.crisis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Phrases (each the keys of its normalised words) grouped by their first word, so that a text's words can be
 * matched against them by looking up each word once instead of trying every phrase at every word. A modifier of
 * 70 phrases whose first words are as common as "he" and "my" tried all 70 at every such word of a sentence where
 * one of its rules fired: that loop was an eighth of the detector's time on posts at IDEATION.
 */
final class Phrases {

    private static final long[][] NONE = new long[0][];

    /** Distinct first words by open addressing (0 marks an empty slot; a first word keyed 0 is kept aside). */
    private final long[] firsts;
    private final long[][][] groups;
    private final long[][] startingWithZero;
    private final int mask;

    Phrases(long[][] phrases) {
        Map<Long, List<long[]>> byFirst = new LinkedHashMap<>();
        for (long[] phrase : phrases) {
            byFirst.computeIfAbsent(phrase[0], k -> new ArrayList<>()).add(phrase);
        }
        int capacity = Integer.highestOneBit(Math.max(4, byFirst.size() * 2 - 1)) << 1; // at most half full
        firsts = new long[capacity];
        groups = new long[capacity][][];
        mask = capacity - 1;
        long[][] zero = NONE;
        for (Map.Entry<Long, List<long[]>> group : byFirst.entrySet()) {
            long key = group.getKey();
            long[][] members = group.getValue().toArray(new long[0][]); // in the order they were given
            if (key == 0) {
                zero = members;
                continue;
            }
            int slot = slot(key);
            while (firsts[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            firsts[slot] = key;
            groups[slot] = members;
        }
        startingWithZero = zero;
    }

    /** The phrases whose first word's key is {@code key}, in the order they were given; empty when there is none. */
    long[][] startingWith(long key) {
        if (key == 0) {
            return startingWithZero;
        }
        for (int slot = slot(key); firsts[slot] != 0; slot = (slot + 1) & mask) {
            if (firsts[slot] == key) {
                return groups[slot];
            }
        }
        return NONE;
    }

    private int slot(long key) {
        return (int) (key ^ (key >>> 32)) & mask;
    }
}
