package org.haven.crisis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The detector's second opinion: two logistic regressions over the words and word pairs of the normalised text,
 * trained on Haven's labelled sets ({@code WordModelTrainer} in the tests writes {@code crisis/word-model.tsv}).
 * One estimates whether a post is a crisis (IDEATION or worse), the other whether it is IMMINENT.
 *
 * <p>Why: the lexicon's rules are precise but phrase-bound. Every new writer names a means, a place or a wish in
 * words the lexicon has never met, and on sets written after the lexicon was tuned its crisis recall was
 * 0.58–0.77. The model generalises over wording the rules do not enumerate ("parked at the lookout", "gas on,
 * not lit"). It raises verdicts and explains itself: the verdict names the rule {@code model-ideation} or
 * {@code model-imminent} and highlights the words that weighed most. It lowers only a verdict reached by the few
 * rules its file lists as overrulable, only when it finds neither crisis nor emergency even remotely likely, and
 * never below CONCERN ({@code model-doubt}); it never hides a post.
 *
 * <p>Features are those of a TF-IDF vectoriser: each word and each pair of adjacent words (sentence
 * punctuation counts as a word) weighs {@code (1 + ln tf) * idf}, and the vector is scaled to unit length, or
 * less for a very short text: divided by at least the model's {@code minimum-norm}, so that in "the lookout" the
 * word "the" does not carry the weight a whole post would.
 * Words are looked up by a 64-bit hash of their spelling, so scoring allocates nothing. Immutable and
 * thread-safe; per-call scratch lives in a {@link Scratch} owned by the calling thread.
 */
final class WordModel {

    /** Classpath resource of the model shipped with Haven. */
    static final String DEFAULT_RESOURCE = "/crisis/word-model.tsv";
    /** How many of the heaviest words a verdict highlights. */
    static final int EXPLAINED_FEATURES = 3;

    private static final int CRISIS = 0;
    private static final int IMMINENT = 1;

    private final String version;
    /** The fingerprint of the normaliser whose spelling the features use, or null when the file does not say. */
    private final String normaliser;
    private final int features;
    private final double[] intercepts;
    private final double ideationThreshold;
    private final double imminentThreshold;
    /**
     * The IMMINENT probability at which a post already judged a crisis (by the rules or by this model) is taken as
     * IMMINENT. It is lower than {@link #imminentThreshold} because it answers a smaller question: not "is this a
     * crisis, and an urgent one?" but "how urgent is this crisis?". Erring there puts the emergency number first
     * for someone who needed the crisis line first; it raises no post that was not already a crisis, so it adds no
     * false alarm on posts that are not.
     */
    private final double escalationThreshold;
    /**
     * Rules whose verdict this model may doubt, and the probability below which it does (0: never). Chosen on
     * held-out figures, as the thresholds are: rules that, on posts the model had not learned from, never fired on
     * a crisis post the model put below the threshold but did fire on harmless ones (a sober night on a bridge
     * watching fireworks; pills counted out for a trip).
     */
    private final Set<String> overrulable;
    private final double overruleThreshold;
    /** The smallest length a text's vector is divided by, so a two-word text is not blown up to unit length. */
    private final double minimumNorm;
    /*
     * Laid out for the scan, where most words and nearly all word pairs of a post are not features: a filter of
     * one bit per key fits in the first-level cache and turns most lookups away; a known feature is then one read
     * of two adjacent longs, which share a cache line: a 32-bit check of its key with its idf, and its two weights,
     * all as float bits. A slot holds a check rather than the whole key so that it takes 16 bytes, not 24: see
     * {@link #check}.
     */
    private final long[] filter = new long[FILTER_BITS / Long.SIZE];
    private final long[] slots;
    private final int mask;

    private static final int FILTER_BITS = 1 << 17;
    private static final int STRIDE = 2;

    private WordModel(String version, String normaliser, List<String> names, float[] idf, float[][] weights,
                      double[] intercepts, double ideationThreshold, double imminentThreshold,
                      double escalationThreshold, Set<String> overrulable, double overruleThreshold,
                      double minimumNorm) {
        this.minimumNorm = minimumNorm;
        this.version = version;
        this.normaliser = normaliser;
        this.features = names.size();
        this.intercepts = intercepts;
        this.ideationThreshold = ideationThreshold;
        this.imminentThreshold = imminentThreshold;
        this.escalationThreshold = escalationThreshold;
        this.overrulable = Set.copyOf(overrulable);
        this.overruleThreshold = overruleThreshold;
        // 30 to 60% full: linear probes stay short. The table takes 16 bytes a slot and each thread's counts 4, so
        // the shipped model's 16,421 features in 32,768 slots take 512 KB and 128 KB a thread
        int capacity = Integer.highestOneBit(Math.max(4, names.size() * 5 / 3)) << 1;
        slots = new long[capacity * STRIDE];
        mask = capacity - 1;
        Set<Long> keys = new HashSet<>();
        int[] slotOf = new int[names.size()];
        for (int f = 0; f < names.size(); f++) {
            long key = key(names.get(f));
            if (!keys.add(key)) {
                throw new LexiconException("word model: feature '" + names.get(f) + "' is listed twice or its hash collides");
            }
            if (!(idf[f] > 0)) {
                throw new LexiconException("word model: feature '" + names.get(f) + "' has an idf that is not positive");
            }
            int slot = slot(key);
            while (slots[slot * STRIDE] != 0) {
                slot = (slot + 1) & mask;
            }
            // a positive idf's bits are never 0, so a filled slot never reads as empty, even if its check is 0
            slotOf[f] = slot;
            slots[slot * STRIDE] = (long) check(key) << 32 | Float.floatToRawIntBits(idf[f]) & 0xFFFF_FFFFL;
            slots[slot * STRIDE + 1] = (long) Float.floatToRawIntBits(weights[CRISIS][f]) << 32
                    | Float.floatToRawIntBits(weights[IMMINENT][f]) & 0xFFFF_FFFFL;
            int bit = filterBit(key);
            filter[bit >>> 6] |= 1L << bit;
        }
        for (int f = 0; f < names.size(); f++) {
            // two features whose checks agree, and the later one's probes pass the earlier one's slot: the later one
            // would be found at the earlier one's slot, and share its weights and counts. About one model in 500,000
            // has such a pair; retraining with other features settles it
            if (find(key(names.get(f))) != slotOf[f]) {
                throw new LexiconException("word model: feature '" + names.get(f)
                        + "' shares its 32-bit check with another in its probe sequence; retrain without one of them");
            }
        }
    }

    private float idf(int slot) {
        return Float.intBitsToFloat((int) slots[slot * STRIDE]);
    }

    private float weight(int slot, int which) {
        long packed = slots[slot * STRIDE + 1];
        return Float.intBitsToFloat((int) (which == CRISIS ? packed >>> 32 : packed));
    }

    /** The model shipped with Haven. */
    static WordModel loadDefault() {
        try (InputStream in = WordModel.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new LexiconException("the crisis word model " + DEFAULT_RESOURCE + " is missing from the classpath");
            }
            return parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads a model file: {@code #} comments, then tab-separated lines {@code version}, {@code threshold ideation
     * P}, {@code threshold imminent P}, optionally {@code threshold escalation P} (at most the imminent one; the
     * imminent one when absent), optionally {@code threshold overrule P} together with {@code overrule RULE...},
     * {@code intercept B_CRISIS B_IMMINENT}, optionally {@code minimum-norm N} and
     * {@code normaliser FINGERPRINT}, then the column header {@code feature ...} and after it one line per feature: {@code words IDF W_CRISIS
     * W_IMMINENT}.
     */
    static WordModel parse(InputStream in) {
        String version = null;
        String normaliser = null;
        double ideation = Double.NaN;
        double imminent = Double.NaN;
        double escalation = Double.NaN;
        double overrule = 0;
        Set<String> overrulable = new java.util.TreeSet<>();
        double[] intercepts = null;
        double minimumNorm = 0;
        boolean features = false;
        List<String> names = new ArrayList<>();
        FloatList idf = new FloatList();
        FloatList crisis = new FloatList();
        FloatList urgent = new FloatList();
        int lineNumber = 0;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNumber++;
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                if (features) {
                    // after the column header every line is a feature, even one spelled "version" or "intercept"
                    if (f.length != 4) {
                        throw new LexiconException("word model line " + lineNumber + ": expected 4 tab-separated fields, found " + f.length);
                    }
                    names.add(f[0]);
                    idf.add((float) number(f, 1, lineNumber));
                    crisis.add((float) number(f, 2, lineNumber));
                    urgent.add((float) number(f, 3, lineNumber));
                    continue;
                }
                switch (f[0]) {
                    case "version" -> version = field(f, 1, lineNumber);
                    case "normaliser" -> normaliser = field(f, 1, lineNumber);
                    case "threshold" -> {
                        double p = number(f, 2, lineNumber);
                        if ("ideation".equals(field(f, 1, lineNumber))) {
                            ideation = p;
                        } else if ("imminent".equals(f[1])) {
                            imminent = p;
                        } else if ("escalation".equals(f[1])) {
                            escalation = p;
                        } else if ("overrule".equals(f[1])) {
                            overrule = p;
                        } else {
                            throw new LexiconException("word model line " + lineNumber + ": unknown threshold '" + f[1] + "'");
                        }
                    }
                    case "intercept" -> intercepts = new double[] {number(f, 1, lineNumber), number(f, 2, lineNumber)};
                    case "minimum-norm" -> minimumNorm = number(f, 1, lineNumber);
                    case "overrule" -> overrulable.addAll(Arrays.asList(f).subList(1, f.length));
                    case "feature" -> features = true; // the column header: features follow
                    default -> throw new LexiconException("word model line " + lineNumber + ": unknown setting '" + f[0]
                            + "' before the feature header");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (version == null || intercepts == null || Double.isNaN(ideation) || Double.isNaN(imminent)) {
            throw new LexiconException("word model: version, intercept and both thresholds are required");
        }
        if (Double.isNaN(escalation)) {
            escalation = imminent;
        }
        if (!(ideation > 0 && ideation < 1 && imminent > 0 && imminent < 1 && escalation > 0 && escalation < 1)) {
            throw new LexiconException("word model: thresholds must lie strictly between 0 and 1");
        }
        if (escalation > imminent) {
            throw new LexiconException("word model: the escalation threshold must not exceed the imminent one");
        }
        if (!(overrule >= 0 && overrule < 1) || overrule == 0 != overrulable.isEmpty()) {
            throw new LexiconException("word model: an overrule threshold between 0 and 1 and the rules it applies to come together");
        }
        return new WordModel(version, normaliser, names, idf.toArray(), new float[][] {crisis.toArray(), urgent.toArray()},
                intercepts, ideation, imminent, escalation, overrulable, overrule, minimumNorm);
    }

    private static String field(String[] f, int i, int line) {
        if (f.length <= i) {
            throw new LexiconException("word model line " + line + ": field " + (i + 1) + " is missing");
        }
        return f[i];
    }

    private static double number(String[] f, int i, int line) {
        try {
            double value = Double.parseDouble(field(f, i, line));
            if (!Double.isFinite(value)) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new LexiconException("word model line " + line + ": '" + f[i] + "' is not a number");
        }
    }

    int features() {
        return features;
    }

    String version() {
        return version;
    }

    /**
     * Whether this model's words are spelled the way {@code lexicon} normalises text. When they are not (slang or
     * emoji were edited since training), the model still scores, since it weighs mostly words no edit touches, but
     * it should be retrained; a file that does not record its normaliser is taken to match.
     */
    boolean matches(Normaliser lexiconNormaliser) {
        return normaliser == null || normaliser.equals(lexiconNormaliser.fingerprint());
    }

    /**
     * Per-thread scratch: how often each feature occurred in the current text, in an array with one entry per
     * model slot. An entry carries the number of the call that wrote it, so starting the next text costs nothing,
     * and a feature costs one read and one write, with no probing. An entry is an int, 16 bits of call number and
     * 16 of count, so that the shipped model's 32,768 slots take 128 KB a thread: with the model's own table
     * (512 KB) they fit a 1 MB second-level cache, which 8-byte entries and 24-byte slots (256 and 768 KB) overflowed.
     */
    static final class Scratch {
        /** Per model slot: (generation << 16) | count; entries of earlier calls read as a count of 0. */
        private int[] counts = new int[0];
        private int generation = 1;

        void start(WordModel scorer) {
            if (counts.length != scorer.mask + 1) {
                counts = new int[scorer.mask + 1];
                generation = 1;
            } else if (++generation == GENERATIONS) {
                // every 65,535 texts the stamps start again on a fresh array: the JVM zeroes it natively, where a
                // fill in this branch, too rare to be compiled, ran interpreted for about 2 ms
                counts = new int[counts.length];
                generation = 1;
            }
        }

        int count(int slot) {
            int entry = counts[slot];
            return entry >>> 16 == generation ? entry & MAX_COUNT : 0;
        }
    }

    private static final int GENERATIONS = 1 << 16;
    /**
     * A count stops here: a word 65,535 times over is a text of over 130,000 characters, more than six times the
     * longest post, and by then its weight, 1 + ln tf, grows by about 0.000015 an occurrence.
     */
    private static final int MAX_COUNT = 0xFFFF;

    /**
     * What the model says about one text.
     *
     * @param level the level the model supports, given what the rules concluded: IMMINENT, IDEATION or NONE
     * @param spans for a level above the rules' one, [start, end) in normalised characters of the words that
     *              weighed most; empty otherwise
     */
    record Opinion(CrisisLevel level, double crisis, double imminent, int[][] spans) {
    }

    private static final int[][] NO_SPANS = new int[0][];

    /** Scores {@code text} on its own; for tools, which have no scan to take the words from. */
    Opinion score(NormalisedText text, Scratch scratch) {
        return score(new Words().collect(text.chars(), text.length()), scratch, CrisisLevel.NONE);
    }

    /**
     * Scores the text whose {@code words} the normaliser recorded; {@code scratch} must belong to the calling thread.
     * {@code rules} is what the rules concluded: where they found a crisis, the lower escalation threshold decides
     * whether it is IMMINENT.
     */
    Opinion score(Words words, Scratch scratch, CrisisLevel rules) {
        scratch.start(this);
        // each occurrence moves a feature's TF-IDF value from (1 + ln tf) * idf to (1 + ln (tf + 1)) * idf, and the
        // sums by the difference; they live in locals, as fields each feature's update and the next one's chained
        // through memory. Features come in the order of Words#forEachFeature: each word, then the pair it ends.
        int[] counts = scratch.counts;
        int generation = scratch.generation;
        long[] keys = words.key;
        double norm = 0;
        double crisisSum = 0;
        double imminentSum = 0;
        // feature f: 0 is the first word; then for each later word w, f = 2w - 1 is the word and f = 2w the pair
        // it ends, the order of Words#forEachFeature, in which the sums must be taken to come out the same
        int features = words.size == 0 ? 0 : 2 * words.size - 1;
        for (int f = 0; f < features; f++) {
            int w = (f + 1) >>> 1;
            int slot = find((f & 1) != 0 || f == 0 ? keys[w] : Words.pair(keys[w - 1], keys[w]));
            if (slot < 0) {
                continue;
            }
            int entry = counts[slot];
            int tf = entry >>> 16 == generation ? entry & MAX_COUNT : 0;
            if (tf == MAX_COUNT) {
                continue;
            }
            counts[slot] = generation << 16 | (tf + 1);
            double idf = idf(slot);
            if (tf == 0) {
                // the first occurrence, nearly every feature of a post: from 0 to idf, which is what the general
                // case below computes in this case, to the bit
                norm += idf * idf;
                crisisSum += weight(slot, CRISIS) * idf;
                imminentSum += weight(slot, IMMINENT) * idf;
                continue;
            }
            double before = sublinear(tf) * idf;
            double after = sublinear(tf + 1) * idf;
            norm += after * after - before * before;
            double change = after - before;
            crisisSum += weight(slot, CRISIS) * change;
            imminentSum += weight(slot, IMMINENT) * change;
        }
        double length = Math.max(Math.sqrt(Math.max(norm, 0)), minimumNorm);
        double scale = length > 0 ? 1 / length : 0;
        double crisis = sigmoid(intercepts[CRISIS] + crisisSum * scale);
        double imminent = sigmoid(intercepts[IMMINENT] + imminentSum * scale);
        CrisisLevel level = level(crisis, imminent, rules, ideationThreshold, imminentThreshold, escalationThreshold);
        // the words that weighed most explain a raise; a verdict the rules already reached needs none of them
        return level.compareTo(rules) <= 0 ? new Opinion(level, crisis, imminent, NO_SPANS)
                : new Opinion(level, crisis, imminent,
                        heaviest(words, scratch, level == CrisisLevel.IMMINENT ? IMMINENT : CRISIS));
    }

    /** Whether the model finds neither a crisis nor an emergency even remotely likely in the text it scored. */
    boolean doubts(Opinion opinion) {
        return Math.max(opinion.crisis(), opinion.imminent()) < overruleThreshold;
    }

    /** Whether a doubt of this model sets aside the verdict of rule {@code ruleId}. */
    boolean mayOverrule(String ruleId) {
        return overrulable.contains(ruleId);
    }

    /**
     * The level the model supports, given its two probabilities, what the rules concluded and the three
     * thresholds; the trainer weighs candidate thresholds with this very method.
     */
    static CrisisLevel level(double crisis, double imminent, CrisisLevel rules, double ideationThreshold,
                             double imminentThreshold, double escalationThreshold) {
        boolean isCrisis = crisis >= ideationThreshold || rules.compareTo(CrisisLevel.IDEATION) >= 0;
        if (imminent >= imminentThreshold || isCrisis && imminent >= escalationThreshold) {
            return CrisisLevel.IMMINENT;
        }
        return crisis >= ideationThreshold ? CrisisLevel.IDEATION : CrisisLevel.NONE;
    }

    /** 1 + ln tf for the counts a post usually has, so scoring rarely calls {@code Math.log}; 0 for tf = 0. */
    private static final double[] SUBLINEAR_TF = new double[64];

    static {
        for (int tf = 1; tf < SUBLINEAR_TF.length; tf++) {
            SUBLINEAR_TF[tf] = 1 + Math.log(tf);
        }
    }

    private static double sublinear(int tf) {
        return tf < SUBLINEAR_TF.length ? SUBLINEAR_TF[tf] : 1 + Math.log(tf);
    }

    /**
     * The spans of the features that pushed hardest towards the verdict, heaviest first, each at its first
     * occurrence. Only a raised verdict needs them, so the words are read a second time here rather than every
     * position being recorded while scoring.
     */
    private int[][] heaviest(Words words, Scratch scratch, int which) {
        int[] bestSlot = new int[EXPLAINED_FEATURES];
        int[][] bestSpan = new int[EXPLAINED_FEATURES][];
        double[] bestWeight = new double[EXPLAINED_FEATURES];
        int[] found = {0};
        words.forEachFeature((key, start1, end1, start2, end2) -> {
            int slot = find(key);
            if (slot < 0) {
                return;
            }
            for (int i = 0; i < found[0]; i++) {
                if (bestSlot[i] == slot) {
                    return; // already ranked at its first occurrence
                }
            }
            double contribution = weight(slot, which) * (sublinear(scratch.count(slot)) * idf(slot));
            int at;
            if (contribution <= 0) {
                return;
            } else if (found[0] < EXPLAINED_FEATURES) {
                at = found[0]++;
            } else if (contribution > bestWeight[EXPLAINED_FEATURES - 1]) {
                at = EXPLAINED_FEATURES - 1;
            } else {
                return;
            }
            while (at > 0 && bestWeight[at - 1] < contribution) {
                bestSlot[at] = bestSlot[at - 1];
                bestSpan[at] = bestSpan[at - 1];
                bestWeight[at] = bestWeight[at - 1];
                at--;
            }
            bestSlot[at] = slot;
            bestSpan[at] = new int[] {start1, end2 < 0 ? end1 : end2};
            bestWeight[at] = contribution;
        });
        return java.util.Arrays.copyOf(bestSpan, found[0]);
    }

    private static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    /** The slot of the feature with {@code key}, or -1 when it is not a feature. */
    private int find(long key) {
        int bit = filterBit(key);
        if ((filter[bit >>> 6] & (1L << bit)) == 0) {
            return -1;
        }
        int check = check(key);
        for (int slot = slot(key); ; slot = (slot + 1) & mask) {
            long entry = slots[slot * STRIDE];
            if (entry == 0) {
                return -1;
            }
            if ((int) (entry >>> 32) == check) {
                return slot;
            }
        }
    }

    /**
     * The 32 bits of a key that a slot keeps to tell its feature from others: the high half of the product of the key
     * and an odd constant, which depends on all 64 bits and not on those that chose the slot or the filter bit alone.
     * A word or pair that is not a feature passes the filter about one time in eight, and each filled slot it is then
     * compared with matches by chance once in 2^32. On the benchmark's corpus that is 0.7 such comparisons a post:
     * one feature's weight misplaced about once in six billion posts, where the whole key made it practically never.
     * The slot is then 16 bytes, and the model's table 512 KB instead of 768: with the scratch counts it stays in a
     * 1 MB second-level cache.
     */
    private static int check(long key) {
        return (int) ((key * 0x9E3779B97F4A7C15L) >>> 32);
    }

    private int slot(long key) {
        return (int) (key ^ (key >>> 29)) & mask;
    }

    private static int filterBit(long key) {
        return (int) (key >>> 40) & (FILTER_BITS - 1);
    }

    /** Receives each word ({@code start2 < 0}) and each pair of adjacent words of a text. */
    @FunctionalInterface
    interface FeatureSink {
        void feature(long key, int start1, int end1, int start2, int end2);
    }

    /** Calls {@code sink} for every word and every pair of adjacent words of normalised text {@code t[0..n)}. */
    static void forEachFeature(char[] t, int n, FeatureSink sink) {
        new Words().collect(t, n).forEachFeature(sink);
    }

    /**
     * The lookup key of a feature's spelling: 64-bit FNV-1a of a word's UTF-16 chars, and for a pair (two words
     * and one space) a mix of its words' keys, so the scan hashes each character once.
     */
    static long key(String feature) {
        int space = feature.indexOf(' ');
        return space < 0 ? Words.fnv(feature)
                : Words.pair(Words.fnv(feature.substring(0, space)), Words.fnv(feature.substring(space + 1)));
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "WordModel[%s, %d features, thresholds %.2f/%.2f/%.2f]", version,
                features, ideationThreshold, imminentThreshold, escalationThreshold);
    }

    /** A growable float array, so parsing does not box tens of thousands of weights. */
    private static final class FloatList {
        private float[] values = new float[1024];
        private int size;

        void add(float value) {
            if (size == values.length) {
                values = java.util.Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        float[] toArray() {
            return java.util.Arrays.copyOf(values, size);
        }
    }
}
