package org.haven.crisis;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An Aho-Corasick automaton over normalised text, compiled to a dense transition table so the scan is one
 * array read per character. Matches are reported only on word boundaries; a possessive {@code 's} after a
 * pattern still counts as a boundary ({@code my brother} matches {@code my brother's}). A pattern marked as a
 * prefix needs no boundary at its end ({@code suicid*} matches {@code suicidal}).
 *
 * <p>The same scan also reports whole-word numbers at or above a threshold ({@code took 40 of them}), which a
 * word list cannot express.
 */
final class PatternAutomaton {

    /** Pattern id reported for a whole-word number. */
    static final int NUMBER = -1;

    /** Alphabet: a-z, 0-9, apostrophe, space. Anything else ends every pattern. */
    private static final int SYMBOLS = 38;
    private static final int SPACE = 37;
    private static final int[] SYMBOL_OF = new int[128];

    static {
        Arrays.fill(SYMBOL_OF, -1);
        for (char c = 'a'; c <= 'z'; c++) {
            SYMBOL_OF[c] = c - 'a';
        }
        for (char c = '0'; c <= '9'; c++) {
            SYMBOL_OF[c] = 26 + c - '0';
        }
        SYMBOL_OF['\''] = 36;
        SYMBOL_OF[' '] = SPACE;
    }

    private static final byte HAS_OUTPUT = 1;
    private static final byte HAS_PREFIX_OUTPUT = 2;

    /** Transitions as chars: the table stays half the size, and more of it stays in cache. */
    private final char[] next;
    private final byte[] flags;
    private final int[][] outputs;
    /** Per state, the outputs that may end inside a word (prefix patterns only). */
    private final int[][] prefixOutputs;
    private final int[] patternLength;
    private final int[] patternWords;

    /**
     * @param patterns normalised patterns, using only the automaton's alphabet
     * @param prefix   per pattern, whether it may end inside a word
     */
    PatternAutomaton(List<String> patterns, boolean[] prefix) {
        patternLength = new int[patterns.size()];
        patternWords = new int[patterns.size()];
        List<int[]> gotoRows = new ArrayList<>();
        List<int[]> ownOutputs = new ArrayList<>();
        gotoRows.add(newRow());
        ownOutputs.add(new int[0]);
        for (int p = 0; p < patterns.size(); p++) {
            String pattern = patterns.get(p);
            patternLength[p] = pattern.length();
            patternWords[p] = 1 + (int) pattern.chars().filter(ch -> ch == ' ').count();
            // every pattern starts with a space: matches can only begin at a word start, so "me" is never even
            // considered inside "time" (the scan reads a space wherever a word may begin)
            int state = child(gotoRows, ownOutputs, 0, SPACE);
            for (int i = 0; i < pattern.length(); i++) {
                int symbol = symbol(pattern.charAt(i));
                if (symbol < 0) {
                    throw new IllegalArgumentException("pattern '" + pattern + "' has a character outside a-z, 0-9, ' and space");
                }
                state = child(gotoRows, ownOutputs, state, symbol);
            }
            int[] own = ownOutputs.get(state);
            int[] grown = Arrays.copyOf(own, own.length + 1);
            grown[own.length] = p;
            ownOutputs.set(state, grown);
        }
        int states = gotoRows.size();
        if (states > Character.MAX_VALUE) {
            throw new IllegalArgumentException("too many patterns: " + states + " automaton states (at most 65535)");
        }
        next = new char[states * SYMBOLS];
        flags = new byte[states];
        outputs = new int[states][];
        int[] fail = new int[states];
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        outputs[0] = ownOutputs.get(0);
        for (int symbol = 0; symbol < SYMBOLS; symbol++) {
            int target = gotoRows.get(0)[symbol];
            if (target > 0) {
                next[symbol] = (char) target;
                fail[target] = 0;
                queue.add(target);
            }
        }
        prefixOutputs = new int[states][];
        prefixOutputs[0] = new int[0];
        while (!queue.isEmpty()) {
            int state = queue.poll();
            int[] own = ownOutputs.get(state);
            int[] inherited = outputs[fail[state]];
            int[] merged = Arrays.copyOf(own, own.length + inherited.length);
            System.arraycopy(inherited, 0, merged, own.length, inherited.length);
            outputs[state] = merged;
            prefixOutputs[state] = Arrays.stream(merged).filter(p -> prefix[p]).toArray();
            flags[state] = (byte) ((merged.length > 0 ? HAS_OUTPUT : 0) | (prefixOutputs[state].length > 0 ? HAS_PREFIX_OUTPUT : 0));
            for (int symbol = 0; symbol < SYMBOLS; symbol++) {
                int target = gotoRows.get(state)[symbol];
                if (target > 0) {
                    fail[target] = next[fail[state] * SYMBOLS + symbol];
                    next[state * SYMBOLS + symbol] = (char) target;
                    queue.add(target);
                } else {
                    next[state * SYMBOLS + symbol] = next[fail[state] * SYMBOLS + symbol];
                }
            }
        }
    }

    /** The trie child of {@code state} for {@code symbol}, created if missing. */
    private static int child(List<int[]> gotoRows, List<int[]> ownOutputs, int state, int symbol) {
        int target = gotoRows.get(state)[symbol];
        if (target <= 0) {
            target = gotoRows.size();
            gotoRows.get(state)[symbol] = target;
            gotoRows.add(newRow());
            ownOutputs.add(new int[0]);
        }
        return target;
    }

    private static int[] newRow() {
        return new int[SYMBOLS];
    }

    private static int symbol(char c) {
        return c < 128 ? SYMBOL_OF[c] : -1;
    }

    int patternWords(int pattern) {
        return pattern == NUMBER ? 1 : patternWords[pattern];
    }

    /**
     * Scans {@code text} once and reports every pattern occurrence on word boundaries, plus whole-word numbers
     * of at least {@code numberThreshold}, with word and clause positions.
     */
    void scan(NormalisedText text, int numberThreshold, Hits hits) {
        scan(text, numberThreshold, hits, new Words());
    }

    /**
     * Scans as above and also collects the text's {@link Words} for the word model: this loop already visits
     * every character, and hashing one costs less than reading the text again.
     */
    void scan(NormalisedText text, int numberThreshold, Hits hits, Words words) {
        words.size = 0;
        long wordHash = 0;
        int wordFrom = 0;
        char[] t = text.chars();
        int n = text.length();
        int wordStart = next[SPACE]; // the state after a word boundary: where every pattern begins
        int state = wordStart;
        int word = -1;
        int clause = 0;
        int segment = 0;
        int numberStart = -1;
        long number = 0;
        boolean isWord = n > 0 && Normaliser.isWordChar(t[0]);
        boolean previousIsWord = false;
        for (int i = 0; i < n; i++) {
            char c = t[i];
            boolean nextIsWord = i + 1 < n && Normaliser.isWordChar(t[i + 1]);
            if (isWord && !previousIsWord) {
                word++;
                numberStart = c >= '0' && c <= '9' ? i : -1;
                number = 0;
                wordHash = Words.FNV_OFFSET;
                wordFrom = i;
            }
            if (isWord) {
                wordHash = (wordHash ^ c) * Words.FNV_PRIME;
                if (!nextIsWord) {
                    words.add(wordFrom, i + 1, wordHash);
                }
            } else if (c == '.' || c == ',') {
                words.add(i, i + 1, (Words.FNV_OFFSET ^ c) * Words.FNV_PRIME);
            }
            int symbol = c < 128 ? SYMBOL_OF[c] : -1;
            if (symbol < 0) {
                // punctuation is a word boundary; a letter outside a-z (a non-Latin script) is not
                state = c >= 0x80 ? 0 : wordStart;
                if (c == '.') {
                    clause++;
                    segment++;
                } else if (c == ',') {
                    segment++;
                }
            } else {
                state = next[state * SYMBOLS + symbol];
                if (state == 0 && nextIsWord && numberStart < 0) {
                    // no pattern continues this word (every pattern starts at a space, and the root leaves only
                    // on one): skip to its end without the table reads, the scan's dominant cost
                    int end = i + 1;
                    while (end < n && Normaliser.isWordChar(t[end])) {
                        wordHash = (wordHash ^ t[end]) * Words.FNV_PRIME;
                        end++;
                    }
                    words.add(wordFrom, end, wordHash);
                    i = end - 1;
                    previousIsWord = true;
                    isWord = false;
                    continue;
                }
                // most positions are inside a word, where only prefix patterns can end; the flags keep the
                // scan inside two small arrays until something can actually match
                int flag = flags[state];
                if (flag != 0) {
                    boolean wordEnds = !nextIsWord || possessive(t, n, i + 1);
                    if (wordEnds || (flag & HAS_PREFIX_OUTPUT) != 0) {
                        report(i + 1, wordEnds ? outputs[state] : prefixOutputs[state], word, clause, segment, hits);
                    }
                }
            }
            if (numberStart >= 0) {
                if (c < '0' || c > '9') {
                    numberStart = -1;
                } else {
                    number = Math.min(number * 10 + (c - '0'), Integer.MAX_VALUE);
                    if (!nextIsWord && number >= numberThreshold) {
                        hits.add(NUMBER, numberStart, i + 1, word, word, clause, segment);
                    }
                }
            }
            previousIsWord = isWord;
            isWord = nextIsWord;
        }
    }

    private void report(int end, int[] found, int word, int clause, int segment, Hits hits) {
        // no check that the match starts a word: every pattern begins in the word-start state
        for (int p : found) {
            hits.add(p, end - patternLength[p], end, word - patternWords[p] + 1, word, clause, segment);
        }
    }

    private static boolean possessive(char[] t, int n, int end) {
        return end < n && t[end] == '\'' && end + 1 < n && t[end + 1] == 's'
                && (end + 2 == n || !Normaliser.isWordChar(t[end + 2]));
    }
}
