package org.haven.crisis;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Turns forum spelling into the plain form the lexicon is written in, remembering where every character came
 * from so that matches can be highlighted in the original text.
 *
 * <p>Two cheap passes, both linear and allocation-free per character:
 * <ol>
 *   <li><em>fold</em>, per code point: ASCII lower-casing on a fast path; for anything else compatibility
 *   decomposition (NFKD, so full-width and mathematical letters become ASCII) with accents and zero-width
 *   characters dropped, curly quotes made straight, emoji replaced by words from the lexicon, sentence
 *   punctuation reduced to {@code '.'} and {@code ','};</li>
 *   <li><em>tokenise</em>, per word: leetspeak symbols and digits ({@code k1ll}, {@code $uicide}),
 *   letters spaced out ({@code s u i c i d e}), runs of three or more equal letters ({@code sooo}), and the
 *   lexicon's slang table ({@code kms}, {@code unalive}, {@code rn}).</li>
 * </ol>
 * Lexicon terms go through the same normaliser, so both sides always agree on spelling.
 */
final class Normaliser {

    /** Suffixes that make a number-led token a measure ({@code 800mg}, {@code 4am}) rather than leetspeak. */
    private static final Set<String> UNITS = Set.of("mg", "mcg", "ml", "g", "kg", "lb", "lbs", "oz", "am", "pm",
            "st", "nd", "rd", "th", "x", "s", "k", "h", "hr", "hrs", "min", "mins", "yr", "yrs", "yo", "mm", "cm",
            "km", "m", "d", "w", "ish");
    private static final char[] LEET_DIGITS = {'o', 'i', '2', 'e', 'a', 's', '6', 't', '8', '9'};
    private static final int MAX_SHORTENED_RUNS = 8;
    /** Bit of a {@link #special} value marking a segment-break word. */
    private static final int BREAK = 1;
    private static final boolean[] WORD_CHARS = new boolean[0x80];
    private static final char[] ASCII_FOLD = new char[0x80];

    static {
        for (char c = 0; c < 0x80; c++) {
            ASCII_FOLD[c] = foldAscii(c);
        }
        for (char c = 'a'; c <= 'z'; c++) {
            WORD_CHARS[c] = true;
        }
        for (char c = '0'; c <= '9'; c++) {
            WORD_CHARS[c] = true;
        }
        WORD_CHARS['\''] = true;
    }

    /**
     * Slang and segment-break words in one table, so that one lookup answers both for a word that follows another:
     * bit 0 says the word starts a new part of a sentence, and the bits above hold its slang expansion's index plus
     * one (0: not slang).
     */
    private final WordTable special;
    private final char[][] slangExpansions;
    private final Map<Integer, char[]> emoji;
    private final WordTable vocabulary;
    private final String fingerprint;

    /**
     * Raise when a code change makes the normaliser spell words differently: the word model records the
     * fingerprint of the normaliser it was trained with, and the fingerprint includes this.
     */
    private static final int REVISION = 1;

    /**
     * @param slang             whole-word replacements, keys and values already in normalised spelling
     * @param emoji             code point to replacement words
     * @param vocabulary        words the lexicon uses, to decide whether {@code killll} means {@code kill} or
     *                          {@code sooo} means {@code so}
     * @param segmentBreakWords words that start a new part of a sentence ({@code but}), ending negation scope
     */
    Normaliser(Map<String, String> slang, Map<Integer, String> emoji, Set<String> vocabulary,
               Set<String> segmentBreakWords) {
        Map<String, Integer> specialWords = new HashMap<>();
        slangExpansions = new char[slang.size()][];
        int i = 0;
        for (Map.Entry<String, String> entry : slang.entrySet()) {
            specialWords.put(entry.getKey(), (i + 1) << 1);
            slangExpansions[i++] = entry.getValue().toCharArray();
        }
        segmentBreakWords.forEach(word -> specialWords.merge(word, BREAK, (a, b) -> a | b));
        this.special = new WordTable(specialWords);
        Map<Integer, char[]> emojiWords = new HashMap<>();
        emoji.forEach((codePoint, words) -> emojiWords.put(codePoint, words.toCharArray()));
        this.emoji = Map.copyOf(emojiWords);
        this.vocabulary = wordSet(vocabulary);
        this.fingerprint = fingerprint(slang, emoji, segmentBreakWords);
    }

