package org.haven.crisis;

import java.util.Arrays;
import java.util.Map;

/**
 * An immutable open-addressing map from short words to ints that is looked up by a range of a {@code char[]},
 * so the normaliser can ask "is this token slang?" without creating a {@code String} per token. Slots are chosen
 * by the word's {@link Words#hash key}, which the normaliser has usually computed already while copying the word;
 * a key that matches is confirmed by the spelling, so a chance collision never turns one word into another.
 */
final class WordTable {

    /** Per slot, the key (never 0; see {@link #stored}), 0 marking an empty slot. */
    private final long[] keys;
    private final char[][] spellings;
    private final int[] values;
    private final int mask;

    WordTable(Map<String, Integer> entries) {
        int capacity = Integer.highestOneBit(Math.max(4, entries.size() * 4 - 1)) << 1; // at most a quarter full
        keys = new long[capacity];
        spellings = new char[capacity][];
        values = new int[capacity];
        mask = capacity - 1;
        entries.forEach((word, value) -> {
            char[] spelling = word.toCharArray();
            long key = stored(Words.hash(spelling, 0, spelling.length));
            int slot = slot(key);
            while (keys[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            keys[slot] = key;
            spellings[slot] = spelling;
            values[slot] = value;
        });
    }

    /** The value stored for {@code text[from..to)}, or -1. */
    int get(char[] text, int from, int to) {
        return to <= from ? -1 : get(Words.hash(text, from, to), text, from, to);
    }

    /** The value stored for {@code text[from..to)}, whose key is {@code key}, or -1. */
    int get(long key, char[] text, int from, int to) {
        long stored = stored(key);
        for (int slot = slot(stored); keys[slot] != 0; slot = (slot + 1) & mask) {
            if (keys[slot] == stored && Arrays.equals(spellings[slot], 0, spellings[slot].length, text, from, to)) {
                return values[slot];
            }
        }
        return -1;
    }

    boolean contains(char[] text, int from, int to) {
        return get(text, from, to) >= 0;
    }

    /** The key as stored: 0 marks an empty slot, so a word whose key is 0 is stored under 1. */
    private static long stored(long key) {
        return key == 0 ? 1 : key;
    }

    private int slot(long key) {
        return (int) (key ^ (key >>> 32)) & mask;
    }
}
