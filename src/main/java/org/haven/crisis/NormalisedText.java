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

    @Override
    public String toString() {
        return new String(chars, 0, length);
    }
}
