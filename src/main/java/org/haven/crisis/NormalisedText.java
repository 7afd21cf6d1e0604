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
    /** Original offsets of the quotation marks that open or close a quotation; found on first use by {@link #quoted}. */
    private int[] quoteToggles;

    NormalisedText(String original, char[] chars, int length, int[] starts, int[] ends, Words words) {
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
            quoteToggles = quoteToggles(original);
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
        int n = original.length();
        int[] toggles = NO_TOGGLES;
        int count = 0;
        boolean inside = false;
        for (int i = 0; i < n; i++) {
            char c = original.charAt(i);
            boolean toggle = false;
            if (c == '"' || c == '\u201C' || c == '\u201D' || c == '\u00AB' || c == '\u00BB') {
                toggle = true;
            } else if (c == '\'' || c == '\u2018' || c == '\u2019') {
                boolean letterBefore = i > 0 && Character.isLetterOrDigit(original.charAt(i - 1));
                boolean letterAfter = i + 1 < n && Character.isLetterOrDigit(original.charAt(i + 1));
                toggle = letterBefore != letterAfter && (letterAfter ? !inside : inside);
            }
            if (toggle) {
                if (count == toggles.length) {
                    toggles = java.util.Arrays.copyOf(toggles, Math.max(4, count * 2));
                }
                toggles[count++] = i;
                inside = !inside;
            }
        }
        return count == toggles.length ? toggles : java.util.Arrays.copyOf(toggles, count);
    }

    @Override
    public String toString() {
        return new String(chars, 0, length);
    }
}