    /**
     * A short digest of what decides how this normaliser spells words: its code revision, slang, emoji and
     * segment-break words. The lexicon's vocabulary is left out on purpose: it only decides whether "sooo" becomes
     * "so" or "soo", and including it would flag every new trigger term as a different spelling.
     */
    private static String fingerprint(Map<String, String> slang, Map<Integer, String> emoji, Set<String> breaks) {
        StringBuilder canonical = new StringBuilder("revision ").append(REVISION).append('\n');
        new TreeMap<>(slang).forEach((k, v) -> canonical.append("slang ").append(k).append('=').append(v).append('\n'));
        new TreeMap<>(emoji).forEach((k, v) -> canonical.append("emoji ").append(k).append('=').append(v).append('\n'));
        new TreeSet<>(breaks).forEach(b -> canonical.append("break ").append(b).append('\n'));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    /** See {@link #fingerprint(Map, Map, Set)}; recorded in the word model file as {@code normaliser}. */
    String fingerprint() {
        return fingerprint;
    }

    private static WordTable wordSet(Set<String> words) {
        Map<String, Integer> map = new HashMap<>();
        words.forEach(w -> map.put(w, 0));
        return new WordTable(map);
    }

    /** Normalises into fresh buffers; for lexicon terms and tests. */
    NormalisedText normalise(String text) {
        return normalise(text, new TextBuffer(text.length() + 16), new TextBuffer(text.length() + 16), new Words());
    }

    /**
     * Normalises using the caller's buffers, which the result then shares: the detector reuses them per thread,
     * because allocating and zeroing fresh arrays cost more than the normalisation itself. {@code words} receives
     * the {@link Words} of the result as they are written: each word's characters pass through here once anyway,
     * and hashing them on the way costs less than reading the text again.
     */
    NormalisedText normalise(String text, TextBuffer folded, TextBuffer out, Words words) {
        folded.n = 0;
        out.n = 0;
        out.identityOffsets = false;
        words.size = 0;
        fold(text, folded);
        tokenise(folded, out, words);
        // all-ASCII text folds with identity offsets, so that flag says whether the text is ASCII
        return new NormalisedText(text, folded.identityOffsets, out.c, out.n, out.s, out.e, words);
    }

    // ---- pass 1: per code point ----

    private void fold(String text, TextBuffer out) {
        int n = text.length();
        out.ensureCapacity(n);
        char[] chars = out.c;
        text.getChars(0, n, chars, 0); // one bulk copy, then fold in place while the text stays ASCII
        int i = 0;
        while (i < n) {
            char c = chars[i];
            if (c >= 0x80) {
                break;
            }
            chars[i++] = ASCII_FOLD[c];
        }
        out.n = i;
        if (i == n) {
            out.identityOffsets = true; // the common, all-ASCII post: no offset arrays to fill
            return;
        }
        out.identityOffsets = false;
        for (int k = 0; k < i; k++) {
            out.s[k] = k;
            out.e[k] = k + 1;
        }
        while (i < n) {
            char c = text.charAt(i);
            if (c < 0x80) {
                out.add(ASCII_FOLD[c], i, i + 1);
                i++;
            } else {
                int cp = text.codePointAt(i);
                int next = i + Character.charCount(cp);
                foldOther(out, cp, i, next);
                i = next;
            }
        }
    }

    /** Lower case; leetspeak symbols kept for the word pass; sentence punctuation as '.' or ','; else space. */
    private static char foldAscii(char c) {
        if (c >= 'A' && c <= 'Z') {
            return (char) (c | 0x20);
        } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                || c == '\'' || c == '$' || c == '@' || c == '!' || c == '*') {
            // whether '!' is an 'i' or an exclamation depends on the word around it
            return c;
        } else if (c == '`') {
            return '\'';
        } else if (c == '.' || c == '?' || c == ';' || c == '\n') {
            return '.';
        } else if (c == ',' || c == ':') {
            return ',';
        }
        return ' ';
    }

