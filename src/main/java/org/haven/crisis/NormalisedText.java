package org.haven.crisis;

/**
 * Text after {@link Normaliser}: lower-case ASCII words separated by single spaces, with {@code '.'} between
 * sentences and {@code ','} between the parts of a sentence, plus, for every character, the span of the
 * original text it came from. Several normalised characters may share one original span (an emoji that became
 * a word) and one normalised character may stand for several original ones ({@code sooo}).
 */
final class NormalisedText {

    private final String original;
    private final char[] chars;
    private final int length;
    private final int[] starts;
    private final int[] ends;
    private final Words words;
    /** Whether the original text is all ASCII, so that only straight quotes can be quotation marks. */
    private final boolean ascii;
    /** Original offsets of the quotation marks that open or close a quotation; found on first use by {@link #quoted}. */
    private int[] quoteToggles;

    NormalisedText(String original, boolean ascii, char[] chars, int length, int[] starts, int[] ends, Words words) {
        this.ascii = ascii;
        this.words = words;
        this.original = original;
        this.chars = chars;
        this.length = length;
        this.starts = starts;
        this.ends = ends;
    }

    /** The words of the text, as {@link Words#collect} defines them; shares the normaliser's buffer. */
    Words words() {
        return words;
    }

    String original() {
        return original;
    }

    /** The normalised characters; only the first {@link #length()} are meaningful. */
    char[] chars() {
        return chars;
    }

    int length() {
        return length;
    }

    /** Offset in the original text where the normalised character at {@code index} starts. */
    int originalStart(int index) {
        return starts[index];
    }

    /** Offset in the original text just after the normalised character at {@code index}. */
    int originalEnd(int index) {
        return ends[index];
    }

    /**
     * Whether original offset {@code offset} lies between quotation marks. Straight and curly double quotes toggle;
     * a single quote does only where it is not an apostrophe inside a word ("don't"). The states of the whole text
     * are worked out on the first question and kept: asked once per hit, reading from the start each time made a
     * long post with many hits quadratic.
     */
    boolean quoted(int offset) {
        if (quoteToggles == null) {
            quoteToggles = ascii ? asciiQuoteToggles(original) : quoteToggles(original);
        }
        // the offsets where the state flips, in order: the state before an offset is inside when an odd number of
        // them lie before it. Most posts have none; keeping only them spares a flag per character of a post asked
        // about
        int at = java.util.Arrays.binarySearch(quoteToggles, offset);
        int before = at >= 0 ? at : -at - 1; // the offsets are distinct: a mark found sits after the ones before it
        return (before & 1) == 1;
    }

    private static final int[] NO_TOGGLES = new int[0];

    /** The offsets of the quotation marks that open or close a quotation, in order. */
    private static int[] quoteToggles(String original) {
        Toggles toggles = new Toggles();
        for (int i = 0, n = original.length(); i < n; i++) {
            char c = original.charAt(i);
            if (c == '"' || c == '\u201C' || c == '\u201D' || c == '\u00AB' || c == '\u00BB') {
                toggles.add(i);
            } else if (c == '\'' || c == '\u2018' || c == '\u2019') {
                toggles.single(original, i);
            }
        }
        return toggles.offsets();
    }

    /**
     * {@link #quoteToggles} for ASCII text, where only {@code "} and {@code '} can be quotation marks: it jumps from
     * one to the next with {@link String#indexOf(int, int)}, which the JVM scans many characters at a time. Reading
     * every character with {@code charAt}, for each post a rule's exception was asked about, took 3% of the
     * detector's time on the benchmark.
     */
    private static int[] asciiQuoteToggles(String original) {
        Toggles toggles = new Toggles();
        int dbl = original.indexOf('"');
        int sgl = original.indexOf('\'');
        while (dbl >= 0 || sgl >= 0) {
            if (sgl < 0 || dbl >= 0 && dbl < sgl) {
                toggles.add(dbl);
                dbl = original.indexOf('"', dbl + 1);
            } else {
                toggles.single(original, sgl);
                sgl = original.indexOf('\'', sgl + 1);
            }
        }
        return toggles.offsets();
    }

    /** The toggles found so far, in order, and whether the text is inside a quotation after them. */
    private static final class Toggles {
        private int[] offsets = NO_TOGGLES;
        private int count;

        void add(int offset) {
            if (count == offsets.length) {
                offsets = java.util.Arrays.copyOf(offsets, Math.max(4, count * 2));
            }
            offsets[count++] = offset;
        }

        /**
         * A single quote at {@code i} toggles only at the edge of a word, and then only in the direction that edge
         * allows: before a word it opens, after one it closes ("don't" and "dogs' bowls" stay outside).
         */
        void single(String text, int i) {
            boolean letterBefore = i > 0 && Character.isLetterOrDigit(text.charAt(i - 1));
            boolean letterAfter = i + 1 < text.length() && Character.isLetterOrDigit(text.charAt(i + 1));
            boolean inside = (count & 1) == 1;
            if (letterBefore != letterAfter && (letterAfter ? !inside : inside)) {
                add(i);
            }
        }

        int[] offsets() {
            return count == offsets.length ? offsets : java.util.Arrays.copyOf(offsets, count);
        }
    }

    @Override
    public String toString() {
        return new String(chars, 0, length);
    }
}
