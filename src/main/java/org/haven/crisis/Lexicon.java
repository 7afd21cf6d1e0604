package org.haven.crisis;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The validated contents of a crisis lexicon file: categories of trigger words, idiom exclusions, rules, context
 * modifiers and the normalisation tables (slang, emoji). Immutable once parsed, so one instance can back any
 * number of detectors and threads.
 *
 * <p>The file format is documented in the default lexicon itself ({@code crisis/lexicon.json}, keys starting with
 * {@code _} are comments). {@link #parse(InputStream)} checks everything a moderator can get wrong and reports
 * the first problem by name, so a bad edit never reaches a running detector.
 */
public final class Lexicon {

    static final String DEFAULT_RESOURCE = "/crisis/lexicon.json";

    private final String version;
    private final List<String> categoryNames;
    private final Normaliser normaliser;
    private final List<String> patterns;
    private final boolean[] prefixPatterns;
    private final long[] patternCategories;
    private final boolean[] idiomPatterns;
    private final long[] suppresses;
    private final int[] numbersFrom;
    private final long selfMask;
    private final long otherMask;
    private final long objectMask;
    private final List<Rule> rules;
    private final List<ContextModifier> modifiers;

    Lexicon(String version, List<String> categoryNames, Normaliser normaliser, List<String> patterns,
            boolean[] prefixPatterns, long[] patternCategories, boolean[] idiomPatterns, long[] suppresses,
            int[] numbersFrom, long selfMask, long otherMask, long objectMask, List<Rule> rules,
            List<ContextModifier> modifiers) {
        this.version = version;
        this.categoryNames = List.copyOf(categoryNames);
        this.normaliser = normaliser;
        this.patterns = List.copyOf(patterns);
        this.prefixPatterns = prefixPatterns;
        this.patternCategories = patternCategories;
        this.idiomPatterns = idiomPatterns;
        this.suppresses = suppresses;
        this.numbersFrom = numbersFrom;
        this.selfMask = selfMask;
        this.otherMask = otherMask;
        this.objectMask = objectMask;
        this.rules = List.copyOf(rules);
        this.modifiers = List.copyOf(modifiers);
    }

    /**
     * Reads and validates a lexicon. The stream is read fully but not closed.
     *
     * @throws LexiconException naming the first problem found, if the JSON is malformed or the lexicon invalid
     */
    public static Lexicon parse(InputStream json) {
        return new LexiconParser().parse(json);
    }

    /** The lexicon shipped with Haven, from the classpath resource {@code crisis/lexicon.json}. */
    public static Lexicon loadDefault() {
        try (InputStream in = Lexicon.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new LexiconException("the default crisis lexicon " + DEFAULT_RESOURCE + " is missing from the classpath");
            }
            return parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The {@code version} field of the file, shown to admins after a reload. */
    public String version() {
        return version;
    }

    /** Ids of all rules, in file order. */
    public List<String> ruleIds() {
        return rules.stream().map(Rule::id).toList();
    }

    List<String> categoryNames() {
        return categoryNames;
    }

    Normaliser normaliser() {
        return normaliser;
    }

    /** Normalised patterns (trigger terms and idioms) in automaton order. */
    List<String> patterns() {
        return patterns;
    }

    boolean[] prefixPatterns() {
        return prefixPatterns.clone();
    }

    /**
     * The categories of a pattern, categories 0 to 63 as bits of one word: category sets are two 64-bit words, and
     * {@link #categoriesHighOf} holds categories 64 to 127. Two words and not a bit set, because the detector
     * combines these for every hit of every post.
     */
    long categoriesOf(int pattern) {
        return patternCategories[2 * pattern];
    }

    /** Categories 64 to 127 of a pattern, category 64 as bit 0. */
    long categoriesHighOf(int pattern) {
        return patternCategories[2 * pattern + 1];
    }

    boolean isIdiom(int pattern) {
        return idiomPatterns[pattern];
    }

    /** Categories (0 to 63) whose hits are ignored when they lie inside a hit of {@code category}. */
    long suppressedBy(int category) {
        return suppresses[2 * category];
    }

    /** Categories 64 to 127 whose hits are ignored when they lie inside a hit of {@code category}. */
    long suppressedHighBy(int category) {
        return suppresses[2 * category + 1];
    }

    /** Per category, the smallest whole number that counts as a hit, or 0. */
    int numbersFrom(int category) {
        return numbersFrom[category];
    }

    long selfMask() {
        return selfMask;
    }

    long otherMask() {
        return otherMask;
    }

    /** Object pronouns: someone else, but never a subject. */
    long objectMask() {
        return objectMask;
    }

    List<Rule> rules() {
        return rules;
    }

    List<ContextModifier> modifiers() {
        return modifiers;
    }
}
