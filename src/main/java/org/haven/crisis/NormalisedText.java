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
    /** Per original offset, whether it lies between quotation marks; built on first use by {@link #quoted}. */
    private boolean[] quotedBefore;

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
        if (quotedBefore == null) {
            int n = original.length();
            boolean[] before = new boolean[n + 1];
            boolean inside = false;
            for (int i = 0; i < n; i++) {
                before[i] = inside;
                char c = original.charAt(i);
                if (c == '"' || c == '\u201C' || c == '\u201D' || c == '\u00AB' || c == '\u00BB') {
                    inside = !inside;
                } else if (c == '\'' || c == '\u2018' || c == '\u2019') {
                    boolean letterBefore = i > 0 && Character.isLetterOrDigit(original.charAt(i - 1));
                    boolean letterAfter = i + 1 < n && Character.isLetterOrDigit(original.charAt(i + 1));
                    if (letterBefore != letterAfter && (letterAfter ? !inside : inside)) {
                        inside = !inside;
                    }
                }
            }
            before[n] = inside;
            quotedBefore = before;
        }
        return quotedBefore[offset];
    }

    @Override
    public String toString() {
        return new String(chars, 0, length);
    }
}