    private void foldOther(TextBuffer out, int cp, int start, int end) {
        switch (cp) {
            case 0x2018, 0x2019, 0x201B, 0x2032, 0x02BC, 0xFF07 -> {
                out.add('\'', start, end);
                return;
            }
            case 0x2026 -> {
                out.add('.', start, end);
                return;
            }
            case 0x2013, 0x2014, 0x2015 -> {
                out.add(',', start, end);
                return;
            }
            case 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x00AD -> {
                return; // zero-width characters are a common way to slip words past filters
            }
            default -> {
                // handled below
            }
        }
        if ((cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0x1F3FB && cp <= 0x1F3FF)) {
            return; // emoji presentation selectors and skin tones
        }
        char[] word = emoji.get(cp);
        if (word != null) {
            out.add(' ', start, end);
            for (char w : word) {
                out.add(w, start, end);
            }
            out.add(' ', start, end);
            return;
        }
        if (isMark(cp)) {
            return;
        }
        String decomposed = Normalizer.normalize(new String(Character.toChars(cp)),
                Character.isLetterOrDigit(cp) ? Normalizer.Form.NFKD : Normalizer.Form.NFKC);
        for (int k = 0; k < decomposed.length(); k++) {
            char d = decomposed.charAt(k);
            if (isMark(d)) {
                continue;
            }
            d = Character.toLowerCase(d);
            if (d < 0x80) {
                out.add(ASCII_FOLD[d], start, end);
            } else {
                out.add(Character.isLetterOrDigit(d) ? d : ' ', start, end);
            }
        }
    }

    private static boolean isMark(int cp) {
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                || type == Character.COMBINING_SPACING_MARK;
    }

    // ---- pass 2: per word ----

    private void tokenise(TextBuffer f, TextBuffer out, Words words) {
        int i = 0;
        while (i < f.n) {
            char c = f.c[i];
            if (c >= 'a' && c <= 'z') {
                int end = plainWord(f, i, out, words);
                if (end >= 0) {
                    i = end;
                    continue;
                }
            }
            if (isTokenChar(c)) {
                boolean single = i + 1 == f.n || !isTokenChar(f.c[i + 1]);
                int spacedEnd = single && isLetter(c) ? spacedOutEnd(f, i) : -1;
                if (spacedEnd > 0) {
                    boolean separated = separate(out);
                    int p0 = out.n;
                    for (int k = i; k < spacedEnd; k += 2) {
                        out.add(f.c[k], f.start(k), f.end(k));
                    }
                    finishToken(out, p0, separated, false, true, 0, words);
                    i = spacedEnd;
                } else {
                    i = emitToken(f, i, out, words);
                }
            } else {
                if (c == '.' || c == ',') {
                    addBreak(out, c, f.start(i), f.end(i), words);
                }
                i++; // a space: the separator is added lazily before the next word
            }
        }
        if (out.n > 0 && out.c[out.n - 1] == ' ') {
            out.n--;
        }
    }

    /**
     * If three or more single letters are spaced out ({@code s u i c i d e}, {@code k.i.l.l}) starting at
     * {@code i}, the index after the last one; otherwise -1.
     */
    private static int spacedOutEnd(TextBuffer f, int i) {
        int k = i;
        int count = 1;
        while (k + 2 < f.n && (f.c[k + 1] == ' ' || f.c[k + 1] == '.') && isLetter(f.c[k + 2])
                && (k + 3 >= f.n || !isTokenChar(f.c[k + 3]))) {
            k += 2;
            count++;
        }
        return count >= 3 ? k + 1 : -1;
    }

