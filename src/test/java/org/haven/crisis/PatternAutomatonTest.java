package org.haven.crisis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The automaton steps word by word; what it must find is defined character by character. This test holds it to
 * that plain definition, written here as directly as possible: a pattern occurs where the text spells it starting
 * at the start of a word and ending at the end of one (or before a possessive 's, or anywhere for a prefix
 * pattern). Hits come in order of their end, then longest first, then in pattern order.
 */
class PatternAutomatonTest {

    private static final int NUMBERS_FROM = 10;

    private final Lexicon lexicon = Lexicon.loadDefault();
    private final PatternAutomaton automaton = new PatternAutomaton(lexicon.patterns(), lexicon.prefixPatterns());

    @Test
    void findsWhatThePlainDefinitionFindsOnTheDevelopmentSet() {
        LabelledPost.load("/crisis/devset.jsonl").forEach(post -> assertSameHits(post.text()));
    }

    /** Texts made of the lexicon's own words, so that patterns overlap, nest and break off everywhere. */
    @Test
    void findsWhatThePlainDefinitionFindsInTextsMadeOfLexiconWords() {
        List<String> words = new ArrayList<>();
        lexicon.patterns().forEach(p -> words.addAll(List.of(p.split(" "))));
        String[] endings = {"'s", "s", "ing", "al", "é", "'", "1", ""};
        String[] separators = {" ", " ", " ", "  ", ", ", ". ", " - ", "\n", " 💊 ", " but ", "é "};
        Random random = new Random(20261206);
        for (int i = 0; i < 3000; i++) {
            StringBuilder text = new StringBuilder();
            for (int w = 0, n = 1 + random.nextInt(12); w < n; w++) {
                int kind = random.nextInt(10);
                String word = words.get(random.nextInt(words.size()));
                if (kind < 6) {
                    text.append(word);
                } else if (kind < 8) {
                    text.append(word).append(endings[random.nextInt(endings.length)]);
                } else if (kind < 9) {
                    text.append(random.nextInt(100));
                } else {
                    text.append(word, 0, 1 + random.nextInt(word.length())); // a word cut short
                }
                text.append(separators[random.nextInt(separators.length)]);
            }
            assertSameHits(text.toString());
        }
    }

    @Test
    void prefixAndPossessiveMatchesEndInsideTheWord() {
        PatternAutomaton small = new PatternAutomaton(List.of("opioid", "my brother", "self harm", "harm"),
                new boolean[] {true, false, true, false});
        NormalisedText text = lexicon.normaliser().normalise("my brother's opioids. self harming, harming");
        Hits hits = new Hits();
        small.scan(text, NUMBERS_FROM, hits);
        List<String> found = new ArrayList<>();
        for (int h = 0; h < hits.size; h++) {
            found.add(text.toString().substring(hits.start[h], hits.end[h]) + " " + hits.pattern[h]);
        }
        // "harm" is no prefix pattern: it does not match inside "harming"
        assertEquals(List.of("my brother 1", "opioid 0", "self harm 2"), found);
    }

    /**
     * Two stems of one length before a possessive ("opiate*", "opioid*" and "my opioid's"), a one-letter stem before
     * a letter outside ASCII ("b*" in "bé"): cases the shipped lexicon and the texts above rarely meet.
     */
    @Test
    void possessivesAfterStemsOfEqualLengthAndOneLetterStemsMatchThePlainDefinition() {
        List<String> patterns = List.of("opiate", "opioid", "my brother", "b", "self harm", "harm", "my opioid");
        boolean[] prefix = {true, true, false, true, true, false, false};
        PatternAutomaton small = new PatternAutomaton(patterns, prefix);
        for (String text : List.of("my opioid's side effects", "my opiate's", "bé", "b's", "bb", "my brother's opioid's",
                "self harm's", "self harming's", "harm's way", "my opioid's")) {
            assertSameHits(small, patterns, prefix, text);
        }
    }

    /**
     * Small lexicons drawn at random from a few words (so that patterns nest, overlap, share stems and end where
     * others go on), each scanned over texts of the same words: the automaton's output must be the brute force's.
     */
    @Test
    void randomSmallLexiconsMatchThePlainDefinition() {
        String[] pool = {"a", "b", "ab", "ba", "my", "i", "i'm", "don't", "24", "7", "so", "sob", "sober", "not", "me"};
        String[] endings = {"", "", "", "'s", "s", "é", "'", "1"};
        String[] separators = {" ", " ", " ", "  ", ", ", ". ", " - ", "é "};
        Random random = new Random(7);
        for (int lexicons = 0; lexicons < 300; lexicons++) {
            java.util.Set<String> unique = new java.util.LinkedHashSet<>();
            for (int p = 0, n = 1 + random.nextInt(8); p < n; p++) {
                StringBuilder pattern = new StringBuilder(pool[random.nextInt(pool.length)]);
                for (int w = random.nextInt(3); w > 0; w--) {
                    pattern.append(' ').append(pool[random.nextInt(pool.length)]);
                }
                unique.add(pattern.toString());
            }
            List<String> patterns = List.copyOf(unique);
            boolean[] prefix = new boolean[patterns.size()];
            for (int p = 0; p < prefix.length; p++) {
                prefix[p] = random.nextInt(3) == 0;
            }
            PatternAutomaton small = new PatternAutomaton(patterns, prefix);
            for (int texts = 0; texts < 20; texts++) {
                StringBuilder text = new StringBuilder();
                for (int w = 0, n = 1 + random.nextInt(8); w < n; w++) {
                    text.append(pool[random.nextInt(pool.length)]).append(endings[random.nextInt(endings.length)])
                            .append(separators[random.nextInt(separators.length)]);
                }
                assertSameHits(small, patterns, prefix, text.toString());
            }
        }
    }

