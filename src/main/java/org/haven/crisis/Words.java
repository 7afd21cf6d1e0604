package org.haven.crisis;

import java.util.Arrays;

/**
 * The words of a normalised text with their positions and 64-bit keys, as the {@link PatternAutomaton} and the
 * {@link WordModel} look them up. A word is a run of word characters; {@code '.'} and {@code ','} are words of
 * their own. The {@link Normaliser} records them as it writes them, so neither the scan nor the model reads the
 * text a character at a time again; {@link #collect} is the same definition written plainly, for tools and tests.
 */
final class Words {

    static final long FNV_OFFSET = 0xcbf29ce484222325L;
    static final long FNV_PRIME = 0x100000001b3L;
    /** The keys of the sentence marks, which count as words. */
    static final long DOT = (FNV_OFFSET ^ '.') * FNV_PRIME;
    static final long COMMA = (FNV_OFFSET ^ ',') * FNV_PRIME;

    int size;
    int[] start = new int[64];
    int[] end = new int[64];
    long[] key = new long[64];

    void add(int from, int to, long hash) {
        if (size == key.length) {
            start = Arrays.copyOf(start, size * 2);
            end = Arrays.copyOf(end, size * 2);
            key = Arrays.copyOf(key, size * 2);
        }
        start[size] = from;
        end[size] = to;
        key[size] = hash;
        size++;
    }

    /** Replaces the contents with the words of {@code t[0..n)}. */
    Words collect(char[] t, int n) {
        size = 0;
        collect(t, 0, n);
        return this;
    }

    /**
     * Adds the words of {@code t[from..to)}: runs of word characters, and each {@code '.'} and {@code ','}. This is
     * the definition; the normaliser records words as it writes them, and the tests hold it to this.
     */
    void collect(char[] t, int from, int to) {
        int i = from;
        while (i < to) {
            char c = t[i];
            if (Normaliser.isWordChar(c)) {
                int end = i + 1;
                while (end < to && Normaliser.isWordChar(t[end])) {
                    end++;
                }
                add(i, end, hash(t, i, end));
                i = end;
            } else {
                if (c == '.' || c == ',') {
                    add(i, i + 1, c == '.' ? DOT : COMMA);
                }
                i++;
            }
        }
    }

    /** The key of the word {@code t[from..to)}. */
    static long hash(char[] t, int from, int to) {
        long hash = FNV_OFFSET;
        for (int k = from; k < to; k++) {
            hash = (hash ^ t[k]) * FNV_PRIME;
        }
        return hash;
    }

    /** Calls {@code sink} for every word ({@code start2 < 0}) and every pair of adjacent words. */
    void forEachFeature(WordModel.FeatureSink sink) {
        for (int w = 0; w < size; w++) {
            sink.feature(key[w], start[w], end[w], -1, -1);
            if (w > 0) {
                sink.feature(pair(key[w - 1], key[w]), start[w - 1], end[w - 1], start[w], end[w]);
            }
        }
    }

    /** The key of a word's spelling: 64-bit FNV-1a of its UTF-16 chars. */
    static long fnv(String word) {
        return hash(word.toCharArray(), 0, word.length());
    }

    /** The key of a pair of adjacent words, from theirs: each character is hashed once. */
    static long pair(long first, long second) {
        long mixed = (first ^ (first >>> 31)) * 0x9E3779B97F4A7C15L + second;
        return mixed ^ (mixed >>> 29);
    }
}