    /**
     * The common word, written in one go: lower-case letters alone, not slang, not a segment-break word, no letter
     * three times in a row, not one letter of a spaced-out word, and followed by a space, sentence punctuation or
     * the end of the text. Returns where it ends, or -1, having written nothing (characters past {@code out.n} do not
     * count), when the word is not such a word: then {@link #emitToken} writes it. 94% of the benchmark corpus's
     * words are; taking them apart from the general path, which looks at symbols, digits and repeats character by
     * character and at slang after the word, made normalising 1.2 times as fast in paired rounds.
     */
    private int plainWord(TextBuffer f, int from, TextBuffer out, Words words) {
        char[] fc = f.c;
        int n = f.n;
        // the word is written as it is read, after the separator it will need; if it turns out not to be a plain
        // word, nothing is committed (out.n stays), and emitToken writes over it
        out.ensureCapacity(out.n + 1 + n - from);
        char[] oc = out.c;
        int[] os = out.s;
        int[] oe = out.e;
        int before = out.n;
        boolean separated = before > 0 && oc[before - 1] != ' ';
        int p0 = separated ? before + 1 : before;
        int at = p0;
        boolean identity = f.identityOffsets;
        long hash = Words.FNV_OFFSET;
        boolean repeats = false;
        char previous = 0;
        char beforePrevious = 0;
        int k = from;
        while (k < n) {
            char c = fc[k];
            if (c < 'a' || c > 'z') {
                break;
            }
            oc[at] = c;
            os[at] = identity ? k : f.s[k];
            oe[at] = identity ? k + 1 : f.e[k];
            at++;
            hash = (hash ^ c) * Words.FNV_PRIME;
            repeats |= (c == previous) & (c == beforePrevious); // no branch: doubled letters are common
            beforePrevious = previous;
            previous = c;
            k++;
        }
        if (repeats || k < n && isTokenChar(fc[k]) || k - from == 1 && spacedOutEnd(f, from) > 0
                || special.get(hash, fc, from, k) >= 0) {
            return -1;
        }
        if (separated) {
            oc[before] = ' '; // as separate() writes it
            os[before] = oe[before - 1];
            oe[before] = oe[before - 1];
        }
        out.n = at;
        words.add(p0, at, hash);
        return k;
    }