    @Test
    void rejectsAPatternThatIsNotPlainWords() {
        assertThrows(IllegalArgumentException.class,
                () -> new PatternAutomaton(List.of("want  to"), new boolean[] {false}));
        assertThrows(IllegalArgumentException.class,
                () -> new PatternAutomaton(List.of("die."), new boolean[] {false}));
    }

    private void assertSameHits(String original) {
        assertSameHits(automaton, lexicon.patterns(), lexicon.prefixPatterns(), original);
    }

    private void assertSameHits(PatternAutomaton scanner, List<String> patterns, boolean[] prefix, String original) {
        NormalisedText text = lexicon.normaliser().normalise(original);
        Hits hits = new Hits();
        scanner.scan(text, NUMBERS_FROM, hits);
        List<String> scanned = new ArrayList<>();
        for (int h = 0; h < hits.size; h++) {
            scanned.add(describe(hits.pattern[h], hits.start[h], hits.end[h], hits.firstWord[h], hits.lastWord[h],
                    hits.sentence[h], hits.segment[h]));
        }
        assertEquals(plainDefinition(text, patterns, prefix), scanned, original + " with " + patterns);
    }

    /** Every occurrence by brute force: each pattern tried at each word start. */
    private static List<String> plainDefinition(NormalisedText normalised, List<String> patterns, boolean[] prefix) {
        String t = normalised.toString();
        List<int[]> found = new ArrayList<>(); // pattern, start, end
        for (int s = 0; s < t.length(); s++) {
            if (!wordChar(t, s) || wordChar(t, s - 1)) {
                continue;
            }
            for (int p = 0; p < patterns.size(); p++) {
                int e = s + patterns.get(p).length();
                if (t.startsWith(patterns.get(p), s)
                        && (!wordChar(t, e) || prefix[p] || t.startsWith("'s", e) && !wordChar(t, e + 2))) {
                    found.add(new int[] {p, s, e});
                }
            }
            int e = s;
            while (e < t.length() && t.charAt(e) >= '0' && t.charAt(e) <= '9') {
                e++;
            }
            if (e > s && !wordChar(t, e) && Long.parseLong(t.substring(s, Math.min(e, s + 18))) >= NUMBERS_FROM) {
                found.add(new int[] {PatternAutomaton.NUMBER, s, e});
            }
        }
        // by end; at one end the numbers last and the patterns longest first, as the automaton reports them
        found.sort(Comparator.<int[]>comparingInt(f -> f[2]).thenComparingInt(f -> f[0] == PatternAutomaton.NUMBER ? 1 : 0)
                .thenComparingInt(f -> f[1]).thenComparingInt(f -> f[0]));
        List<String> described = new ArrayList<>();
        for (int[] f : found) {
            int words = f[0] == PatternAutomaton.NUMBER ? 1 : patterns.get(f[0]).split(" ").length;
            int lastWord = wordsBefore(t, f[2] - 1);
            described.add(describe(f[0], f[1], f[2], lastWord - words + 1, lastWord, count(t, f[1], "."),
                    count(t, f[1], ".,")));
        }
        return described;
    }

    private static boolean wordChar(String t, int i) {
        return i >= 0 && i < t.length() && Normaliser.isWordChar(t.charAt(i));
    }

    /** The number of the word holding position {@code i}, counting from 0. */
    private static int wordsBefore(String t, int i) {
        int words = -1;
        for (int k = 0; k <= i; k++) {
            if (wordChar(t, k) && !wordChar(t, k - 1)) {
                words++;
            }
        }
        return words;
    }

    private static int count(String t, int until, String marks) {
        int n = 0;
        for (int k = 0; k < until; k++) {
            n += marks.indexOf(t.charAt(k)) >= 0 ? 1 : 0;
        }
        return n;
    }

    private static String describe(int p, int start, int end, int firstWord, int lastWord, int sentence, int segment) {
        return String.format(Locale.ROOT, "%d@%d-%d words %d-%d sentence %d segment %d", p, start, end, firstWord,
                lastWord, sentence, segment);
    }
}
