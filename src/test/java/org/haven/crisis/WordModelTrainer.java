package org.haven.crisis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Trains {@link WordModel} on the labelled sets in {@code src/test/resources/crisis} and writes
 * {@code src/main/resources/crisis/word-model.tsv}. Sets whose name contains {@code untuned} are never trained on:
 * they stay the estimate for unseen text.
 *
 * <pre>
 * mvn -q test-compile exec:java -Dexec.mainClass=org.haven.crisis.WordModelTrainer -Dexec.classpathScope=test
 *     [-Dexec.args="--cross-validate [extra-set.jsonl ...]"]
 * </pre>
 *
 * <p>{@code --cross-validate} writes nothing: it trains once per training set with that set left out and scores
 * the left-out set (so every figure is on text the model did not see), then trains on everything and scores the
 * never-trained sets and any extra files given, printing figures only, never post text.
 *
 * <p>The learning is plain L2-regularised logistic regression fitted with L-BFGS, deterministic, a few seconds
 * per model: the same objective as scikit-learn's {@code LogisticRegression(C)} on TF-IDF features, so results can
 * be compared with a notebook.
 */
public final class WordModelTrainer {

    static final Path SETS = Paths.get("src/test/resources/crisis");
    static final Path OUTPUT = Paths.get("src/main/resources/crisis/word-model.tsv");
    /** Inverse regularisation strength, as scikit-learn's C. */
    static final double C = 8.0;
    /** Hard negatives count this much more than other posts: false alarms there are what moderators would see. */
    static final double HARD_NEGATIVE_WEIGHT = 1.5;
    /** Words and pairs seen in fewer posts are left out: as good on held-out sets as 2 or 3, and a third the size. */
    static final int MIN_DOCUMENT_FREQUENCY = Integer.getInteger("minDf", 5);
    /** A text's TF-IDF vector is divided by its length, but by at least this much (see WordModel). */
    static final double MINIMUM_NORM = Double.parseDouble(System.getProperty("minNorm", "20"));
    /** Raise when the training data or the settings change. */
    static final String VERSION = "2026.12.1";
    /**
     * Chosen on the leave-one-set-out figures of the training sets alone, by a rule fixed beforehand: the highest
     * crisis recall with rules + model false alarms on hard negatives under 0.04 (6,650 posts: 0.953 / 0.946 /
     * 0.038, ordinary posts 0.019; 0.7 / 0.5, shipped before, reached 0.044 once train-f to train-i were added),
     * leaving room for the rules' own false alarms on unseen text. A lower IMMINENT than ideation threshold costs
     * little: an IMMINENT opinion on a post that is "only" IDEATION still puts it in front of a moderator first.
     */
    static final double IDEATION_THRESHOLD = 0.7;
    static final double IMMINENT_THRESHOLD = 0.6;

    private WordModelTrainer() {
    }

    /** One labelled post, normalised, as feature counts by spelling. */
    record Example(String set, CrisisLevel label, boolean hard, String text, Map<String, Integer> counts) {
    }

    public static void main(String[] args) throws IOException {
        Lexicon lexicon = Lexicon.loadDefault();
        List<Example> training = load(lexicon, SETS, name -> !name.contains("untuned"));
        if (args.length > 0 && args[0].equals("--cross-validate")) {
            List<Example> unseen = new ArrayList<>(load(lexicon, SETS, name -> name.contains("untuned")));
            for (int i = 1; i < args.length; i++) {
                unseen.addAll(examples(lexicon, Paths.get(args[i])));
            }
            crossValidate(lexicon, training, unseen);
            return;
        }
        String text = train(training).write(training);
        Files.writeString(OUTPUT, text, StandardCharsets.UTF_8);
        System.out.printf(Locale.ROOT, "wrote %s: %d posts from %d sets%n", OUTPUT, training.size(),
                training.stream().map(Example::set).distinct().count());
    }

    // ---- data ----

