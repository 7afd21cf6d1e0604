package org.haven.crisis;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides how urgently a post or search query suggests someone is in danger, and why.
 *
 * <p>Pipeline, per text: {@link Normaliser normalise} (one pass per character and per word, recording each word and
 * its key), one {@link PatternAutomaton Aho-Corasick} scan over those words that finds trigger terms, idioms and
 * numbers together, then idioms cancel the shorter triggers they overlap ("this craving is killing me") and person
 * phrases cancel the first-person words inside them ("my brother"). Each {@link Rule} is then tried per sentence:
 * its categories must co-occur within its word window, about the right person, and the {@link ContextModifier
 * context modifiers} (negation, history, advice, media, hyperbole) may lower its level. The most severe level wins.
 * Finally, where the scan found any word of the lexicon, the {@link WordModel word model} may raise that level: it
 * catches wording the rules do not enumerate. It lowers in one narrow case only (see {@link #secondOpinion}).
 *
 * <p>Immutable and thread-safe: the state of a call lives on its stack and in scratch buffers owned by the
 * calling thread, so one instance serves every request. Built once per lexicon (compiling the automaton takes a
 * few milliseconds); swap lexicons with {@link LexiconHolder}.
 */
public final class CrisisDetector {

    /** Rule id of a verdict raised to IDEATION by the word model. */
    public static final String MODEL_IDEATION = "model-ideation";
    /** Rule id of a verdict raised to IMMINENT by the word model. */
    public static final String MODEL_IMMINENT = "model-imminent";
    /**
     * Rule id of a verdict the word model doubted, held at what the other rules say and at least CONCERN: a
     * moderator still sees it and why.
     */
    public static final String MODEL_DOUBT = "model-doubt";

    /**
     * Per-thread buffers reused from call to call. Allocating and zeroing fresh arrays for every post cost
     * more than normalising it. What a call leaves in a workspace (the firings array stays filled) is overwritten or
     * cleared by the next call on the same thread, and never read outside a call.
     */
    private static final class Workspace {
        /** Posts longer than this get a throw-away workspace, so one huge post does not pin memory. */
        static final int MAX_RETAINED_CHARS = 64 * 1024;

        final TextBuffer folded = new TextBuffer(1024);
        final TextBuffer normalised = new TextBuffer(1024);
        final Hits hits = new Hits();
        final Words words = new Words();
        final WordModel.Scratch model = new WordModel.Scratch();
        /** How each rule fired on the current text; see {@link #fire}. */
        Firing[] firings;
        boolean firingsUsed;
    }

    /**
     * Per detector rather than static: when a reload replaces the detector, or the application is undeployed,
     * the thread-local key becomes unreachable and pooled server threads drop their workspaces.
     */
    private final ThreadLocal<Workspace> workspaces = ThreadLocal.withInitial(Workspace::new);
    /** See {@link #readingEveryHit}. */
    private boolean readEveryHit;

    private final Lexicon lexicon;
    private final Normaliser normaliser;
    private final PatternAutomaton automaton;
    private final int smallestNumber;
    /** Categories that whole numbers can belong to (see {@link Lexicon#numbersFrom}), as category indexes. */
    private final int[] numberCategories;
    private final long personMask;
    private final List<Rule> rules;
    /** Per rule, its id: read for every rule that fired. */
    private final String[] ruleIds;
    /** Words in the longest pattern: how far a hit's first word can lie before its last. */
    private final int patternWords;
    /*
     * Category sets are two 64-bit words, categories 0 to 63 and 64 to 127 (see Lexicon#categoriesOf): a post's
     * categories, a hit's, a rule's. Person categories are all in the first word (the parser insists).
     */
    private final long[] allMasks;
    private final long[] allMasksHigh;
    private final long[] anyMasks;
    private final long[] anyMasksHigh;
    /**
     * Per category, the rules it may set off: a rule is listed under one category every text it fires on has (its
     * first required category that is no person or object word, which most posts have), or, when it requires
     * none, under each category of its alternatives. Posts hold few categories, so few rules are looked at.
     */
    private final int[][] rulesByCategory;
    /** Per rule, the categories it is listed under; a rule is tried from the lowest of them that is present. */
    private final long[] indexMasks;
    private final long[] indexMasksHigh;
    private final long indexedCategories;
    private final long indexedCategoriesHigh;
    /** Categories some rule is built from, person words aside: without one, the model must be surer to raise. */
    private final long ruleVocabulary;
    private final long ruleVocabularyHigh;
    /**
     * Whether the lexicon has categories beyond the 64th. When it has not, the second word of every category set is
     * empty and the rules never read it: with it read anyway, the detector measured 9% slower on the benchmark.
     */
    private final boolean wide;
    private final List<ContextModifier> modifiers;
    /** Per rule, the modifiers that apply to it (as indexes into {@code modifiers}): asked once per firing. */
    private final int[][] modifiersOf;
    /** The second opinion that may raise a verdict the rules missed; null for rules alone. */
    private final WordModel model;
    /** Per rule, whether the model may overrule it (see {@link WordModel#mayOverrule}). */
    private final boolean[] overrulable;
    /** Why the word model should be retrained for this lexicon, or null. */
    private final String modelWarning;

    /**
     * Compiles a detector for {@code lexicon}, with the word model shipped with Haven as its second opinion.
     *
     * @throws LexiconException if the lexicon is too large to compile
     */
    public CrisisDetector(Lexicon lexicon) {
        this(lexicon, shippedModel());
    }

    /** The word model shipped with Haven, loaded on first use. */
    static WordModel shippedModel() {
        return ShippedModel.MODEL;
    }

    /** Loaded once, on first use: the model does not change when moderators reload the lexicon. */
    private static final class ShippedModel {
        static final WordModel MODEL = WordModel.loadDefault();
    }

    /**
     * Compiles a detector for {@code lexicon} with {@code model} as its second opinion, or rules alone when
     * {@code model} is null (to measure what each part contributes).
     */
    CrisisDetector(Lexicon lexicon, WordModel model) {
        this.model = model;
        this.lexicon = Objects.requireNonNull(lexicon, "lexicon");
        normaliser = lexicon.normaliser();
        // a model trained on other spellings still helps (most words are untouched by a slang edit), so it stays in
        // use; turning it off would cost far more recall than the few words it now misreads
        modelWarning = model == null || model.matches(normaliser) ? null
                : "Retrain crisis word model " + model.version() + ": lexicon " + lexicon.version() + " changed slang, "
                        + "emoji or segment-break words since it was trained. It stays in use meanwhile.";
        try {
            automaton = new PatternAutomaton(lexicon.patterns(), lexicon.prefixPatterns());
        } catch (IllegalArgumentException e) {
            throw new LexiconException("the lexicon cannot be compiled: " + e.getMessage(), e);
        }
        int smallest = Integer.MAX_VALUE;
        List<Integer> numbers = new ArrayList<>();
        for (int c = 0; c < lexicon.categoryNames().size(); c++) {
            int from = lexicon.numbersFrom(c);
            if (from > 0) {
                smallest = Math.min(smallest, from);
                numbers.add(c);
            }
        }
        smallestNumber = smallest;
        numberCategories = numbers.stream().mapToInt(Integer::intValue).toArray();
        personMask = lexicon.selfMask() | lexicon.otherMask();
        wide = lexicon.categoryNames().size() > Long.SIZE;
        rules = lexicon.rules();
        ruleIds = rules.stream().map(Rule::id).toArray(String[]::new);
        patternWords = lexicon.patterns().stream().mapToInt(p -> p.split(" ").length).max().orElse(1);
        modifiers = lexicon.modifiers();
        allMasks = new long[rules.size()];
        allMasksHigh = new long[rules.size()];
        anyMasks = new long[rules.size()];
        anyMasksHigh = new long[rules.size()];
        long vocabulary = 0;
        long vocabularyHigh = 0;
        for (int r = 0; r < rules.size(); r++) {
            allMasks[r] = mask(rules.get(r).all(), 0);
            allMasksHigh[r] = mask(rules.get(r).all(), 1);
            anyMasks[r] = mask(rules.get(r).any(), 0);
            anyMasksHigh[r] = mask(rules.get(r).any(), 1);
            vocabulary |= allMasks[r] | anyMasks[r];
            vocabularyHigh |= allMasksHigh[r] | anyMasksHigh[r];
        }
        ruleVocabulary = vocabulary & ~(personMask | lexicon.objectMask());
        ruleVocabularyHigh = vocabularyHigh;
        indexMasks = new long[rules.size()];
        indexMasksHigh = new long[rules.size()];
        List<List<Integer>> byCategory = new ArrayList<>();
        for (int c = 0; c < LexiconParser.MAX_CATEGORIES; c++) {
            byCategory.add(new ArrayList<>());
        }
        long indexed = 0;
        long indexedHigh = 0;
        for (int r = 0; r < rules.size(); r++) {
            long common = personMask | lexicon.objectMask();
            long rare = allMasks[r] & ~common;
            long mask;
            long maskHigh = 0;
            if (rare != 0) {
                mask = Long.lowestOneBit(rare);
            } else if (allMasksHigh[r] != 0) {
                mask = 0; // person words are all in the low word, so a high category is rare
                maskHigh = Long.lowestOneBit(allMasksHigh[r]);
            } else if (allMasks[r] != 0) {
                mask = Long.lowestOneBit(allMasks[r]);
            } else {
                mask = anyMasks[r];
                maskHigh = anyMasksHigh[r];
            }
            indexMasks[r] = mask;
            indexMasksHigh[r] = maskHigh;
            indexed |= mask;
            indexedHigh |= maskHigh;
            for (long m = mask; m != 0; m &= m - 1) {
                byCategory.get(Long.numberOfTrailingZeros(m)).add(r);
            }
            for (long m = maskHigh; m != 0; m &= m - 1) {
                byCategory.get(Long.SIZE + Long.numberOfTrailingZeros(m)).add(r);
            }
        }
        indexedCategories = indexed;
        indexedCategoriesHigh = indexedHigh;
        rulesByCategory = byCategory.stream().map(list -> list.stream().mapToInt(Integer::intValue).toArray())
                .toArray(int[][]::new);
        overrulable = new boolean[rules.size()];
        for (int r = 0; r < rules.size(); r++) {
            overrulable[r] = model != null && model.mayOverrule(rules.get(r).id());
        }
        modifiersOf = new int[rules.size()][];
        for (int r = 0; r < rules.size(); r++) {
            Rule rule = rules.get(r);
            modifiersOf[r] = java.util.stream.IntStream.range(0, modifiers.size())
                    .filter(m -> modifiers.get(m).appliesTo(rule)).toArray();
        }
    }

    /** Word {@code word} (0: categories 0 to 63, 1: 64 to 127) of the set of {@code categories}. */
    private static long mask(int[] categories, int word) {
        long mask = 0;
        for (int c : categories) {
            if (c / Long.SIZE == word) {
                mask |= 1L << c;
            }
        }
        return mask;
    }

    /**
     * This detector, made to read every hit in every search of its rules, as they did before they learned to look
     * only near each hit: the reference the tests hold that shortcut to. Call before the detector is shared.
     */
    CrisisDetector readingEveryHit() {
        readEveryHit = true;
        return this;
    }

    /** The lexicon this detector was built from. */
    public Lexicon lexicon() {
        return lexicon;
    }

    /** A message for administrators when the word model was trained on other spellings than this lexicon's. */
    public Optional<String> modelWarning() {
        return Optional.ofNullable(modelWarning);
    }

    /**
     * Inspects one text (a post, a comment, a search query).
     *
     * @return the verdict; {@link CrisisVerdict#none()} for null, empty or harmless text
     */
    public CrisisVerdict detect(String text) {
        if (text == null || text.isEmpty()) {
            return CrisisVerdict.none();
        }
        Workspace workspace = text.length() > Workspace.MAX_RETAINED_CHARS ? new Workspace() : workspaces.get();
        NormalisedText normalised = normaliser.normalise(text, workspace.folded, workspace.normalised, workspace.words);
        Hits hits = workspace.hits;
        hits.size = 0;
        hits.readWhole = readEveryHit;
        automaton.scan(normalised, smallestNumber, hits);
        if (hits.size == 0) {
            return CrisisVerdict.none();
        }
        long present = categorise(normalised, hits);
        Firing[] firings = fire(normalised, hits, present, workspace);
        CrisisVerdict rules = firings == null ? CrisisVerdict.none() : verdict(normalised, hits, firings);
        // the model weighs every text in which the scan found a word of the lexicon, "I" and "my" included, but where
        // none of them is a word some rule is built from (a means, a wish, a farewell, a time...) it must be surer:
        // it then knows short everyday texts least ("Typo. I meant to say thanks." scores 0.80), and only there
        // could it raise a post that nothing else in the detector noticed (see UNPROMPTED)
        return secondOpinion(normalised, workspace, rules, firings, holdsRuleWord(present, hits));
    }

    /**
     * How each rule fires, indexed by rule, or null when none does. The array is the workspace's, reused from
     * post to post (a fresh one per post was the detector's largest allocation): it is valid until the next call.
     */
    private Firing[] fire(NormalisedText normalised, Hits hits, long present, Workspace workspace) {
        Firing[] best = workspace.firings;
        if (workspace.firingsUsed) {
            java.util.Arrays.fill(best, null);
            workspace.firingsUsed = false;
        }
        long high = hits.presentHigh;
        for (int word = 0; word < (wide ? 2 : 1); word++) {
            for (long entries = word == 0 ? present & indexedCategories : high & indexedCategoriesHigh; entries != 0;
                 entries &= entries - 1) {
                int category = word * Long.SIZE + Long.numberOfTrailingZeros(entries);
                for (int r : rulesByCategory[category]) {
                    if (!wide ? (present & allMasks[r]) != allMasks[r]
                            || (anyMasks[r] != 0 && (present & anyMasks[r]) == 0)
                            || Long.numberOfTrailingZeros(present & indexMasks[r]) != category
                            : (present & allMasks[r]) != allMasks[r] || (high & allMasksHigh[r]) != allMasksHigh[r]
                            || (anyMasks[r] | anyMasksHigh[r]) != 0
                                    && (present & anyMasks[r] | high & anyMasksHigh[r]) == 0
                            || lowest(present & indexMasks[r], high & indexMasksHigh[r]) != category) {
                        continue; // a word missing, or the rule is reached through another of its categories
                    }
                    Firing firing = evaluate(r, normalised, hits, present);
                    if (firing != null) {
                        if (best == null || best.length != rules.size()) {
                            best = workspace.firings = new Firing[rules.size()];
                        }
                        best[r] = firing;
                        workspace.firingsUsed = true;
                    }
                }
            }
        }
        return workspace.firingsUsed ? best : null;
    }

    /**
     * The categories 64 to 127 of hit {@code h} in {@code mask}. The second word is read only when the mask has a bit
     * there: with 64 categories or fewer it never does, and the array is never touched.
     */
    private static long high(Hits hits, int h, long mask) {
        return mask == 0 ? 0 : hits.categoriesHigh[h] & mask;
    }

    /** The lowest category of a set given as its two words. */
    private static int lowest(long low, long high) {
        return low != 0 ? Long.numberOfTrailingZeros(low) : Long.SIZE + Long.numberOfTrailingZeros(high);
    }

    /**
     * What the rules alone conclude about {@code text}, and whether the word model would be asked; for the trainer,
     * which weighs many thresholds on the same texts.
     */
    RulesAnswer rulesAnswer(String text) {
        if (text == null || text.isEmpty()) {
            return new RulesAnswer(CrisisVerdict.none(), false, false, Map.of());
        }
        Workspace workspace = new Workspace();
        NormalisedText normalised = normaliser.normalise(text, workspace.folded, workspace.normalised, workspace.words);
        Hits hits = workspace.hits;
        hits.readWhole = readEveryHit;
        automaton.scan(normalised, smallestNumber, hits);
        if (hits.size == 0) {
            return new RulesAnswer(CrisisVerdict.none(), false, false, Map.of());
        }
        long present = categorise(normalised, hits);
        Firing[] firings = fire(normalised, hits, present, workspace);
        Map<String, CrisisLevel> levels = new java.util.HashMap<>();
        for (int r = 0; firings != null && r < firings.length; r++) {
            if (firings[r] != null) {
                levels.put(rules.get(r).id(), firings[r].level());
            }
        }
        return new RulesAnswer(firings == null ? CrisisVerdict.none() : verdict(normalised, hits, firings), true,
                holdsRuleWord(present, hits), levels);
    }

    /**
     * The rules' verdict, whether the model is asked about the text (when the scan found any word in it), whether the
     * text holds a word some rule is built from (without one the model must reach {@link #UNPROMPTED} to raise it),
     * and the level at which each rule that fired did.
     */
    record RulesAnswer(CrisisVerdict verdict, boolean asksModel, boolean ruleWords, Map<String, CrisisLevel> firings) {
    }

    /**
     * The word model's verdict where it is more severe than the rules' one. It may raise a verdict a modifier
     * lowered (it learned from labelled negations, histories and advice too); the false alarms that costs are in
     * the evaluation figures. It lowers only in one case: a verdict reached by rules it may overrule (a means at a
     * place, a farewell, pills set out: scenes lookalike posts share; never a body in danger now), when it finds
     * neither crisis nor emergency even remotely likely. The verdict falls to what the other rules say and never
     * below CONCERN, so the post still reaches the moderators' care lane with every rule that fired; but the writer
     * gets no help panel and the thread no banner, which is the price of a wrong doubt. On the never-read sets no
     * crisis post was doubted.
     */
    private CrisisVerdict secondOpinion(NormalisedText text, Workspace workspace, CrisisVerdict rules,
                                        Firing[] firings, boolean ruleWords) {
        if (model == null || rules.level() == CrisisLevel.IMMINENT && !anyOverrulable(firings)) {
            return rules; // nothing to raise and nothing it may doubt
        }
        WordModel.Opinion opinion = model.score(workspace.words, workspace.model, rules.level());
        if (!ruleWords && opinion.crisis() < UNPROMPTED) {
            return rules; // no rule fires without a rule's word: the verdict is NONE, and stays so
        }
        if (rules.level().atLeast(CrisisLevel.IDEATION) && model.doubts(opinion)) {
            if (!anyOverrulable(firings)) {
                return rules; // a doubt sets aside only the rules it may overrule, and none of them fired
            }
            CrisisVerdict kept = keptWhenDoubted(text, workspace.hits, firings);
            if (kept.level() != rules.level()) {
                // held at what the other rules say, and at least CONCERN: the care lane still sees the post, with
                // every rule that fired and the model's doubt
                List<String> ids = new ArrayList<>(rules.rules().size() + kept.rules().size() + 1);
                ids.add(MODEL_DOUBT);
                ids.addAll(rules.rules());
                ids.addAll(kept.rules());
                MatchList matches = new MatchList(text);
                matches.addAll(rules.matches());
                matches.addAll(kept.matches());
                return new CrisisVerdict(CrisisLevel.max(kept.level(), CrisisLevel.CONCERN), ids, matches.ordered());
            }
            return rules;
        }
        if (rules.level() == CrisisLevel.IMMINENT || opinion.level().compareTo(rules.level()) <= 0) {
            return rules;
        }
        String id = opinion.level() == CrisisLevel.IMMINENT ? MODEL_IMMINENT : MODEL_IDEATION;
        // the rules' own findings stay beside the model's, so a moderator still sees what the rules read
        MatchList matches = new MatchList(text);
        matches.addAll(rules.matches());
        for (int[] span : opinion.spans()) {
            // "wanna" became "want to": several features can stand for the same original words, kept once
            matches.add(text.originalStart(span[0]), text.originalEnd(span[1] - 1), id);
        }
        List<String> ids = new ArrayList<>(rules.rules().size() + 1);
        ids.add(id);
        ids.addAll(rules.rules());
        return new CrisisVerdict(opinion.level(), ids, matches.ordered());
    }

    /** Whether the categories found ({@code present} and the hits' high word) include one some rule is built from. */
    private boolean holdsRuleWord(long present, Hits hits) {
        return (present & ruleVocabulary | hits.presentHigh & ruleVocabularyHigh) != 0;
    }

    /**
     * The crisis probability the model needs to raise a text holding no word any rule is built from. Until lexicon
     * 2026.12.13 it was not asked about such texts at all, and a crisis told without such a word ("bathwater's gone
     * red and i can't make it stop", 0.98) was never weighed; asked with its usual bar of 0.75, it raised an everyday
     * edit ("Typo. I meant to say thanks.", 0.80) to IMMINENT. Figures for the bar are in the crisis README.
     */
    static final double UNPROMPTED = 0.90;

    private boolean anyOverrulable(Firing[] firings) {
        for (int r = 0; r < firings.length; r++) {
            if (firings[r] != null && overrulable[r]) {
                return true;
            }
        }
        return false;
    }

    /** The verdict of the rules the model may not overrule. */
    private CrisisVerdict keptWhenDoubted(NormalisedText text, Hits hits, Firing[] firings) {
        Firing[] kept = firings.clone();
        for (int r = 0; r < kept.length; r++) {
            if (overrulable[r]) {
                kept[r] = null;
            }
        }
        return verdict(text, hits, kept);
    }

    // ---- hits ----

    /** Gives every hit its categories after idioms and person phrases have cancelled what they cover. */
    private long categorise(NormalisedText text, Hits hits) {
        for (int h = 0; h < hits.size; h++) {
            int p = hits.pattern[h];
            if (p == PatternAutomaton.NUMBER) {
                numberCategories(text, hits, h);
            } else {
                hits.categories[h] = lexicon.categoriesOf(p);
                if (wide) {
                    hits.categoriesHigh[h] = lexicon.categoriesHighOf(p);
                }
            }
        }
        for (int i = 0; i < hits.size; i++) {
            int p = hits.pattern[i];
            if (p != PatternAutomaton.NUMBER && lexicon.isIdiom(p)) {
                // the longer idiom wins: "killing me" in "this craving is killing me" is not a trigger
                for (int h = firstOverlapping(hits, i), to = afterOverlapping(hits, i); h < to; h++) {
                    if (h != i && hits.overlap(h, i) && idiomCovers(hits, i, h)) {
                        hits.categories[h] = 0;
                        hits.categoriesHigh[h] = 0;
                    }
                }
            }
        }
        for (int i = 0; i < hits.size; i++) {
            long suppressed = 0;
            long suppressedHigh = 0;
            for (long c = hits.categories[i]; c != 0; c &= c - 1) {
                suppressed |= lexicon.suppressedBy(Long.numberOfTrailingZeros(c));
                suppressedHigh |= lexicon.suppressedHighBy(Long.numberOfTrailingZeros(c));
            }
            for (long c = wide ? hits.categoriesHigh[i] : 0; c != 0; c &= c - 1) {
                suppressed |= lexicon.suppressedBy(Long.SIZE + Long.numberOfTrailingZeros(c));
                suppressedHigh |= lexicon.suppressedHighBy(Long.SIZE + Long.numberOfTrailingZeros(c));
            }
            if ((suppressed | suppressedHigh) != 0) {
                for (int h = firstOverlapping(hits, i), to = afterOverlapping(hits, i); h < to; h++) {
                    if (h != i && hits.contains(i, h) && hits.length(h) < hits.length(i)) {
                        hits.categories[h] &= ~suppressed;
                        hits.categoriesHigh[h] &= ~suppressedHigh;
                    }
                }
            }
        }
        long present = 0;
        long presentHigh = 0;
        for (int h = 0; h < hits.size; h++) {
            present |= hits.categories[h];
        }
        for (int h = 0; wide && h < hits.size; h++) {
            presentHigh |= hits.categoriesHigh[h];
        }
        hits.presentHigh = presentHigh;
        return present;
    }

    /**
     * The hits that can overlap hit {@code i} lie between these two: a hit shares a character with {@code i} only
     * if it shares a word, and hits come in order of their last word. Looking there alone, not at every hit, keeps
     * a long post with thousands of hits linear.
     */
    private int firstOverlapping(Hits hits, int i) {
        return hits.searchFromWord(hits.firstWord[i]);
    }

    private int afterOverlapping(Hits hits, int i) {
        return hits.searchUntilWord(hits.lastWord[i] + patternWords);
    }

    /**
     * Whether idiom {@code i} cancels the overlapping trigger {@code h}: the longer one wins ("this craving is
     * killing me"); at equal length the idiom wins when it reaches further right ("keep going to" cancels "to keep
     * going"), and the trigger wins when it continues past the idiom's end ("going to jump in" does not cancel
     * "jump in front of"): the words that come after decide what the shared words mean.
     */
    private static boolean idiomCovers(Hits hits, int i, int h) {
        if (hits.contains(i, h) || hits.length(h) < hits.length(i)) {
            return true;
        }
        return hits.length(h) == hits.length(i) && hits.end[i] > hits.end[h];
    }

    /** Sets the categories of number hit {@code h}: those whose smallest number it reaches. */
    private void numberCategories(NormalisedText text, Hits hits, int h) {
        long value = 0;
        char[] chars = text.chars();
        for (int i = hits.start[h]; i < hits.end[h]; i++) {
            value = Math.min(value * 10 + (chars[i] - '0'), Integer.MAX_VALUE);
        }
        long categories = 0;
        long categoriesHigh = 0;
        for (int category : numberCategories) {
            if (value >= lexicon.numbersFrom(category)) {
                if (category < Long.SIZE) {
                    categories |= 1L << category;
                } else {
                    categoriesHigh |= 1L << category;
                }
            }
        }
        hits.categories[h] = categories;
        hits.categoriesHigh[h] = categoriesHigh;
    }

    // ---- rules ----

    /** One way a rule fired: its level after modifiers, the hits behind it and the modifier hits that changed it. */
    private record Firing(CrisisLevel level, int[] hits, List<int[]> modifierHits) {
    }

    /** The most severe way {@code rule} fires anywhere in the text, or null. */
    private Firing evaluate(int r, NormalisedText text, Hits hits, long present) {
        Rule rule = rules.get(r);
        Firing best = null;
        int first = rule.all().length > 0 ? rule.all()[0] : -1;
        long anchors = first < 0 ? anyMasks[r] : first < Long.SIZE ? 1L << first : 0;
        long anchorsHigh = first < 0 ? anyMasksHigh[r] : first < Long.SIZE ? 0 : 1L << first;
        for (int anchor = 0; anchor < hits.size; anchor++) {
            if ((hits.categories[anchor] & anchors | high(hits, anchor, anchorsHigh)) == 0
                    || rule.after() != null && !comesAfter(text, hits.start[anchor], rule.after())) {
                continue;
            }
            int[] chosen = choose(rule, anyMasks[r], anyMasksHigh[r], hits, anchor, patternWords);
            if (chosen == null || !personMatches(rule, text, hits, chosen)) {
                continue;
            }
            List<int[]> applied = new ArrayList<>(2);
            CrisisLevel level = modify(r, rule, text, hits, chosen, applied, present);
            if (best == null || level.compareTo(best.level()) > 0) {
                best = new Firing(level, chosen, applied);
                if (level == rule.level()) {
                    break; // modifiers only lower a level: no later anchor can do better than the first at the top
                }
            }
        }
        return best;
    }

    /** For each category of the rule, the hit nearest the anchor; null if one is missing or too far away. */
    private static int[] choose(Rule rule, long anyMask, long anyMaskHigh, Hits hits, int anchor, int patternWords) {
        if (rule.all().length == 0) {
            return new int[] {anchor}; // the anchor is itself one of the 'any' categories
        }
        int[] chosen = new int[rule.all().length + (rule.any().length > 0 ? 1 : 0)];
        chosen[0] = anchor;
        for (int i = 1; i < rule.all().length; i++) {
            int c = rule.all()[i];
            chosen[i] = nearest(rule, hits, anchor, c < Long.SIZE ? 1L << c : 0, c < Long.SIZE ? 0 : 1L << c,
                    patternWords);
            if (chosen[i] < 0) {
                return null;
            }
        }
        if (rule.any().length > 0) {
            int hit = nearest(rule, hits, anchor, anyMask, anyMaskHigh, patternWords);
            if (hit < 0) {
                return null;
            }
            chosen[chosen.length - 1] = hit;
        }
        int firstWord = Integer.MAX_VALUE;
        int lastWord = Integer.MIN_VALUE;
        for (int hit : chosen) {
            firstWord = Math.min(firstWord, hits.firstWord[hit]);
            lastWord = Math.max(lastWord, hits.lastWord[hit]);
        }
        return lastWord - firstWord + 1 <= rule.window() ? chosen : null;
    }

    private static int nearest(Rule rule, Hits hits, int anchor, long categories, long categoriesHigh,
                               int patternWords) {
        int best = -1;
        int bestDistance = Integer.MAX_VALUE;
        // looking at every hit for every anchor made long posts quadratic. The range holds every hit whose first word
        // is fewer than window words from the anchor's, long phrases that run past the window included (the nearest
        // may be one, and then choose() must see it and fail, as before); a hit whose first word is farther would
        // fail the window in choose() whichever it was. Hits come in order of their last word, which is fewer than
        // patternWords after their first.
        int from;
        int to;
        if (rule.acrossSentences()) {
            from = hits.searchFromWord(hits.firstWord[anchor] - rule.window() + 1);
            to = hits.searchUntilWord(hits.firstWord[anchor] + rule.window() + patternWords);
        } else {
            from = hits.searchFromSentence(hits.sentence[anchor]);
            to = hits.searchUntilSentence(hits.sentence[anchor] + 1);
        }
        for (int h = from; h < to; h++) {
            if ((hits.categories[h] & categories | high(hits, h, categoriesHigh)) == 0
                    || (!rule.acrossSentences() && hits.sentence[h] != hits.sentence[anchor])) {
                continue;
            }
            int distance = Math.abs(hits.firstWord[h] - hits.firstWord[anchor]);
            if (distance < bestDistance) {
                best = h;
                bestDistance = distance;
            }
        }
        return best;
    }

    /**
     * Whom the rule's words are about: the nearest person word before the last of them, in its sentence, so
     * "I hope my dad doesn't die" is about the dad and "I took all my pills" about the writer; an owner
     * ("my dad's gun") is not a subject. No person
     * word means the writer ("took all of them"); for rules about someone else, a person word inside or right
     * after the words also counts ("lips blue, she's not breathing", "I can't wake my roommate").
     */
    private boolean personMatches(Rule rule, NormalisedText text, Hits hits, int[] chosen) {
        if (rule.person() == Rule.Person.ANY) {
            return true;
        }
        int first = firstOf(hits, chosen);
        int last = rule.subjectAtFirst() ? first : lastOf(hits, chosen);
        int nearest = -1;
        // both searches stay inside one sentence: looking at the sentence's hits alone keeps long posts linear
        int lastSentenceEnd = hits.searchUntilSentence(hits.sentence[last] + 1);
        for (int h = hits.searchFromSentence(hits.sentence[last]); h < lastSentenceEnd; h++) {
            if ((hits.categories[h] & personMask) != 0 && hits.sentence[h] == hits.sentence[last]
                    && hits.lastWord[h] < hits.firstWord[last] && !insideChosen(hits, chosen, h)
                    && !(rule.person() == Rule.Person.SELF && possessor(text, hits, h))
                    && (nearest < 0 || hits.lastWord[h] > hits.lastWord[nearest])) {
                nearest = h;
            }
        }
        boolean other = nearest >= 0 && (hits.categories[nearest] & lexicon.selfMask()) == 0;
        if (rule.person() == Rule.Person.SELF) {
            return !other;
        }
        if (other) {
            return true;
        }
        int lastWord = lastWordOf(hits, chosen);
        int firstSentenceEnd = hits.searchUntilSentence(hits.sentence[first] + 1);
        for (int h = hits.searchFromSentence(hits.sentence[first]); h < firstSentenceEnd; h++) {
            if ((hits.categories[h] & (lexicon.otherMask() | lexicon.objectMask())) != 0
                    && hits.sentence[h] == hits.sentence[first]
                    && hits.firstWord[h] >= hits.firstWord[first] && hits.firstWord[h] <= lastWord + 3) {
                return true;
            }
        }
        return false;
    }

    private CrisisLevel modify(int r, Rule rule, NormalisedText text, Hits hits, int[] chosen, List<int[]> applied,
                               long present) {
        CrisisLevel level = rule.level();
        int first = firstOf(hits, chosen);
        for (int m : modifiersOf[r]) {
            ContextModifier modifier = modifiers.get(m);
            int[] phrase = null;
            long category = 0;
            long categoryHigh = 0;
            if (modifier.byWords()) {
                phrase = phraseInScope(modifier, text, hits, chosen);
                if (phrase == null) {
                    continue;
                }
            } else {
                boolean high = modifier.category() >= Long.SIZE;
                if (((high ? hits.presentHigh : present) & (1L << modifier.category())) == 0) {
                    continue; // no word of this modifier anywhere in the text
                }
                category = high ? 0 : 1L << modifier.category();
                categoryHigh = high ? 1L << modifier.category() : 0;
            }
            int found = -1;
            boolean blocked = false;
            // every scope but the whole text lies within the sentences of the rule's words (and the next one)
            int from = 0;
            int to = phrase != null && (modifier.unlessMask() | modifier.unlessMaskHigh()) == 0 ? 0 : hits.size;
            if (to > 0 && modifier.scope() != ContextModifier.Scope.TEXT && hits.size > Hits.SHORT) {
                int firstSentence = Integer.MAX_VALUE;
                int lastSentence = Integer.MIN_VALUE;
                for (int c : chosen) {
                    firstSentence = Math.min(firstSentence, hits.sentence[c]);
                    lastSentence = Math.max(lastSentence, hits.sentence[c]);
                }
                from = hits.searchFromSentence(firstSentence);
                to = hits.searchUntilSentence(lastSentence + 2);
            }
            for (int h = from; h < to && !blocked; h++) {
                boolean relevant = (hits.categories[h] & (category | modifier.unlessMask())
                        | high(hits, h, categoryHigh | modifier.unlessMaskHigh())) != 0;
                if (!relevant || !inScope(modifier, text, hits, chosen, first, h)
                        || phrase != null && hits.start[h] >= phrase[0] && hits.end[h] <= phrase[1]) {
                    continue; // a modifier's own words do not block it: the "me" of "he told me he"
                }
                if ((hits.categories[h] & modifier.unlessMask() | high(hits, h, modifier.unlessMaskHigh())) != 0) {
                    // the rule's own words count here: "tonight" is never history; but an "I" inside quotation
                    // marks is the singer's or the speaker's, not the writer's ('I hurt myself today')
                    blocked = !quoted(text, hits, h);
                } else if (found < 0 && !insideChosen(hits, chosen, h)) {
                    found = h;
                }
            }
            if ((found >= 0 || phrase != null) && !blocked) {
                CrisisLevel lowered = modifier.apply(level);
                if (lowered != level) {
                    // a hit, or for plain words the normalised span they were found at
                    applied.add(phrase != null ? new int[] {m, -1, phrase[0], phrase[1]} : new int[] {m, found});
                    level = lowered;
                }
            }
        }
        return level;
    }

    /**
     * Where one of a words modifier's phrases occurs in the sentence (or segment) of one of the rule's words, outside
     * them, as a normalised span {start, end}; null if none does. Looked for only here, when a rule it applies to has
     * fired, by the keys the normaliser gave each word.
     */
    private static int[] phraseInScope(ContextModifier modifier, NormalisedText text, Hits hits, int[] chosen) {
        Words words = text.words();
        char[] chars = text.chars();
        boolean segment = modifier.scope() == ContextModifier.Scope.SEGMENT;
        for (int c : chosen) {
            int w = wordStartingAtOrBefore(words, hits.start[c]);
            int from = w;
            while (from > 0 && !endsUnit(chars[words.start[from - 1]], segment)) {
                from--;
            }
            int to = w;
            while (to < words.size && !endsUnit(chars[words.start[to]], segment)) {
                to++;
            }
            for (int i = from; i < to; i++) {
                for (long[] keys : modifier.wordsByFirst().startingWith(words.key[i])) {
                    int last = i + keys.length - 1;
                    if (last < to && matches(words, i, keys) && !excepted(modifier, words, i, last, from, to)
                            && !insideChosen(hits, chosen, words.start[i], words.end[last])) {
                        return new int[] {words.start[i], words.end[last]};
                    }
                }
            }
        }
        return null;
    }

    private static boolean matches(Words words, int at, long[] keys) {
        for (int k = 0; k < keys.length; k++) {
            if (words.key[at + k] != keys[k]) {
                return false;
            }
        }
        return true;
    }

    /** Whether words {@code first..last} lie inside one of the modifier's exceptions, within words [from, to). */
    private static boolean excepted(ContextModifier modifier, Words words, int first, int last, int from, int to) {
        for (long[] keys : modifier.except()) {
            for (int at = Math.max(from, last - keys.length + 1); at <= first && at + keys.length <= to; at++) {
                if (matches(words, at, keys)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether the word at normalised offset {@code start} comes right after one of the phrases. */
    private static boolean comesAfter(NormalisedText text, int start, long[][] phrases) {
        Words words = text.words();
        int w = wordStartingAtOrBefore(words, start);
        for (long[] keys : phrases) {
            if (w - keys.length >= 0 && matches(words, w - keys.length, keys)) {
                return true;
            }
        }
        return false;
    }

    private static boolean endsUnit(char mark, boolean segment) {
        return mark == '.' || segment && mark == ',';
    }

    /** The last word starting at or before normalised offset {@code offset}. */
    private static int wordStartingAtOrBefore(Words words, int offset) {
        int lo = 0;
        int hi = words.size - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (words.start[mid] <= offset) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    /** Whether the normalised span [start, end) lies inside one of the rule's own hits. */
    private static boolean insideChosen(Hits hits, int[] chosen, int start, int end) {
        for (int c : chosen) {
            if (hits.start[c] <= start && end <= hits.end[c]) {
                return true;
            }
        }
        return false;
    }

    private boolean inScope(ContextModifier modifier, NormalisedText text, Hits hits, int[] chosen, int first, int h) {
        return switch (modifier.scope()) {
            case PRECEDING -> hits.segment[h] == hits.segment[first] && hits.lastWord[h] < hits.firstWord[first]
                    && hits.firstWord[first] - hits.lastWord[h] <= modifier.window();
            case SEGMENT -> sharesUnit(hits.segment, chosen, h);
            case SENTENCE -> sharesUnit(hits.sentence, chosen, h);
            case CLAUSE -> sharesClause(modifier, text, hits, chosen, h);
            case ADJACENT -> sharesUnit(hits.sentence, chosen, h) || opensNextSentence(modifier, text, hits, chosen, h);
            case TEXT -> true;
        };
    }

    /** Whether {@code h} is among the first words (the modifier's window) of the sentence after the rule's words. */
    private static boolean opensNextSentence(ContextModifier modifier, NormalisedText text, Hits hits, int[] chosen,
                                             int h) {
        if (hits.sentence[h] != hits.sentence[lastOf(hits, chosen)] + 1) {
            return false;
        }
        char[] chars = text.chars();
        int words = 0;
        for (int i = hits.start[h] - 1; i >= 0 && chars[i] != '.'; i--) {
            if (chars[i] == ' ' && i > 0 && chars[i - 1] != '.' && chars[i - 1] != ' ') {
                words++;
            }
        }
        return words < modifier.window();
    }

    /**
     * Whether {@code h} shares a sentence with one of the rule's words and no segment-break word ("but"), nor one of
     * the modifier's {@code until} phrases ("I said no"), stands between them. Looked for in the text only here: few
     * modifiers have this scope, and they are weighed only when a rule has fired and a word of theirs is in the text.
     */
    private boolean sharesClause(ContextModifier modifier, NormalisedText text, Hits hits, int[] chosen, int h) {
        char[] chars = text.chars();
        for (int c : chosen) {
            if (hits.sentence[c] != hits.sentence[h]) {
                continue;
            }
            boolean turned = false;
            int until = Math.max(hits.start[c], hits.start[h]);
            for (int i = Math.min(hits.end[c], hits.end[h]); i < until && !turned; i++) {
                // a break word starts a word: at the text's start or after a separator (the normaliser puts a comma
                // before one that follows a word: "yes, but")
                if (Normaliser.isWordChar(chars[i]) && (i == 0 || !Normaliser.isWordChar(chars[i - 1]))) {
                    int end = i;
                    while (end < chars.length && end < text.length() && Normaliser.isWordChar(chars[end])) {
                        end++;
                    }
                    turned = normaliser.isBreakWord(chars, i, end);
                    i = end - 1;
                }
            }
            if (!turned && !untilBetween(modifier, text.words(), Math.min(hits.end[c], hits.end[h]), until)) {
                return true;
            }
        }
        return false;
    }

    /** Whether one of the modifier's {@code until} phrases lies wholly between normalised offsets from and to. */
    private static boolean untilBetween(ContextModifier modifier, Words words, int from, int to) {
        if (modifier.until().length == 0) {
            return false;
        }
        for (int w = wordStartingAtOrBefore(words, from); w < words.size && words.start[w] < to; w++) {
            if (words.start[w] < from) {
                continue;
            }
            for (long[] keys : modifier.untilByFirst().startingWith(words.key[w])) {
                int last = w + keys.length - 1;
                if (last < words.size && words.end[last] <= to && matches(words, w, keys)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean sharesUnit(int[] unit, int[] chosen, int h) {
        for (int c : chosen) {
            if (unit[c] == unit[h]) {
                return true;
            }
        }
        return false;
    }

    /** A modifier word inside a rule's own words ("not" in "not breathing") is part of the phrase, not context. */
    private static boolean insideChosen(Hits hits, int[] chosen, int h) {
        return insideChosen(hits, chosen, hits.start[h], hits.end[h]);
    }

    private static int firstOf(Hits hits, int[] chosen) {
        int first = chosen[0];
        for (int c : chosen) {
            if (hits.firstWord[c] < hits.firstWord[first]) {
                first = c;
            }
        }
        return first;
    }

    /**
     * "my dad's gun", "tablets of my mother": a person word with a possessive 's, or after "of", owns something;
     * it is not the subject.
     */
    private static boolean possessor(NormalisedText text, Hits hits, int h) {
        int end = hits.end[h];
        char[] chars = text.chars();
        if (end + 1 < text.length() && chars[end] == '\'' && chars[end + 1] == 's') {
            return true;
        }
        int start = hits.start[h];
        int before = wordBefore(chars, start);
        if (before >= 0 && isWord(chars, before, start - 1, OWNERS)) {
            start = before;
            before = wordBefore(chars, start);
        }
        return before >= 0 && isWord(chars, before, start - 1, OF);
    }

    /** Start of the word ending right before {@code start} (one space between), or -1. */
    private static int wordBefore(char[] chars, int start) {
        if (start < 2 || chars[start - 1] != ' ' || !Character.isLetterOrDigit(chars[start - 2])) {
            return -1;
        }
        int i = start - 2;
        while (i > 0 && (Character.isLetterOrDigit(chars[i - 1]) || chars[i - 1] == '\'')) {
            i--;
        }
        return i;
    }

    private static final char[][] OWNERS = {"my".toCharArray(), "his".toCharArray(), "her".toCharArray(),
        "their".toCharArray(), "your".toCharArray(), "our".toCharArray()};
    private static final char[][] OF = {"of".toCharArray()};

    private static boolean isWord(char[] chars, int from, int to, char[][] words) {
        for (char[] word : words) {
            if (java.util.Arrays.equals(word, 0, word.length, chars, from, to)) {
                return true;
            }
        }
        return false;
    }

    /** Whether hit {@code h} lies between quotation marks in the original text (see {@link NormalisedText#quoted}). */
    private static boolean quoted(NormalisedText text, Hits hits, int h) {
        return text.quoted(text.originalStart(hits.start[h]));
    }

    private static int lastOf(Hits hits, int[] chosen) {
        int last = chosen[0];
        for (int c : chosen) {
            if (hits.firstWord[c] > hits.firstWord[last]) {
                last = c;
            }
        }
        return last;
    }

    private static int lastWordOf(Hits hits, int[] chosen) {
        int last = Integer.MIN_VALUE;
        for (int c : chosen) {
            last = Math.max(last, hits.lastWord[c]);
        }
        return last;
    }

    // ---- verdict ----

    private CrisisVerdict verdict(NormalisedText text, Hits hits, Firing[] best) {
        CrisisLevel level = CrisisLevel.NONE;
        int atLevel = 0;
        for (Firing firing : best) {
            if (firing != null) {
                int order = firing.level().compareTo(level);
                if (order > 0) {
                    level = firing.level();
                    atLevel = 1;
                } else if (order == 0) {
                    atLevel++;
                }
            }
        }
        if (level == CrisisLevel.NONE) {
            return CrisisVerdict.none();
        }
        String[] ids = new String[atLevel];
        int found = 0;
        MatchList matches = new MatchList(text);
        for (int r = 0; r < best.length; r++) {
            Firing firing = best[r];
            if (firing == null || firing.level() != level) {
                continue;
            }
            String id = ruleIds[r];
            ids[found++] = id;
            for (int h : firing.hits()) {
                matches.add(hits, h, id);
            }
            for (int[] modifierHit : firing.modifierHits()) {
                if (modifierHit[1] >= 0) {
                    matches.add(hits, modifierHit[1], modifiers.get(modifierHit[0]).id());
                } else {
                    matches.add(text.originalStart(modifierHit[2]), text.originalEnd(modifierHit[3] - 1),
                            modifiers.get(modifierHit[0]).id());
                }
            }
        }
        return new CrisisVerdict(level, List.of(ids), matches.ordered());
    }

    /**
     * The spans of a verdict, without duplicates and ordered by position (ties keep the order they came in). A
     * verdict has a handful, so a plain array with a linear check and an insertion sort beats a hash set and a
     * comparator chain, which showed up in profiles of posts where a rule fires. A span is compared by its
     * offsets and rule before its text is cut out of the post, so a duplicate costs no string.
     */
    private static final class MatchList {
        private final NormalisedText text;
        private CrisisMatch[] items = new CrisisMatch[8];
        private int size;

        MatchList(NormalisedText text) {
            this.text = text;
        }

        /** Adds the span of hit {@code h}, for rule or modifier {@code ruleId}. */
        void add(Hits hits, int h, String ruleId) {
            add(text.originalStart(hits.start[h]), text.originalEnd(hits.end[h] - 1), ruleId);
        }

        void add(int start, int end, String ruleId) {
            if (!contains(start, end, ruleId)) {
                add(new CrisisMatch(start, end, text.original().substring(start, end), ruleId));
            }
        }

        void addAll(List<CrisisMatch> more) {
            for (CrisisMatch match : more) {
                if (!contains(match.start(), match.end(), match.ruleId())) {
                    add(match);
                }
            }
        }

        private boolean contains(int start, int end, String ruleId) {
            for (int i = 0; i < size; i++) {
                CrisisMatch item = items[i];
                if (item.start() == start && item.end() == end && item.ruleId().equals(ruleId)) {
                    return true;
                }
            }
            return false;
        }

        private void add(CrisisMatch match) {
            if (size == items.length) {
                items = java.util.Arrays.copyOf(items, size * 2);
            }
            int at = size++;
            while (at > 0 && after(items[at - 1], match)) {
                items[at] = items[at - 1];
                at--;
            }
            items[at] = match;
        }

        private static boolean after(CrisisMatch a, CrisisMatch b) {
            return a.start() > b.start() || (a.start() == b.start() && a.end() > b.end());
        }

        List<CrisisMatch> ordered() {
            return List.of(size == items.length ? items : java.util.Arrays.copyOf(items, size));
        }
    }
}