    /** Writes the word that starts at {@code from}, and returns where it ends: one pass finds and copies it. */
    private int emitToken(TextBuffer f, int from, TextBuffer out, Words words) {
        boolean separated = separate(out);
        int p0 = out.n;
        boolean exclaimed = false;
        boolean digits = false;
        boolean repeats = false;
        char previous = 0;
        char beforePrevious = 0;
        // each character of the word gives at most one, and the word is at most the rest of the text: with room
        // made once, the common case below writes the arrays directly instead of checking capacity per character
        out.ensureCapacity(out.n + f.n - from);
        char[] fc = f.c;
        int n = f.n;
        char[] oc = out.c;
        int[] os = out.s;
        int[] oe = out.e;
        boolean identity = f.identityOffsets;
        // the write index lives in a local while the common case runs: as a field, each character's store of it
        // and the next character's load chained through memory, which dominated this loop
        int at = out.n;
        // the word's key as the word model and the scan look it up, while its characters pass; any character
        // that is not copied as it is makes the key stale, and the word is hashed again when it is done
        long hash = Words.FNV_OFFSET;
        boolean copied = true;
        int k = from;
        for (; k < n; k++) {
            char c = fc[k];
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80) {
                // the common case first: plain letters and digits need no look-around
                oc[at] = c;
                os[at] = identity ? k : f.s[k];
                oe[at] = identity ? k + 1 : f.e[k];
                at++;
                hash = (hash ^ c) * Words.FNV_PRIME;
                digits |= c <= '9';
                repeats |= c == previous && c == beforePrevious;
                beforePrevious = previous;
                previous = c;
                continue;
            }
            if (!isTokenChar(c)) {
                break;
            }
            out.n = at;
            boolean letterBefore = k > from && isLetter(fc[k - 1]);
            boolean letterAfter = k + 1 < n && isLetter(fc[k + 1]);
            switch (c) {
                case '$' -> {
                    if (letterBefore || letterAfter) {
                        out.add('s', f.start(k), f.end(k));
                    }
                }
                case '@' -> {
                    if (letterBefore && letterAfter) {
                        out.add('a', f.start(k), f.end(k));
                    }
                }
                case '*' -> {
                    if (letterBefore && letterAfter) {
                        out.add('i', f.start(k), f.end(k)); // k*ll, su*cide: the starred letter is nearly always i
                    }
                }
                case '!' -> {
                    if (letterBefore && letterAfter) {
                        out.add('i', f.start(k), f.end(k));
                    } else {
                        exclaimed = true;
                    }
                }
                default -> {
                    if (out.n > p0 && k + 1 < n && isTokenChar(fc[k + 1]) && fc[k + 1] != '\'') {
                        out.add('\'', f.start(k), f.end(k)); // keep inside words (don't), drop quotes around them
                    }
                }
            }
            repeats = true; // a symbol became a letter: let the slower checks look at the whole word
            copied = false;
            at = out.n;
        }
        out.n = at;
        if (out.n > 0 && out.c[out.n - 1] == '\'') {
            out.n--;
        }
        finishToken(out, p0, separated, digits, repeats, copied ? hash : 0, words);
        if (exclaimed) {
            addBreak(out, '.', f.start(k - 1), f.end(k - 1), words);
        }
        return k;
    }

    /**
     * Applies slang, leetspeak digits and repeated letters to the word in {@code out[p0..)}, then records it in
     * {@code words}; {@code hash} is its key as it was copied, or 0 when it was not copied as it is.
     */
    private void finishToken(TextBuffer out, int p0, boolean separated, boolean mayHaveDigits,
                             boolean mayHaveRepeats, long hash, Words words) {
        if (out.n == p0) {
            if (separated) {
                out.n--; // the word was only symbols: take back its separator
            }
            return;
        }
        long key = hash != 0 ? hash : Words.hash(out.c, p0, out.n);
        int found = special.get(key, out.c, p0, out.n);
        boolean changed = found > BREAK && replaceSlang(out, p0, found);
        if (!changed) {
            changed = mayHaveDigits && decodeDigits(out, p0);
            changed |= mayHaveRepeats && shortenRepeats(out, p0);
            if (changed) {
                key = Words.hash(out.c, p0, out.n);
                found = special.get(key, out.c, p0, out.n);
                if (found > BREAK) {
                    replaceSlang(out, p0, found);
                }
            }
        }
        if (changed) {
            key = Words.hash(out.c, p0, out.n);
            found = special.get(key, out.c, p0, out.n); // the word as it now reads
        }
        if (separated && p0 >= 2 && found >= 0 && (found & BREAK) != 0 && isWordChar(out.c[p0 - 2])) {
            out.insert(p0 - 1, ',');
            words.add(p0 - 1, p0, Words.COMMA);
            p0++;
        }
        if (changed) {
            words.collect(out.c, p0, out.n); // slang may have made one word two ("kms": "kill myself")
        } else {
            words.add(p0, out.n, key);
        }
    }

    /** Replaces the word in {@code out[p0..)} by its slang expansion; {@code found} is its {@link #special} value. */
    private boolean replaceSlang(TextBuffer out, int p0, int found) {
        int start = out.s[p0];
        int end = out.e[out.n - 1];
        out.n = p0;
        for (char c : slangExpansions[(found >>> 1) - 1]) {
            out.add(c, start, end);
        }
        return true;
    }

    /** Returns whether the word changed. */
    private static boolean decodeDigits(TextBuffer out, int p0) {
        boolean letters = false;
        boolean digits = false;
        for (int k = p0; k < out.n; k++) {
            char c = out.c[k];
            letters |= isLetter(c);
            digits |= c >= '0' && c <= '9';
        }
        if (!letters || !digits || isMeasure(out, p0)) {
            return false;
        }
        for (int k = p0; k < out.n; k++) {
            char c = out.c[k];
            if (c >= '0' && c <= '9') {
                out.c[k] = LEET_DIGITS[c - '0'];
            }
        }
        return true;
    }

    /** {@code 800mg}, {@code 4am}, {@code 90days}: a number followed by a unit, not leetspeak. */
    private static boolean isMeasure(TextBuffer out, int p0) {
        int k = p0;
        while (k < out.n && out.c[k] >= '0' && out.c[k] <= '9') {
            k++;
        }
        if (k == p0) {
            return false;
        }
        if (k - p0 >= 2) {
            return true;
        }
        for (int q = k; q < out.n; q++) {
            if (!isLetter(out.c[q])) {
                return false;
            }
        }
        return UNITS.contains(new String(out.c, k, out.n - k));
    }

    /**
     * Shortens runs of three or more equal letters to two ({@code killll} to {@code kill}), or to one when only
     * that spelling is a lexicon word ({@code sooo} to {@code so}, {@code diiie} to {@code die}).
     */
    private boolean shortenRepeats(TextBuffer out, int p0) {
        if (!hasTripleLetter(out, p0)) {
            return false;
        }
        int write = p0;
        int[] shortened = null;
        int shortenedCount = 0;
        int read = p0;
        while (read < out.n) {
            char c = out.c[read];
            int runEnd = read + 1;
            while (runEnd < out.n && out.c[runEnd] == c) {
                runEnd++;
            }
            if (runEnd - read >= 3 && isLetter(c)) {
                out.move(read, write);
                out.move(read + 1, write + 1);
                out.e[write + 1] = out.e[runEnd - 1];
                if (shortened == null) {
                    shortened = new int[MAX_SHORTENED_RUNS];
                }
                if (shortenedCount < MAX_SHORTENED_RUNS) {
                    shortened[shortenedCount++] = write;
                }
                write += 2;
            } else {
                for (int k = read; k < runEnd; k++) {
                    out.move(k, write++);
                }
            }
            read = runEnd;
        }
        out.n = write;
        if (shortenedCount == 0 || vocabulary.contains(out.c, p0, out.n)) {
            return true;
        }
        char[] single = new char[out.n - p0 - shortenedCount];
        int w = 0;
        int next = 0;
        for (int k = p0; k < out.n; k++) {
            if (next < shortenedCount && k == shortened[next] + 1) {
                next++;
                continue;
            }
            single[w++] = out.c[k];
        }
        if (!vocabulary.contains(single, 0, single.length)) {
            return true;
        }
        int write2 = p0;
        next = 0;
        for (int k = p0; k < out.n; k++) {
            if (next < shortenedCount && k == shortened[next] + 1) {
                out.e[write2 - 1] = out.e[k];
                next++;
                continue;
            }
            out.move(k, write2++);
        }
        out.n = write2;
        return true;
    }

    private static boolean hasTripleLetter(TextBuffer out, int p0) {
        for (int k = p0 + 2; k < out.n; k++) {
            char c = out.c[k];
            if (c == out.c[k - 1] && c == out.c[k - 2] && isLetter(c)) {
                return true;
            }
        }
        return false;
    }

    /** Adds the single space that separates a word from the word or break before it. */
    private static boolean separate(TextBuffer out) {
        if (out.n > 0 && out.c[out.n - 1] != ' ') {
            out.add(' ', out.e[out.n - 1], out.e[out.n - 1]);
            return true;
        }
        return false;
    }

    private static void addBreak(TextBuffer out, char c, int start, int end, Words words) {
        if (out.n == 0) {
            return;
        }
        char last = out.c[out.n - 1];
        if (last == ' ') {
            out.n--;
            addBreak(out, c, start, end, words);
        } else if (last == ',' && c == '.') {
            out.c[out.n - 1] = c;
            words.key[words.size - 1] = Words.DOT; // the comma just before is the last word recorded
        } else if (last != '.' && last != ',') {
            out.add(c, start, end);
            words.add(out.n - 1, out.n, c == '.' ? Words.DOT : Words.COMMA);
        }
    }

    /** Whether normalised characters [from, to) are one of the segment-break words ("but"). */
    boolean isBreakWord(char[] t, int from, int to) {
        int found = special.get(Words.hash(t, from, to), t, from, to);
        return found >= 0 && (found & BREAK) != 0;
    }

    /** Letters, digits, apostrophe; non-ASCII characters left after folding are letters too. */
    static boolean isWordChar(char c) {
        return c >= 0x80 || WORD_CHARS[c];
    }

    private static boolean isTokenChar(char c) {
        return isWordChar(c) || c == '$' || c == '@' || c == '!' || c == '*';
    }

    private static boolean isLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 0x80 && Character.isLetter(c));
    }
}
