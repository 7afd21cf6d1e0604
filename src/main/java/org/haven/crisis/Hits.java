package org.haven.crisis;

import java.util.Arrays;

/**
 * The pattern occurrences found in one text, as parallel arrays (one scan can produce hundreds, and a record
 * per hit would dominate the cost of short posts). Positions are in normalised characters and in words; sentence
 * and segment numbers say which sentence and which comma- or "but"-delimited part of it a hit is in.
 */
final class Hits {

    int size;
    int[] pattern = new int[16];
    int[] start = new int[16];
    int[] end = new int[16];
    int[] firstWord = new int[16];
    int[] lastWord = new int[16];
    int[] sentence = new int[16];
    int[] segment = new int[16];
    long[] categories = new long[16];

    void add(int p, int s, int e, int first, int last, int sent, int seg) {
        if (size == pattern.length) {
            int capacity = size * 2;
            pattern = Arrays.copyOf(pattern, capacity);
            start = Arrays.copyOf(start, capacity);
            end = Arrays.copyOf(end, capacity);
            firstWord = Arrays.copyOf(firstWord, capacity);
            lastWord = Arrays.copyOf(lastWord, capacity);
            sentence = Arrays.copyOf(sentence, capacity);
            segment = Arrays.copyOf(segment, capacity);
            categories = Arrays.copyOf(categories, capacity);
        }
        pattern[size] = p;
        start[size] = s;
        end[size] = e;
        firstWord[size] = first;
        lastWord[size] = last;
        sentence[size] = sent;
        segment[size] = seg;
        size++;
    }

    int length(int hit) {
        return end[hit] - start[hit];
    }

    boolean overlap(int a, int b) {
        return start[a] < end[b] && start[b] < end[a];
    }

    boolean contains(int outer, int inner) {
        return start[outer] <= start[inner] && end[inner] <= end[outer];
    }
}
