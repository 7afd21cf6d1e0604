package org.haven.crisis;

import java.util.Arrays;
import java.util.Map;

/**
 * An immutable open-addressing map from short words to ints that is looked up by a range of a {@code char[]},
 * so the normaliser can ask "is this token slang?" without creating a {@code String} per token.
 */
final class WordTable {

    /**
     * Per first character (low 7 bits), a bit per key length (63 meaning 63 or more): a one-probe filter that
     * spares most words of a post from hashing. False positives only cost a hash.
     */
    private final long[] lengthsByFirstChar = new long[128];
    private final char[][] keys;
    private final int[] values;
    private final int mask;

    WordTable(Map<String, Integer> entries) {
        int capacity = Integer.highestOneBit(Math.max(4, entries.size() * 2 - 1)) << 1;
        keys = new char[capacity][];
        values = new int[capacity];
        mask = capacity - 1;
        entries.forEach((key, value) -> {
            char[] k = key.toCharArray();
            int slot = hash(k, 0, k.length) & mask;
            while (keys[slot] != null) {
                slot = (slot + 1) & mask;
            }
            keys[slot] = k;
            if (k.length > 0) {
                lengthsByFirstChar[k[0] & 127] |= filterBit(k.length);
            }
            values[slot] = value;
        });
    }

    /** The value stored for {@code text[from..to)}, or -1. */
    int get(char[] text, int from, int to) {
        if (to <= from || (lengthsByFirstChar[text[from] & 127] & filterBit(to - from)) == 0) {
            return -1;
        }
        int slot = hash(text, from, to) & mask;
        for (char[] key = keys[slot]; key != null; key = keys[slot]) {
            if (Arrays.equals(key, 0, key.length, text, from, to)) {
                return values[slot];
            }
            slot = (slot + 1) & mask;
        }
        return -1;
    }

    boolean contains(char[] text, int from, int to) {
        return get(text, from, to) >= 0;
    }

    private static long filterBit(int length) {
        return 1L << Math.min(length, 63);
    }

    private static int hash(char[] text, int from, int to) {
        int h = 0;
        for (int i = from; i < to; i++) {
            h = 31 * h + text[i];
        }
        return h ^ (h >>> 16);
    }
}
