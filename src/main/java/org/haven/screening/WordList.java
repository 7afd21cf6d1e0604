package org.haven.screening;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The watched words, compiled for matching: immutable, so a post is screened against one consistent list.
 *
 * <p>A word is a run of letters, digits and combining marks, in any script; everything else (spaces, punctuation,
 * symbols) separates words. So an entry matches whole words only ("ass" is not found in "class"), a phrase matches its
 * words with anything between them ("t.me" finds "t me" and "t.me"; "dm me" finds "DM\nme"), and {@code *} stands for
 * any letters within one word ("coke*" finds "cokehead"). Words compare after NFKC normalisation and lower-casing, so
 * full-width or styled letters ("ＤＭ") match too.
 */
public final class WordList {

    /** The longest entry moderators may type, in characters. */
    public static final int MAX_PHRASE = 60;
    /** The most words one entry may have. */
    public static final int MAX_WORDS = 6;

    /** An entry of the list, as moderators keep it. */
    public record Entry(String phrase, WatchAction action) {
    }

    /** Where an entry was found in a text, in the text's own character offsets. */
    public record Match(int start, int end, String phrase, WatchAction action) {
    }

    private record Compiled(String phrase, WatchAction action, String[] words) {
    }

    private static final WordList EMPTY = new WordList(Map.of(), List.of(), 0);

    /** Entries by their first word, when it has no wildcard: one lookup a word of the text. */
    private final Map<String, List<Compiled>> byFirstWord;
    /** Entries whose first word has a wildcard, tried at every word. */
    private final List<Compiled> wildFirst;
    private final int size;

    private WordList(Map<String, List<Compiled>> byFirstWord, List<Compiled> wildFirst, int size) {
        this.byFirstWord = byFirstWord;
        this.wildFirst = wildFirst;
        this.size = size;
    }

    public static WordList empty() {
        return EMPTY;
    }

    /** The list of {@code entries}; their phrases must be canonical ({@link #canonical}). */
    public static WordList of(Collection<Entry> entries) {
        Map<String, List<Compiled>> byFirst = new HashMap<>();
        List<Compiled> wild = new ArrayList<>();
        for (Entry entry : entries) {
            String[] words = words(entry.phrase(), true).stream().map(w -> w.text).toArray(String[]::new);
            Compiled compiled = new Compiled(entry.phrase(), entry.action(), words);
            if (words[0].indexOf('*') >= 0) {
                wild.add(compiled);
            } else {
                byFirst.computeIfAbsent(words[0], w -> new ArrayList<>()).add(compiled);
            }
        }
        return new WordList(Map.copyOf(byFirst), List.copyOf(wild), entries.size());
    }

    public boolean isEmpty() {
        return size == 0;
    }

    /**
     * An entry as moderators typed it, in the form it is stored and compared in: NFKC, lower case, single spaces.
     *
     * @throws IllegalArgumentException with a message for the moderator when it cannot be an entry
     */
    public static String canonical(String typed) {
        if (typed == null || typed.isBlank()) {
            throw new IllegalArgumentException("Type a word or a phrase to watch.");
        }
        String phrase = normalise(typed.strip()).replaceAll("\\s+", " ");
        if (phrase.length() > MAX_PHRASE) {
            throw new IllegalArgumentException("A watched word or phrase has at most " + MAX_PHRASE + " characters.");
        }
        if (phrase.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("A watched word cannot hold control characters.");
        }
        List<Word> words = words(phrase, true);
        if (words.isEmpty()) {
            throw new IllegalArgumentException("A watched word needs letters or digits: punctuation alone matches "
                    + "nothing.");
        }
        if (words.size() > MAX_WORDS) {
            throw new IllegalArgumentException("A watched phrase has at most " + MAX_WORDS + " words.");
        }
        for (Word word : words) {
            long letters = word.text.codePoints().filter(c -> c != '*').count();
            if (word.text.indexOf('*') >= 0 && letters < 2) {
                throw new IllegalArgumentException("A word with * needs at least two letters beside it (\""
                        + word.text + "\" would match too much).");
            }
        }
        return phrase;
    }