    static List<Example> load(Lexicon lexicon, Path dir, Predicate<String> setName) {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, "*.jsonl")) {
            stream.forEach(files::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        files.sort(null);
        List<Example> examples = new ArrayList<>();
        for (Path file : files) {
            if (setName.test(setName(file))) {
                examples.addAll(examples(lexicon, file));
            }
        }
        return examples;
    }

    private static String setName(Path file) {
        return file.getFileName().toString().replace(".jsonl", "");
    }

    private static List<Example> examples(Lexicon lexicon, Path file) {
        List<Example> examples = new ArrayList<>();
        for (LabelledPost post : LabelledPost.load(file)) {
            examples.add(new Example(setName(file), post.label(), post.hard(), post.text(),
                    counts(lexicon.normaliser().normalise(post.text()))));
        }
        return examples;
    }

    /** Feature spellings and their counts, exactly as {@link WordModel} will look them up. */
    static Map<String, Integer> counts(NormalisedText text) {
        Map<String, Integer> counts = new HashMap<>();
        char[] t = text.chars();
        WordModel.forEachFeature(t, text.length(), (key, start1, end1, start2, end2) -> {
            String name = start2 < 0 ? new String(t, start1, end1 - start1)
                    : new String(t, start1, end1 - start1) + ' ' + new String(t, start2, end2 - start2);
            counts.merge(name, 1, Integer::sum);
        });
        return counts;
    }

    // ---- training ----

    /** A trained model before it is written: vocabulary, idf and both weight vectors with their intercepts. */
    record Trained(String[] names, double[] idf, double[] crisis, double[] imminent) {

        /** The model file; a comment line records how many posts of which sets it learned from. */
        String write(List<Example> training) {
            return write(training, IDEATION_THRESHOLD, IMMINENT_THRESHOLD);
        }

        String write(List<Example> training, double ideationThreshold, double imminentThreshold) {
            StringBuilder out = new StringBuilder();
            out.append("# Haven crisis word model: logistic regressions over TF-IDF words and word pairs.\n");
            out.append("# Written by WordModelTrainer (see its javadoc); do not edit by hand, retrain instead.\n");
            Map<String, Integer> sets = new TreeMap<>();
            training.forEach(e -> sets.merge(e.set(), 1, Integer::sum));
            out.append("# trained on ").append(training.size()).append(" posts: ").append(sets).append('\n');
            out.append(String.format(Locale.ROOT, "# C %s, hard-negative weight %s, min document frequency %d%n", C,
                    HARD_NEGATIVE_WEIGHT, MIN_DOCUMENT_FREQUENCY));
            out.append("version\t").append(VERSION).append('\n');
            Lexicon lexicon = Lexicon.loadDefault();
            out.append("# words normalised as lexicon ").append(lexicon.version()).append(" spells them\n");
            out.append("normaliser\t").append(lexicon.normaliser().fingerprint()).append('\n');
            out.append("threshold\tideation\t").append(ideationThreshold).append('\n');
            out.append("threshold\timminent\t").append(imminentThreshold).append('\n');
            int d = names.length;
            out.append(String.format(Locale.ROOT, "intercept\t%.6f\t%.6f%n", crisis[d], imminent[d]));
            out.append("minimum-norm\t").append(MINIMUM_NORM).append('\n');
            out.append("feature\tidf\tw_crisis\tw_imminent\n");
            for (int f = 0; f < d; f++) {
                out.append(names[f]).append('\t').append(String.format(Locale.ROOT, "%.5f\t%.5f\t%.5f%n", idf[f],
                        crisis[f], imminent[f]));
            }
            return out.toString();
        }

        WordModel model(double ideationThreshold, double imminentThreshold) {
            return WordModel.parse(new java.io.ByteArrayInputStream(
                    write(List.of(), ideationThreshold, imminentThreshold).getBytes(StandardCharsets.UTF_8)));
        }
    }

    static Trained train(List<Example> examples) {
        Map<String, Integer> documentFrequency = new TreeMap<>();
        for (Example e : examples) {
            e.counts().keySet().forEach(name -> documentFrequency.merge(name, 1, Integer::sum));
        }
        documentFrequency.values().removeIf(df -> df < MIN_DOCUMENT_FREQUENCY);
        String[] names = documentFrequency.keySet().toArray(new String[0]);
        Map<String, Integer> index = new HashMap<>();
        double[] idf = new double[names.length];
        for (int f = 0; f < names.length; f++) {
            index.put(names[f], f);
            // scikit-learn's smoothed idf, so the figures can be checked against it
            idf[f] = Math.log((1.0 + examples.size()) / (1.0 + documentFrequency.get(names[f]))) + 1;
        }
        Sparse[] rows = new Sparse[examples.size()];
        double[] weight = new double[examples.size()];
        double[] crisis = new double[examples.size()];
        double[] imminent = new double[examples.size()];
        for (int i = 0; i < rows.length; i++) {
            Example e = examples.get(i);
            rows[i] = Sparse.of(e.counts(), index, idf, MINIMUM_NORM);
            weight[i] = e.label() == CrisisLevel.NONE && e.hard() ? HARD_NEGATIVE_WEIGHT : 1;
            crisis[i] = e.label().compareTo(CrisisLevel.IDEATION) >= 0 ? 1 : 0;
            imminent[i] = e.label() == CrisisLevel.IMMINENT ? 1 : 0;
        }
        return new Trained(names, idf, fit(rows, crisis, weight, names.length),
                fit(rows, imminent, weight, names.length));
    }

    /** A TF-IDF row scaled to unit length. */
    record Sparse(int[] index, double[] value) {
        static Sparse of(Map<String, Integer> counts, Map<String, Integer> vocabulary, double[] idf, double minimumNorm) {
            int[] idx = counts.keySet().stream().filter(vocabulary::containsKey).mapToInt(vocabulary::get).sorted().toArray();
            double[] val = new double[idx.length];
            Map<Integer, String> byIndex = new HashMap<>();
            counts.keySet().forEach(name -> {
                Integer f = vocabulary.get(name);
                if (f != null) {
                    byIndex.put(f, name);
                }
            });
            double norm = 0;
            for (int k = 0; k < idx.length; k++) {
                int tf = counts.get(byIndex.get(idx[k]));
                val[k] = (1 + Math.log(tf)) * idf[idx[k]];
                norm += val[k] * val[k];
            }
            norm = Math.max(Math.sqrt(norm), minimumNorm);
            for (int k = 0; k < idx.length; k++) {
                val[k] /= norm;
            }
            return new Sparse(idx, val);
        }
    }

    /**
     * Minimises {@code C * sum(weight * logloss) + |w|^2 / 2} (the intercept, stored last, is not penalised) by
     * L-BFGS with a backtracking line search.
     */
    static double[] fit(Sparse[] rows, double[] y, double[] weight, int dimensions) {
        int n = dimensions + 1;
        int memory = 10;
        double[] x = new double[n];
        double[] g = new double[n];
        double fx = objective(rows, y, weight, x, g);
        double[][] s = new double[memory][];
        double[][] yy = new double[memory][];
        double[] rho = new double[memory];
        int stored = 0;
        for (int iteration = 0; iteration < 2000; iteration++) {
            double[] direction = g.clone();
            double[] alpha = new double[memory];
            for (int k = stored - 1; k >= Math.max(0, stored - memory); k--) {
                int slot = k % memory;
                alpha[slot] = rho[slot] * dot(s[slot], direction);
                axpy(-alpha[slot], yy[slot], direction);
            }
            if (stored > 0) {
                int last = (stored - 1) % memory;
                double gamma = dot(s[last], yy[last]) / dot(yy[last], yy[last]);
                for (int i = 0; i < n; i++) {
                    direction[i] *= gamma;
                }
            } else {
                double scale = 1 / Math.sqrt(dot(g, g));
                for (int i = 0; i < n; i++) {
                    direction[i] *= scale;
                }
            }
            for (int k = Math.max(0, stored - memory); k < stored; k++) {
                int slot = k % memory;
                double beta = rho[slot] * dot(yy[slot], direction);
                axpy(alpha[slot] - beta, s[slot], direction);
            }
            double slope = -dot(g, direction);
            if (slope >= 0) {
                break; // not a descent direction any more: converged as far as doubles allow
            }
            double step = 1;
            double[] candidate = new double[n];
            double[] candidateGradient = new double[n];
            double fc;
            while (true) {
                for (int i = 0; i < n; i++) {
                    candidate[i] = x[i] - step * direction[i];
                }
                fc = objective(rows, y, weight, candidate, candidateGradient);
                if (fc <= fx + 1e-4 * step * slope || step < 1e-12) {
                    break;
                }
                step /= 2;
            }
            if (fc > fx) {
                break; // no step along this direction improves: keep the point we have
            }
            double[] sk = new double[n];
            double[] yk = new double[n];
            for (int i = 0; i < n; i++) {
                sk[i] = candidate[i] - x[i];
                yk[i] = candidateGradient[i] - g[i];
            }
            double sy = dot(sk, yk);
            if (sy > 1e-12) {
                int slot = stored % memory;
                s[slot] = sk;
                yy[slot] = yk;
                rho[slot] = 1 / sy;
                stored++;
            }
            double decrease = fx - fc;
            x = candidate;
            g = candidateGradient;
            fx = fc;
            if (decrease < 1e-10 * Math.max(1, Math.abs(fx)) || maxAbs(g) < 1e-6) {
                break;
            }
        }
        return x;
    }

    private static double objective(Sparse[] rows, double[] y, double[] weight, double[] x, double[] gradient) {
        int intercept = x.length - 1;
        double f = 0;
        for (int i = 0; i < intercept; i++) {
            f += x[i] * x[i] / 2;
            gradient[i] = x[i];
        }
        gradient[intercept] = 0;
        for (int r = 0; r < rows.length; r++) {
            Sparse row = rows[r];
            double z = x[intercept];
            for (int k = 0; k < row.index().length; k++) {
                z += x[row.index()[k]] * row.value()[k];
            }
            // log(1 + e^-z) for y = 1 and log(1 + e^z) for y = 0, computed without overflow
            double signed = y[r] > 0 ? -z : z;
            double loss = signed > 0 ? signed + Math.log1p(Math.exp(-signed)) : Math.log1p(Math.exp(signed));
            f += C * weight[r] * loss;
            double p = 1 / (1 + Math.exp(-z));
            double d = C * weight[r] * (p - y[r]);
            for (int k = 0; k < row.index().length; k++) {
                gradient[row.index()[k]] += d * row.value()[k];
            }
            gradient[intercept] += d;
        }
        return f;
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    private static void axpy(double a, double[] x, double[] y) {
        for (int i = 0; i < x.length; i++) {
            y[i] += a * x[i];
        }
    }

    private static double maxAbs(double[] v) {
        double max = 0;
        for (double d : v) {
            max = Math.max(max, Math.abs(d));
        }
        return max;
    }

    // ---- cross-validation ----

    /** Threshold pairs {ideation, imminent} the cross-validation reports. */
    private static final double[][] THRESHOLDS = {{0.6, 0.6}, {0.7, 0.7}, {0.7, 0.6}, {0.7, 0.5}, {0.8, 0.6}, {0.8, 0.5}};

    /**
     * Every figure comes from the detector as it ships (rules, then the model where the rules' vocabulary is
     * present), with a model that did not learn from the posts being scored.
     */
    private static void crossValidate(Lexicon lexicon, List<Example> training, List<Example> unseen) {
        CrisisDetector rulesOnly = new CrisisDetector(lexicon, null);
        List<String> sets = training.stream().map(Example::set).distinct().toList();
        List<Example> heldOut = new ArrayList<>();
        List<CrisisLevel[]> levels = new ArrayList<>();
        for (String set : sets) {
            Trained trained = train(training.stream().filter(e -> !e.set().equals(set)).toList());
            List<CrisisDetector> detectors = Arrays.stream(THRESHOLDS)
                    .map(t -> new CrisisDetector(lexicon, trained.model(t[0], t[1]))).toList();
            training.stream().filter(e -> e.set().equals(set)).forEach(e -> {
                heldOut.add(e);
                levels.add(detectors.stream().map(d -> d.detect(e.text()).level()).toArray(CrisisLevel[]::new));
            });
        }
        System.out.println("leave one set out over " + sets.size() + " training sets, " + heldOut.size()
                + " posts (crisis recall / IMMINENT recall / false alarms on hard negatives / on ordinary posts);"
                + " the lexicon was tuned on these sets, so the figures are optimistic:");
        System.out.println("  " + figures(heldOut, i -> rulesOnly.detect(heldOut.get(i).text()).level()) + "  rules alone");
        for (int t = 0; t < THRESHOLDS.length; t++) {
            int column = t;
            System.out.println("  " + figures(heldOut, i -> levels.get(i)[column]) + "  rules + model at "
                    + Arrays.toString(THRESHOLDS[t]));
        }
        Trained trained = train(training);
        System.out.println("trained on all " + training.size() + " posts; never-trained sets, rules alone | rules + model at "
                + Arrays.deepToString(THRESHOLDS) + ":");
        for (String set : unseen.stream().map(Example::set).distinct().toList()) {
            List<Example> posts = unseen.stream().filter(e -> e.set().equals(set)).toList();
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  %-18s %s |", set,
                    figures(posts, i -> rulesOnly.detect(posts.get(i).text()).level())));
            for (double[] t : THRESHOLDS) {
                CrisisDetector detector = new CrisisDetector(lexicon, trained.model(t[0], t[1]));
                line.append("  ").append(figures(posts, i -> detector.detect(posts.get(i).text()).level()));
            }
            System.out.println(line);
        }
    }

    private static String figures(List<Example> posts, java.util.function.IntFunction<CrisisLevel> detect) {
        List<CrisisLevel> levels = new ArrayList<>();
        for (int i = 0; i < posts.size(); i++) {
            levels.add(detect.apply(i));
        }
        return figures(posts, levels);
    }

    private static String figures(List<Example> posts, List<CrisisLevel> levels) {
        int crisis = 0;
        int crisisFound = 0;
        int imminent = 0;
        int imminentFound = 0;
        int hard = 0;
        int alarms = 0;
        int ordinary = 0;
        int ordinaryAlarms = 0;
        for (int i = 0; i < posts.size(); i++) {
            Example e = posts.get(i);
            CrisisLevel level = levels.get(i);
            boolean raised = level.compareTo(CrisisLevel.IDEATION) >= 0;
            if (e.label().compareTo(CrisisLevel.IDEATION) >= 0) {
                crisis++;
                crisisFound += raised ? 1 : 0;
            }
            if (e.label() == CrisisLevel.IMMINENT) {
                imminent++;
                imminentFound += level == CrisisLevel.IMMINENT ? 1 : 0;
            }
            if (e.label() == CrisisLevel.NONE && e.hard()) {
                hard++;
                alarms += raised ? 1 : 0;
            } else if (e.label() == CrisisLevel.NONE) {
                ordinary++;
                ordinaryAlarms += raised ? 1 : 0;
            }
        }
        return String.format(Locale.ROOT, "%.3f / %.3f / %.3f / %.3f", ratio(crisisFound, crisis),
                ratio(imminentFound, imminent), ratio(alarms, hard), ratio(ordinaryAlarms, ordinary));
    }

    private static double ratio(int a, int b) {
        return b == 0 ? Double.NaN : (double) a / b;
    }
}
