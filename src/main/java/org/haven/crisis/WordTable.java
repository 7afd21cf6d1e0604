package org.haven.crisis;

import java.util.Arrays;
import java.util.Map;

/**
 * An immutable open-addressing map from short words to ints that is looked up by a range of a {@code char[]},
 * so the normaliser can ask "is this token slang?" without creating a {@code String} per token.
 */
final class WordTable {

    private static final int FILTER_BITS = 1 << 13;

    /**
     * One bit per (first character, last character, length) of the keys: a single probe that spares most words
     * of a post from hashing. False positives only cost a hash.
     */
    private final long[] filter = new long[FILTER_BITS / Long.SIZE];
    private final char[][] keys;
    /** Per slot, the key's hash: most probes that reach a slot end on comparing it, without reading the key. */
    private final int[] hashes;
    private final int[] values;
    private final int mask;

    WordTable(Map<String, Integer> entries) {
        int capacity = Integer.highestOneBit(Math.max(4, entries.size() * 2 - 1)) << 1;
        keys = new char[capacity][];
        hashes = new int[capacity];
        values = new int[capacity];
        mask = capacity - 1;
        entries.forEach((key, value) -> {
            char[] k = key.toCharArray();
            int hash = hash(k, 0, k.length);
            int slot = hash & mask;
            while (keys[slot] != null) {
                slot = (slot + 1) & mask;
            }
            keys[slot] = k;
            hashes[slot] = hash;
            if (k.length > 0) {
                int bit = filterBit(k, 0, k.length);
                filter[bit >>> 6] |= 1L << bit;
            }
            values[slot] = value;
        });
    }

    /** The value stored for {@code text[from..to)}, or -1. */
    int get(char[] text, int from, int to) {
        if (to <= from) {
            return -1;
        }
        int bit = filterBit(text, from, to);
        if ((filter[bit >>> 6] & (1L << bit)) == 0) {
            return -1;
        }
        int hash = hash(text, from, to);
        int slot = hash & mask;
        for (char[] key = keys[slot]; key != null; key = keys[slot]) {
            if (hashes[slot] == hash && Arrays.equals(key, 0, key.length, text, from, to)) {
                return values[slot];
            }
            slot = (slot + 1) & mask;
        }
        return -1;
    }

    boolean contains(char[] text, int from, int to) {
        return get(text, from, to) >= 0;
    }

    private static int filterBit(char[] text, int from, int to) {
        int mixed = (text[from] * 131 + text[to - 1]) * 37 + Math.min(to - from, 63);
        return (mixed ^ (mixed >>> 13)) & (FILTER_BITS - 1);
    }

    private static int hash(char[] text, int from, int to) {
        int h = 0;
        for (int i = from; i < to; i++) {
            h = 31 * h + text[i];
        }
        return h ^ (h >>> 16);
    }
}