    /** Every place an entry is found in {@code text}, in order of where it starts. */
    public List<Match> find(String text) {
        if (size == 0 || text == null || text.isEmpty()) {
            return List.of();
        }
        List<Word> words = words(text, false);
        List<Match> found = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            List<Compiled> exact = byFirstWord.get(words.get(i).text);
            if (exact != null) {
                for (Compiled entry : exact) {
                    matchAt(entry, words, i, found);
                }
            }
            for (Compiled entry : wildFirst) {
                matchAt(entry, words, i, found);
            }
        }
        return found;
    }

    private static void matchAt(Compiled entry, List<Word> words, int at, List<Match> found) {
        if (at + entry.words.length > words.size()) {
            return;
        }
        for (int k = 0; k < entry.words.length; k++) {
            if (!wordMatches(entry.words[k], words.get(at + k).text)) {
                return;
            }
        }
        found.add(new Match(words.get(at).start, words.get(at + entry.words.length - 1).end, entry.phrase,
                entry.action));
    }

    /**
     * {@code text} with the letters of every match whose action is {@link WatchAction#CENSOR} replaced by dots, one
     * for each character, so that offsets into the text stay right. Spaces and punctuation inside a phrase stay.
     */
    public static String censor(String text, List<Match> matches) {
        char[] chars = null;
        for (Match match : matches) {
            if (match.action() != WatchAction.CENSOR) {
                continue;
            }
            if (chars == null) {
                chars = text.toCharArray();
            }
            for (int i = match.start(); i < match.end(); ) {
                int cp = text.codePointAt(i);
                int n = Character.charCount(cp);
                if (wordChar(cp)) {
                    for (int j = 0; j < n; j++) {
                        chars[i + j] = CENSORED;
                    }
                }
                i += n;
            }
        }
        return chars == null ? text : new String(chars);
    }

    /** What a censored letter shows as: not a Markdown character, so censoring never changes the formatting. */
    static final char CENSORED = '•';

    private record Word(String text, int start, int end) {
    }

    private static List<Word> words(String text, boolean pattern) {
        List<Word> words = new ArrayList<>();
        int i = 0;
        int length = text.length();
        while (i < length) {
            int cp = text.codePointAt(i);
            if (!(wordChar(cp) || pattern && cp == '*')) {
                i += Character.charCount(cp);
                continue;
            }
            int start = i;
            boolean ascii = true;
            while (i < length) {
                cp = text.codePointAt(i);
                if (!(wordChar(cp) || pattern && cp == '*')) {
                    break;
                }
                ascii &= cp < 128;
                i += Character.charCount(cp);
            }
            String word = text.substring(start, i);
            words.add(new Word(ascii ? word.toLowerCase(Locale.ROOT) : normalise(word), start, i));
        }
        return words;
    }

    private static String normalise(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }

    static boolean wordChar(int cp) {
        if (Character.isLetterOrDigit(cp)) {
            return true;
        }
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }

    /** Whether a word of the text matches a word of an entry, where {@code *} stands for any run of characters. */
    static boolean wordMatches(String pattern, String word) {
        if (pattern.indexOf('*') < 0) {
            return pattern.equals(word);
        }
        int p = 0;
        int w = 0;
        int star = -1;
        int mark = 0;
        while (w < word.length()) {
            if (p < pattern.length() && pattern.charAt(p) == '*') {
                star = p++;
                mark = w;
            } else if (p < pattern.length() && pattern.charAt(p) == word.charAt(w)) {
                p++;
                w++;
            } else if (star >= 0) {
                p = star + 1;
                w = ++mark;
            } else {
                return false;
            }
        }
        while (p < pattern.length() && pattern.charAt(p) == '*') {
            p++;
        }
        return p == pattern.length();
    }
}
