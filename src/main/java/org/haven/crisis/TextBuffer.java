package org.haven.crisis;

import java.util.Arrays;

/** A growable char array with, per character, the span of the original text it stands for. */
final class TextBuffer {
    char[] c;
    int[] s;
    int[] e;
    int n;
    /** When set, character k came from original offset k alone and {@code s}/{@code e} are not filled. */
    boolean identityOffsets;

    TextBuffer(int capacity) {
        c = new char[capacity];
        s = new int[capacity];
        e = new int[capacity];
    }

    int start(int k) {
        return identityOffsets ? k : s[k];
    }

    int end(int k) {
        return identityOffsets ? k + 1 : e[k];
    }

    /** Grows to at least {@code capacity}, and at least doubles: growing by a little each word would be quadratic. */
    void ensureCapacity(int capacity) {
        if (c.length < capacity) {
            int grown = Math.max(capacity, c.length * 2);
            c = Arrays.copyOf(c, grown);
            s = Arrays.copyOf(s, grown);
            e = Arrays.copyOf(e, grown);
        }
    }

    void add(char ch, int start, int end) {
        if (n == c.length) {
            ensureCapacity(c.length * 2 + 16);
        }
        c[n] = ch;
        s[n] = start;
        e[n] = end;
        n++;
    }

    /** Inserts {@code ch} at {@code index}, sharing the original span of the character it precedes. */
    void insert(int index, char ch) {
        add(' ', 0, 0);
        System.arraycopy(c, index, c, index + 1, n - 1 - index);
        System.arraycopy(s, index, s, index + 1, n - 1 - index);
        System.arraycopy(e, index, e, index + 1, n - 1 - index);
        c[index] = ch;
        e[index] = s[index];
    }

    void move(int from, int to) {
        c[to] = c[from];
        s[to] = s[from];
        e[to] = e[from];
    }
}
