package org.haven.crisis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The detector's second opinion: two logistic regressions over the words and word pairs of the normalised text,
 * trained on Haven's labelled sets ({@code WordModelTrainer} in the tests writes {@code crisis/word-model.tsv}).
 * One estimates whether a post is a crisis (IDEATION or worse), the other whether it is IMMINENT.
 *
 * <p>Why: the lexicon's rules are precise but phrase-bound. Every new writer names a means, a place or a wish in
 * words the lexicon has never met, and on sets written after the lexicon was tuned its crisis recall was
 * 0.58–0.77. The model generalises over wording the rules do not enumerate ("parked at the lookout", "gas on,
 * not lit"). It can only <em>raise</em> a verdict, never lower one or hide a post, and it explains itself: the
 * verdict names the rule {@code model-ideation} or {@code model-imminent} and highlights the words that weighed
 * most.
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
    private final int features;
    private final double[] intercepts;
    private final double ideationThreshold;
    private final double imminentThreshold;
    /** The smallest length a text's vector is divided by, so a two-word text is not blown up to unit length. */
    private final double minimumNorm;
    /*
     * Laid out for the scan, where most words and nearly all word pairs of a post are not features: a filter of
     * one bit per key fits in the first-level cache and turns most lookups away; a known feature then costs one
     * read of its key and one of its three numbers (idf, crisis weight, IMMINENT weight), stored side by side.
     */
    private final long[] filter = new long[FILTER_BITS / Long.SIZE];
    private final long[] slotKeys;
    private final float[] slotData;
    private final int mask;

    private static final int FILTER_BITS = 1 << 17;
    private static final int DATA = 3;

    private WordModel(String version, List<String> names, float[] idf, float[][] weights, double[] intercepts,
                      double ideationThreshold, double imminentThreshold, double minimumNorm) {
        this.minimumNorm = minimumNorm;
        this.version = version;
        this.features = names.size();
        this.intercepts = intercepts;
        this.ideationThreshold = ideationThreshold;
        this.imminentThreshold = imminentThreshold;
        int capacity = Integer.highestOneBit(Math.max(4, names.size() * 2 - 1)) << 1;
        slotKeys = new long[capacity];
        slotData = new float[capacity * DATA];
        mask = capacity - 1;
        for (int f = 0; f < names.size(); f++) {
            long key = key(names.get(f));
            if (key == 0) {
                throw new LexiconException("word model: feature '" + names.get(f) + "' hashes to 0, which marks an empty slot");
            }
            int slot = slot(key);
            while (slotKeys[slot] != 0) {
                if (slotKeys[slot] == key) {
                    throw new LexiconException("word model: feature '" + names.get(f) + "' is listed twice or its hash collides");
                }
                slot = (slot + 1) & mask;
            }
            slotKeys[slot] = key;
            slotData[slot * DATA] = idf[f];
            slotData[slot * DATA + 1 + CRISIS] = weights[CRISIS][f];
            slotData[slot * DATA + 1 + IMMINENT] = weights[IMMINENT][f];
            int bit = filterBit(key);
            filter[bit >>> 6] |= 1L << bit;
        }
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
     * P}, {@code threshold imminent P}, {@code intercept B_CRISIS B_IMMINENT}, optionally {@code minimum-norm N},
     * then the column header {@code feature ...} and after it one line per feature: {@code words IDF W_CRISIS
     * W_IMMINENT}.
     */
    static WordModel parse(InputStream in) {
        String version = null;
        double ideation = Double.NaN;
        double imminent = Double.NaN;
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
                    case "threshold" -> {
                        double p = number(f, 2, lineNumber);
                        if ("ideation".equals(field(f, 1, lineNumber))) {
                            ideation = p;
                        } else if ("imminent".equals(f[1])) {
                            imminent = p;
                        } else {
                            throw new LexiconException("word model line " + lineNumber + ": unknown threshold '" + f[1] + "'");
                        }
                    }
                    case "intercept" -> intercepts = new double[] {number(f, 1, lineNumber), number(f, 2, lineNumber)};
                    case "minimum-norm" -> minimumNorm = number(f, 1, lineNumber);
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
        if (!(ideation > 0 && ideation < 1 && imminent > 0 && imminent < 1)) {
            throw new LexiconException("word model: thresholds must lie strictly between 0 and 1");
        }
        return new WordModel(version, names, idf.toArray(), new float[][] {crisis.toArray(), urgent.toArray()},
                intercepts, ideation, imminent, minimumNorm);
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

    /**
     * Per-thread scratch: the features of the current text, deduplicated in a small open-addressing table that
     * stays in cache, with their counts and where each first occurred. Table entries carry the number of the call
     * that wrote them, so starting the next text costs nothing.
     */
    static final class Scratch implements FeatureSink {
        private WordModel model;
        private long[] table = new long[256];
        private long generation = 1;
        private int[] slots = new int[128];
        private int[] counts = new int[128];
        private int[] firstStart = new int[128];
        private int[] firstEnd = new int[128];
        private int size;

        @Override
        public void feature(long key, int start1, int end1, int start2, int end2) {
            int slot = model.find(key);
            if (slot >= 0) {
                add(slot, start1, end2 < 0 ? end1 : end2);
            }
        }

        /** An entry is (generation << 32) | index + 1; entries of earlier calls read as empty. */
        private void add(int slot, int start, int end) {
            int tableMask = table.length - 1;
            int i = slot & tableMask; // slots are already spread by the model's hash
            for (long entry = table[i]; entry >>> 32 == generation; entry = table[i]) {
                int e = (int) entry - 1;
                if (slots[e] == slot) {
                    counts[e]++;
                    return;
                }
                i = (i + 1) & tableMask;
            }
            if (size * 2 == table.length) {
                grow();
                add(slot, start, end);
                return;
            }
            if (size == slots.length) {
                slots = java.util.Arrays.copyOf(slots, size * 2);
                counts = java.util.Arrays.copyOf(counts, size * 2);
                firstStart = java.util.Arrays.copyOf(firstStart, size * 2);
                firstEnd = java.util.Arrays.copyOf(firstEnd, size * 2);
            }
            slots[size] = slot;
            counts[size] = 1;
            firstStart[size] = start;
            firstEnd[size] = end;
            table[i] = generation << 32 | ++size;
        }

        /** Keeps the table at most half full: a long post gets a bigger one, rehashed. */
        private void grow() {
            table = new long[table.length * 2];
            int tableMask = table.length - 1;
            for (int e = 0; e < size; e++) {
                int i = slots[e] & tableMask;
                while (table[i] >>> 32 == generation) {
                    i = (i + 1) & tableMask;
                }
                table[i] = generation << 32 | (e + 1);
            }
        }

        private void clear() {
            size = 0;
            if (++generation == 1L << 32) { // after four billion texts on one thread: start the stamps again
                java.util.Arrays.fill(table, 0);
                generation = 1;
            }
        }
    }

    /**
     * What the model says about one text.
     *
     * @param level the level the model supports on its own: IMMINENT, IDEATION or NONE
     * @param spans for a level above NONE, [start, end) in normalised characters of the words that weighed most
     */
    record Opinion(CrisisLevel level, double crisis, double imminent, int[][] spans) {
    }

    private static final int[][] NO_SPANS = new int[0][];

    /** Scores {@code text}; for tools, which have no scan to take the words from. */
    Opinion score(NormalisedText text, Scratch scratch) {
        return score(new Words().collect(text.chars(), text.length()), scratch);
    }

    /** Scores the text whose {@code words} the scan collected; {@code scratch} must belong to the calling thread. */
    Opinion score(Words words, Scratch scratch) {
        scratch.model = this;
        words.forEachFeature(scratch);
        double norm = 0;
        double crisisSum = 0;
        double imminentSum = 0;
        for (int e = 0; e < scratch.size; e++) {
            int d = scratch.slots[e] * DATA;
            double x = weight(scratch.counts[e], slotData[d]);
            norm += x * x;
            crisisSum += slotData[d + 1 + CRISIS] * x;
            imminentSum += slotData[d + 1 + IMMINENT] * x;
        }
        double length = Math.max(Math.sqrt(norm), minimumNorm);
        double scale = length > 0 ? 1 / length : 0;
        double crisis = sigmoid(intercepts[CRISIS] + crisisSum * scale);
        double imminent = sigmoid(intercepts[IMMINENT] + imminentSum * scale);
        int which = imminent >= imminentThreshold ? IMMINENT : crisis >= ideationThreshold ? CRISIS : -1;
        Opinion opinion = which < 0 ? new Opinion(CrisisLevel.NONE, crisis, imminent, NO_SPANS)
                : new Opinion(which == IMMINENT ? CrisisLevel.IMMINENT : CrisisLevel.IDEATION, crisis, imminent,
                        heaviest(scratch, which));
        scratch.clear();
        return opinion;
    }

    /** 1 + ln tf for the counts a post usually has, so scoring rarely calls {@code Math.log}. */
    private static final double[] SUBLINEAR_TF = new double[64];

    static {
        for (int tf = 1; tf < SUBLINEAR_TF.length; tf++) {
            SUBLINEAR_TF[tf] = 1 + Math.log(tf);
        }
    }

    /** A feature's TF-IDF weight before the vector is scaled to unit length: (1 + ln tf) * idf. */
    private static double weight(int tf, float idf) {
        return (tf < SUBLINEAR_TF.length ? SUBLINEAR_TF[tf] : 1 + Math.log(tf)) * idf;
    }

    /** The spans of the features that pushed hardest towards the verdict, heaviest first. */
    private int[][] heaviest(Scratch scratch, int which) {
        int[] best = new int[EXPLAINED_FEATURES];
        double[] bestWeight = new double[EXPLAINED_FEATURES];
        int found = 0;
        for (int e = 0; e < scratch.size; e++) {
            int d = scratch.slots[e] * DATA;
            double contribution = slotData[d + 1 + which] * weight(scratch.counts[e], slotData[d]);
            int at;
            if (contribution <= 0) {
                continue;
            } else if (found < EXPLAINED_FEATURES) {
                at = found++;
            } else if (contribution > bestWeight[EXPLAINED_FEATURES - 1]) {
                at = EXPLAINED_FEATURES - 1;
            } else {
                continue;
            }
            while (at > 0 && bestWeight[at - 1] < contribution) {
                best[at] = best[at - 1];
                bestWeight[at] = bestWeight[at - 1];
                at--;
            }
            best[at] = e;
            bestWeight[at] = contribution;
        }
        int[][] spans = new int[found][];
        for (int i = 0; i < found; i++) {
            spans[i] = new int[] {scratch.firstStart[best[i]], scratch.firstEnd[best[i]]};
        }
        return spans;
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
        for (int slot = slot(key); slotKeys[slot] != 0; slot = (slot + 1) & mask) {
            if (slotKeys[slot] == key) {
                return slot;
            }
        }
        return -1;
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
        return String.format(Locale.ROOT, "WordModel[%s, %d features, thresholds %.2f/%.2f]", version,
                features, ideationThreshold, imminentThreshold);
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
