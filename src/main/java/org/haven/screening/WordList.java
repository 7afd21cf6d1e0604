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

    private static final WordList EMPTY = new WordList(Map.of(), List.of(), List.of(), 0);

    /** Entries by their first word, when it has no wildcard: one lookup a word of the text. */
    private final Map<String, List<Compiled>> byFirstWord;
    /** Entries whose first word has a wildcard, tried at every word. */
    private final List<Compiled> wildFirst;
    /** One-word entries in a script written without spaces, looked for inside runs of such script. */
    private final List<Compiled> unspaced;
    private final int size;

    private WordList(Map<String, List<Compiled>> byFirstWord, List<Compiled> wildFirst, List<Compiled> unspaced,
                     int size) {
        this.byFirstWord = byFirstWord;
        this.wildFirst = wildFirst;
        this.unspaced = unspaced;
        this.size = size;
    }

    public static WordList empty() {
        return EMPTY;
    }

    /** The list of {@code entries}; their phrases must be canonical ({@link #canonical}). */
    public static WordList of(Collection<Entry> entries) {
        Map<String, List<Compiled>> byFirst = new HashMap<>();
        List<Compiled> wild = new ArrayList<>();
        List<Compiled> unspaced = new ArrayList<>();
        for (Entry entry : entries) {
            List<Word> parsed = words(entry.phrase(), true);
            String[] words = parsed.stream().map(w -> w.text).toArray(String[]::new);
            Compiled compiled = new Compiled(entry.phrase(), entry.action(), words);
            if (words.length == 1 && words[0].indexOf('*') < 0 && parsed.get(0).unspaced) {
                unspaced.add(compiled);
            } else if (words[0].indexOf('*') >= 0) {
                wild.add(compiled);
            } else {
                byFirst.computeIfAbsent(words[0], w -> new ArrayList<>()).add(compiled);
            }
        }
        return new WordList(Map.copyOf(byFirst), List.copyOf(wild), List.copyOf(unspaced), entries.size());
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
        if (phrase.indexOf(',') >= 0) {
            throw new IllegalArgumentException("A watched word cannot hold a comma: add each word or phrase on its own.");
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

    /**
     * Where the entries are found in {@code text}, in order of where they start: the first place of each entry that
     * refuses, holds or flags (one is all a decision needs), and every place of an entry that censors (the longest at
     * each word). So the list stays as short as the text, whatever the list of entries.
     */
    public List<Match> find(String text) {
        if (size == 0 || text == null || text.isEmpty()) {
            return List.of();
        }
        List<Word> words = words(text, false);
        List<Match> found = new ArrayList<>();
        java.util.Set<Compiled> seen = new java.util.HashSet<>();
        for (int i = 0; i < words.size(); i++) {
            Match censor = null;
            List<Compiled> candidates = byFirstWord.getOrDefault(words.get(i).text, List.of());
            for (List<Compiled> group : List.of(candidates, wildFirst)) {
                for (Compiled entry : group) {
                    if (entry.action != WatchAction.CENSOR && seen.contains(entry)) {
                        continue;
                    }
                    Match match = matchAt(entry, words, i);
                    if (match == null) {
                        continue;
                    }
                    if (entry.action == WatchAction.CENSOR) {
                        censor = censor == null || match.end() > censor.end() ? match : censor;
                    } else {
                        seen.add(entry);
                        found.add(match);
                    }
                }
            }
            if (censor != null) {
                found.add(censor);
            }
            if (!unspaced.isEmpty() && words.get(i).unspaced) {
                for (Compiled entry : unspaced) {
                    if (entry.action != WatchAction.CENSOR && seen.contains(entry)) {
                        continue;
                    }
                    Match match = within(entry, words.get(i), text);
                    if (match != null) {
                        seen.add(entry);
                        found.add(match);
                    }
                }
            }
        }
        return found;
    }

    private static Match matchAt(Compiled entry, List<Word> words, int at) {
        if (at + entry.words.length > words.size()) {
            return null;
        }
        for (int k = 0; k < entry.words.length; k++) {
            if (!wordMatches(entry.words[k], words.get(at + k).text)) {
                return null;
            }
        }
        return new Match(words.get(at).start, words.get(at + entry.words.length - 1).end, entry.phrase, entry.action);
    }

    /**
     * An entry in a script written without spaces (Chinese, Japanese, Thai…) found inside a run of that script: there,
     * a "word" of the text is a whole sentence. Placed exactly where normalising kept the run's length, else the run.
     */
    private static Match within(Compiled entry, Word word, String text) {
        int at = word.text.indexOf(entry.words[0]);
        if (at < 0) {
            return null;
        }
        if (word.end - word.start == word.text.length()) {
            return new Match(word.start + at, word.start + at + entry.words[0].length(), entry.phrase, entry.action);
        }
        return new Match(word.start, word.end, entry.phrase, entry.action);
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

    /**
     * A word of a text: its normalised form and where it stands; {@code unspaced}: it holds a script written without
     * spaces.
     */
    private record Word(String text, int start, int end, boolean unspaced) {
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
            boolean unspaced = false;
            StringBuilder kept = null; // only once an invisible character is left out
            int end = i;
            while (i < length) {
                cp = text.codePointAt(i);
                int n = Character.charCount(cp);
                if (ignorable(cp)) {
                    if (kept == null) {
                        kept = new StringBuilder(text.substring(start, i));
                    }
                    i += n;
                    continue;
                }
                if (!(wordChar(cp) || pattern && cp == '*')) {
                    break;
                }
                ascii &= cp < 128;
                unspaced |= unspaced(cp);
                if (kept != null) {
                    kept.appendCodePoint(cp);
                }
                i += n;
                end = i; // an invisible character after the word's last letter is not part of it
            }
            String word = kept != null ? kept.toString() : text.substring(start, end);
            words.add(new Word(ascii ? word.toLowerCase(Locale.ROOT) : normalise(word), start, end, unspaced));
        }
        return words;
    }

    private static String normalise(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }

    /**
     * A letter, a digit or a combining mark of any script, or a symbol that is a letter in another dress (circled,
     * parenthesised or squared letters, which NFKC turns into letters).
     */
    static boolean wordChar(int cp) {
        if (Character.isLetterOrDigit(cp)) {
            return true;
        }
        int type = Character.getType(cp);
        if (type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK) {
            return true;
        }
        if (type == Character.OTHER_SYMBOL || type == Character.OTHER_NUMBER) {
            String plain = Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFKC);
            return !plain.isEmpty() && plain.codePoints().allMatch(Character::isLetterOrDigit);
        }
        return false;
    }

    /**
     * Invisible characters that join or dress a word without being part of it (soft hyphen, joiners, the grapheme
     * joiner, variation selectors): left out, so that "co\u00ADke" is "coke".
     */
    static boolean ignorable(int cp) {
        return Character.getType(cp) == Character.FORMAT || cp == 0x034F || cp >= 0xFE00 && cp <= 0xFE0F
                || cp >= 0xE0100 && cp <= 0xE01EF;
    }

    /** Scripts written without spaces between words. */
    private static boolean unspaced(int cp) {
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.THAI
                || script == Character.UnicodeScript.LAO || script == Character.UnicodeScript.KHMER
                || script == Character.UnicodeScript.MYANMAR;
    }

    /**
     * Whether a word of the text matches a word of an entry, where {@code *} stands for any run of characters. The
     * pieces between stars are found left to right, each at its first place after the one before: linear in the
     * word's length, whatever the pattern (a backtracking match could take a second on a long word).
     */
    static boolean wordMatches(String pattern, String word) {
        if (pattern.indexOf('*') < 0) {
            return pattern.equals(word);
        }
        String[] pieces = pattern.split("\\*", -1);
        String first = pieces[0];
        String last = pieces[pieces.length - 1];
        int fixed = 0;
        for (String piece : pieces) {
            fixed += piece.length();
        }
        if (fixed > word.length() || !word.startsWith(first) || !word.endsWith(last)) {
            return false;
        }
        int from = first.length();
        int until = word.length() - last.length();
        for (int k = 1; k < pieces.length - 1; k++) {
            if (pieces[k].isEmpty()) {
                continue;
            }
            int at = word.indexOf(pieces[k], from);
            if (at < 0 || at + pieces[k].length() > until) {
                return false;
            }
            from = at + pieces[k].length();
        }
        return true;
    }
}
