package org.haven.crisis;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An Aho-Corasick automaton over the <em>words</em> of normalised text. Matches are reported only on word
 * boundaries; a possessive {@code 's} after a pattern still counts as a boundary ({@code my brother} matches
 * {@code my brother's}). A pattern marked as a prefix needs no boundary at its end ({@code suicid*} matches
 * {@code suicidal}).
 *
 * <p>Why words and not characters: every pattern starts and ends on a word boundary, so a word the lexicon never
 * uses can only reset the automaton, and a word it does use moves it by one step. The {@link Normaliser} records
 * every word with its key as it writes it, for the {@link WordModel} too; one lookup of that key in the lexicon's
 * vocabulary of a few thousand words, then one step among a state's few children, replaces a transition per
 * character in a table of some 50,000 states by 38 symbols (about 4 MB, too big for the processor's near caches).
 * The matches, their order and their positions are those of the character automaton this replaced, which was
 * checked on large generated sets when it was replaced; {@code PatternAutomatonTest} holds it to a brute-force
 * definition of a match.
 *
 * <p>The same scan also reports whole-word numbers at or above a threshold ({@code took 40 of them}), which a
 * word list cannot express.
 */
final class PatternAutomaton {

    /** Pattern id reported for a whole-word number. */
    static final int NUMBER = -1;

    private static final int ROOT = 0;

    private final int[] patternLength;
    private final int[] patternWords;

    /*
     * The lexicon's words by the 64-bit key the normaliser records for each word, in open addressing with 0 marking
     * an empty slot; a slot is two adjacent longs, the key and the word's id. A word is known by its key alone, as
     * the word model knows its features: two words of the patterns that share a key are refused when the automaton
     * is built, and a word of a post that shares one with a pattern's word by chance (odds of about one in 10^14
     * per post) is read as that word.
     */
    private final long[] vocabulary;
    private final int vocabularyMask;

    /* The trie over word ids: the root's children by id, every other state's children as a sorted run. */
    private final int[] rootNext;
    private final int[] childrenFrom;
    private final int[] childWord;
    private final int[] childState;
    private final int[] fail;
    /** Per state, whether any pattern ends there: read for every word, where the output arrays would cost a miss. */
    private final boolean[] hasOutputs;
    private final int[][] outputs;
    /** Per state, the outputs that may end inside a word (prefix patterns only). */
    private final int[][] prefixOutputs;

    /* Last words of prefix patterns, shortest first, and a filter on their first two characters. */
    private final char[][] stems;
    private final int[] stemIds;
    private final long[] stemFilter = new long[128 * 128 / Long.SIZE];

    /**
     * @param patterns normalised patterns: words of a-z, 0-9 and apostrophes, separated by single spaces
     * @param prefix   per pattern, whether it may end inside a word
     */
    PatternAutomaton(List<String> patterns, boolean[] prefix) {
        patternLength = new int[patterns.size()];
        patternWords = new int[patterns.size()];
        Map<String, Integer> words = new LinkedHashMap<>();
        Map<String, Integer> stemIndex = new HashMap<>();
        List<Map<Integer, Integer>> children = new ArrayList<>();
        List<int[]> own = new ArrayList<>();
        children.add(new HashMap<>());
        own.add(new int[0]);
        for (int p = 0; p < patterns.size(); p++) {
            String pattern = patterns.get(p);
            if (!pattern.matches("[a-z0-9']+( [a-z0-9']+)*")) {
                throw new IllegalArgumentException("pattern '" + pattern
                        + "' is not words of a-z, 0-9 and ' separated by single spaces");
            }
            String[] split = pattern.split(" ");
            patternLength[p] = pattern.length();
            patternWords[p] = split.length;
            int state = ROOT;
            for (String word : split) {
                int id = words.computeIfAbsent(word, w -> words.size() + 1);
                Integer child = children.get(state).get(id);
                if (child == null) {
                    child = children.size();
                    children.get(state).put(id, child);
                    children.add(new HashMap<>());
                    own.add(new int[0]);
                }
                state = child;
            }
            int[] grown = Arrays.copyOf(own.get(state), own.get(state).length + 1);
            grown[grown.length - 1] = p;
            own.set(state, grown);
            if (prefix[p]) {
                stemIndex.putIfAbsent(split[split.length - 1], words.get(split[split.length - 1]));
            }
        }

        int capacity = Integer.highestOneBit(Math.max(4, words.size() * 2 - 1)) << 1;
        vocabulary = new long[capacity * 2];
        vocabularyMask = capacity - 1;
        words.forEach((word, id) -> {
            long key = Words.fnv(word);
            if (key == 0) {
                throw new IllegalArgumentException("word '" + word + "' hashes to 0, which marks an empty slot");
            }
            int slot = slot(key);
            while (vocabulary[slot * 2] != 0) {
                if (vocabulary[slot * 2] == key) {
                    throw new IllegalArgumentException("words '" + word + "' and another share a hash; rename one");
                }
                slot = (slot + 1) & vocabularyMask;
            }
            vocabulary[slot * 2] = key;
            vocabulary[slot * 2 + 1] = id;
        });

        int states = children.size();
        rootNext = new int[words.size() + 1];
        children.get(ROOT).forEach((id, child) -> rootNext[id] = child);
        childrenFrom = new int[states + 1];
        childWord = new int[states - 1];
        childState = new int[states - 1];
        int edge = 0;
        for (int s = 0; s < states; s++) {
            childrenFrom[s] = edge;
            if (s == ROOT) {
                continue; // the root's children are in rootNext
            }
            List<Map.Entry<Integer, Integer>> sorted = new ArrayList<>(children.get(s).entrySet());
            sorted.sort(Map.Entry.comparingByKey());
            for (Map.Entry<Integer, Integer> e : sorted) {
                childWord[edge] = e.getKey();
                childState[edge++] = e.getValue();
            }
        }
        childrenFrom[states] = edge;

        // failure links and merged outputs in breadth-first order: own outputs first, then the failure state's,
        // the order in which the character automaton reported them
        fail = new int[states];
        hasOutputs = new boolean[states];
        outputs = new int[states][];
        prefixOutputs = new int[states][];
        outputs[ROOT] = own.get(ROOT);
        prefixOutputs[ROOT] = new int[0];
        ArrayDeque<Integer> queue = new ArrayDeque<>(children.get(ROOT).values());
        while (!queue.isEmpty()) {
            int state = queue.poll();
            int[] inherited = outputs[fail[state]];
            int[] merged = Arrays.copyOf(own.get(state), own.get(state).length + inherited.length);
            System.arraycopy(inherited, 0, merged, own.get(state).length, inherited.length);
            outputs[state] = merged;
            hasOutputs[state] = merged.length > 0;
            prefixOutputs[state] = Arrays.stream(merged).filter(p -> prefix[p]).toArray();
            for (Map.Entry<Integer, Integer> e : children.get(state).entrySet()) {
                fail[e.getValue()] = next(fail[state], e.getKey());
                queue.add(e.getValue());
            }
        }
        // children of the root fail to the root (fail[] starts at 0); deeper states were set above, parents first

        List<Map.Entry<String, Integer>> stemList = new ArrayList<>(stemIndex.entrySet());
        stemList.sort(Comparator.comparingInt((Map.Entry<String, Integer> e) -> e.getKey().length())
                .thenComparing(Map.Entry.comparingByKey()));
        stems = new char[stemList.size()][];
        stemIds = new int[stemList.size()];
        for (int k = 0; k < stems.length; k++) {
            stems[k] = stemList.get(k).getKey().toCharArray();
            stemIds[k] = stemList.get(k).getValue();
            char first = stems[k][0];
            for (char second = 0; second < 128; second++) {
                if (stems[k].length == 1 || stems[k][1] == second) {
                    int bit = first * 128 + second;
                    stemFilter[bit >>> 6] |= 1L << bit;
                }
            }
        }
    }

    /**
     * Scans the words of {@code text} once (as the normaliser recorded them) and reports every pattern occurrence
     * on word boundaries, plus whole-word numbers of at least {@code numberThreshold}, with word and clause
     * positions.
     */
    void scan(NormalisedText text, int numberThreshold, Hits hits) {
        char[] t = text.chars();
        Words words = text.words();
        int state = ROOT;
        int word = -1;
        int clause = 0;
        int segment = 0;
        int previousEnd = -2;
        for (int w = 0; w < words.size; w++) {
            int from = words.start[w];
            int to = words.end[w];
            char c = t[from];
            if (!Normaliser.isWordChar(c)) {
                if (c == '.') {
                    clause++;
                }
                segment++; // '.' or ','
                state = ROOT;
                previousEnd = to;
                continue;
            }
            if (from != previousEnd + 1 || t[from - 1] != ' ') {
                state = ROOT; // patterns join their words with exactly one space
            }
            previousEnd = to;
            word++;
            int length = to - from;
            if (length >= 2 && stemMayStart(c, t[from + 1])) {
                reportInside(t, from, to, state, word, clause, segment, hits);
            } else if (length >= 3 && t[to - 2] == '\'' && t[to - 1] == 's') {
                reportPossessive(t, from, to, state, word, clause, segment, hits);
            }
            int id = id(words.key[w]);
            state = id == 0 ? ROOT : next(state, id);
            if (hasOutputs[state]) {
                report(to, outputs[state], word, clause, segment, hits);
            }
            if (c >= '0' && c <= '9') {
                reportNumber(t, from, to, numberThreshold, word, clause, segment, hits);
            }
        }
    }

    private boolean stemMayStart(char first, char second) {
        if (first >= 128) {
            return false; // stems are ASCII
        }
        // a one-character stem set every second character, 0 included, and only it can be followed by non-ASCII
        int bit = first * 128 + (second >= 128 ? 0 : second);
        return (stemFilter[bit >>> 6] & (1L << bit)) != 0;
    }

    /**
     * Reports what ends inside the word {@code t[from..to)}, in order of position: prefix patterns whose last word
     * the word starts with ({@code opioid*} in {@code opioids}), and everything that ends before a possessive 's.
     */
    private void reportInside(char[] t, int from, int to, int state, int word, int clause, int segment,
                              Hits hits) {
        int length = to - from;
        boolean possessive = length >= 3 && t[to - 2] == '\'' && t[to - 1] == 's';
        boolean possessiveReported = false;
        for (int k = 0; k < stems.length && stems[k].length < length; k++) {
            int stemLength = stems[k].length;
            if (possessive && stemLength >= length - 2) {
                if (!possessiveReported) {
                    reportPossessive(t, from, to, state, word, clause, segment, hits);
                    possessiveReported = true;
                }
                if (stemLength == length - 2) {
                    continue; // everything that ends before the 's, this stem's patterns included, was just reported
                }
            }
            if (Arrays.equals(stems[k], 0, stemLength, t, from, from + stemLength)) {
                int[] found = prefixOutputs[next(state, stemIds[k])];
                if (found.length > 0) {
                    report(from + stemLength, found, word, clause, segment, hits);
                }
            }
        }
        if (possessive && !possessiveReported) {
            reportPossessive(t, from, to, state, word, clause, segment, hits);
        }
    }

    /** Reports the patterns that end right before the possessive 's of {@code t[from..to)}. */
    private void reportPossessive(char[] t, int from, int to, int state, int word, int clause, int segment,
                                  Hits hits) {
        int id = id(Words.hash(t, from, to - 2));
        if (id != 0) {
            int[] found = outputs[next(state, id)];
            if (found.length > 0) {
                report(to - 2, found, word, clause, segment, hits);
            }
        }
    }

    private static void reportNumber(char[] t, int from, int to, int threshold, int word, int clause, int segment,
                                     Hits hits) {
        long number = 0;
        for (int k = from; k < to; k++) {
            char c = t[k];
            if (c < '0' || c > '9') {
                return;
            }
            number = Math.min(number * 10 + (c - '0'), Integer.MAX_VALUE);
        }
        if (number >= threshold) {
            hits.add(NUMBER, from, to, word, word, clause, segment);
        }
    }

    /** The state after word {@code id} in {@code state}: its child, else its failure state's, else the root's. */
    private int next(int state, int id) {
        for (int s = state; s != ROOT; s = fail[s]) {
            int lo = childrenFrom[s];
            int hi = childrenFrom[s + 1] - 1;
            while (lo <= hi) {
                int mid = (lo + hi) >>> 1;
                int w = childWord[mid];
                if (w < id) {
                    lo = mid + 1;
                } else if (w > id) {
                    hi = mid - 1;
                } else {
                    return childState[mid];
                }
            }
        }
        return rootNext[id];
    }

    /** The vocabulary id of the word whose key is {@code key}, or 0 if no pattern uses it. */
    private int id(long key) {
        for (int slot = slot(key); vocabulary[slot * 2] != 0; slot = (slot + 1) & vocabularyMask) {
            if (vocabulary[slot * 2] == key) {
                return (int) vocabulary[slot * 2 + 1];
            }
        }
        return 0;
    }

    private int slot(long key) {
        return (int) (key ^ (key >>> 32)) & vocabularyMask;
    }

    private void report(int end, int[] found, int word, int clause, int segment, Hits hits) {
        for (int p : found) {
            hits.add(p, end - patternLength[p], end, word - patternWords[p] + 1, word, clause, segment);
        }
    }
}
