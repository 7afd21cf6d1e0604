package org.haven.crisis;

import java.util.Arrays;

/** A growable char array with, per character, the span of the original text it stands for. */
final class TextBuffer {
    char[] c;
    int[] s;
    int[] e;
    int n;

    TextBuffer(int capacity) {
        c = new char[capacity];
        s = new int[capacity];
        e = new int[capacity];
    }

    void add(char ch, int start, int end) {
        if (n == c.length) {
            int capacity = c.length * 2 + 16;
            c = Arrays.copyOf(c, capacity);
            s = Arrays.copyOf(s, capacity);
            e = Arrays.copyOf(e, capacity);
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
