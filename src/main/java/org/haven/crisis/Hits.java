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
    /** Categories 0 to 63 of each hit; see {@link Lexicon#categoriesOf}. */
    long[] categories = new long[16];
    /** Categories 64 to 127 of each hit. */
    long[] categoriesHigh = new long[16];

    /** Categories 64 to 127 present in any hit, set when the hits are categorised. */
    long presentHigh;

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
            categoriesHigh = Arrays.copyOf(categoriesHigh, capacity);
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

    /**
     * Up to this many hits, a search looks at all of them: finding where to look costs more than looking. Beyond
     * it, the rules look only near the words they are about (see the search bounds below), so that a long post
     * with thousands of hits costs time in proportion to its length, not to its square.
     */
    static final int SHORT = 64;
    /** Set by a detector that reads every hit in every search, as the rules did before; the tests' reference. */
    boolean readWhole;

    /* Search bounds: [from, until) holds every hit a search asks about, and for a short list all of them, so the
       caller still checks each hit it looks at. Hits are recorded in order of their last word, and so of their
       sentence, which is what makes the binary searches valid. */

    /** Where to start looking for hits whose last word is at or after {@code word}. */
    int searchFromWord(int word) {
        return readWhole || size <= SHORT ? 0 : firstEndingAtOrAfter(word);
    }

    /** Where to stop looking for hits whose last word is before {@code word}. */
    int searchUntilWord(int word) {
        return readWhole || size <= SHORT ? size : firstEndingAtOrAfter(word);
    }

    /** Where to start looking for hits of sentence {@code sentence} or later. */
    int searchFromSentence(int sentence) {
        return readWhole || size <= SHORT ? 0 : firstInSentence(sentence);
    }

    /** Where to stop looking for hits of sentences before {@code sentence}. */
    int searchUntilSentence(int sentence) {
        return readWhole || size <= SHORT ? size : firstInSentence(sentence);
    }

    /** The first hit whose last word is at or after {@code word}, or {@link #size}. */
    private int firstEndingAtOrAfter(int word) {
        int lo = 0;
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (lastWord[mid] < word) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The first hit in sentence {@code sentence} or a later one, or {@link #size}. */
    private int firstInSentence(int sentence) {
        int lo = 0;
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (this.sentence[mid] < sentence) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
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
