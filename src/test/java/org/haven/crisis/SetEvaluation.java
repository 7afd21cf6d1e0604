package org.haven.crisis;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * The detector's figures on one labelled set: precision, recall per tier, false alarms on hard negatives, the
 * confusion table and, optionally, every miss and disagreement. Used by {@link CrisisDetectorEvaluationTest} and,
 * through {@link #main}, to score a set that is not in the project without printing its texts:
 * <pre>mvn -q test-compile exec:java -Dexec.mainClass=org.haven.crisis.SetEvaluation -Dexec.classpathScope=test \
 *     -Dexec.args="--figures-only /path/to/set.jsonl"</pre>
 */
public record SetEvaluation(String name, List<Result> results) {

    static final double MIN_IMMINENT_RECALL = 0.97;
    static final double MIN_CRISIS_RECALL = 0.90;
    static final double MAX_HARD_FALSE_ALARMS = 0.05;

    public record Result(LabelledPost post, CrisisVerdict verdict) {
        boolean detectedCrisis() {
            return verdict.level().atLeast(CrisisLevel.IDEATION);
        }

        boolean hardNegative() {
            return post.hard() && post.label() == CrisisLevel.NONE;
        }

        boolean miss() {
            return post.label() == CrisisLevel.IMMINENT ? verdict.level() != CrisisLevel.IMMINENT
                    : post.isCrisis() && !detectedCrisis();
        }

        boolean falseAlarm() {
            return !post.isCrisis() && detectedCrisis();
        }
    }

    static SetEvaluation of(String name, List<LabelledPost> posts, CrisisDetector detector) {
        List<Result> results = new ArrayList<>();
        for (LabelledPost post : posts) {
            results.add(new Result(post, detector.detect(post.text())));
        }
        return new SetEvaluation(name, List.copyOf(results));
    }

    double imminentRecall() {
        return rate(r -> r.post.label() == CrisisLevel.IMMINENT, r -> r.verdict.level() == CrisisLevel.IMMINENT);
    }

    double crisisRecall() {
        return rate(r -> r.post.isCrisis(), Result::detectedCrisis);
    }

    double hardAlarms() {
        return rate(Result::hardNegative, Result::detectedCrisis);
    }

    String report(boolean withTexts) {
        StringBuilder report = new StringBuilder();
        report.append(String.format(Locale.ROOT, "%n=== %s: %d posts (%d IMMINENT, %d IDEATION, %d CONCERN, %d NONE of which %d hard) ===%n",
                name, results.size(), count(CrisisLevel.IMMINENT), count(CrisisLevel.IDEATION),
                count(CrisisLevel.CONCERN), count(CrisisLevel.NONE), results.stream().filter(Result::hardNegative).count()));
        line(report, "crisis precision (>= IDEATION)", rate(Result::detectedCrisis, r -> r.post.isCrisis()), null);
        line(report, "crisis recall (>= IDEATION)", crisisRecall(), ">= " + MIN_CRISIS_RECALL);
        line(report, "IMMINENT recall (as IMMINENT)", imminentRecall(), ">= " + MIN_IMMINENT_RECALL);
        line(report, "IDEATION recall (>= IDEATION)",
                rate(r -> r.post.label() == CrisisLevel.IDEATION, Result::detectedCrisis), null);
        line(report, "CONCERN recall (>= CONCERN)", rate(r -> r.post.label() == CrisisLevel.CONCERN,
                r -> r.verdict.level().atLeast(CrisisLevel.CONCERN)), null);
        line(report, "hard-negative false alarms (>= IDEATION)", hardAlarms(), "<= " + MAX_HARD_FALSE_ALARMS);
        line(report, "hard negatives raised to >= CONCERN",
                rate(Result::hardNegative, r -> r.verdict.level().atLeast(CrisisLevel.CONCERN)), null);
        report.append(confusion());
        if (!withTexts) {
            return report.toString();
        }
        report.append("--- misses (crisis below target) and false alarms (NONE/CONCERN at >= IDEATION) ---\n");
        for (Result r : results) {
            if (r.miss() || r.falseAlarm()) {
                report.append(String.format(Locale.ROOT, "%-11s %-9s -> %-9s %s  %s%n", r.miss() ? "MISS" : "FALSE-ALARM",
                        r.post.label(), r.verdict.level(), r.verdict.rules(), r.post.text()));
            }
        }
        report.append("--- other disagreements (informational) ---\n");
        for (Result r : results) {
            if (!r.miss() && !r.falseAlarm() && r.post.label() != r.verdict.level()) {
                report.append(String.format(Locale.ROOT, "%-11s %-9s -> %-9s %s  %s%n", "DIFF", r.post.label(),
                        r.verdict.level(), r.verdict.rules(), r.post.text()));
            }
        }
        return report.toString();
    }

    private double rate(Predicate<Result> population, Predicate<Result> success) {
        long total = results.stream().filter(population).count();
        long hits = results.stream().filter(population).filter(success).count();
        return total == 0 ? Double.NaN : (double) hits / total;
    }

    private long count(CrisisLevel label) {
        return results.stream().filter(r -> r.post.label() == label).count();
    }

    private static void line(StringBuilder report, String label, double value, String target) {
        report.append(String.format(Locale.ROOT, "%-42s %6.3f %s%n", label, value, target == null ? "" : "(target " + target + ")"));
    }

    private String confusion() {
        StringBuilder table = new StringBuilder("confusion (rows: label, columns: detected)\n          ");
        for (CrisisLevel detected : CrisisLevel.values()) {
            table.append(String.format(Locale.ROOT, "%9s", detected));
        }
        table.append('\n');
        for (CrisisLevel label : CrisisLevel.values()) {
            table.append(String.format(Locale.ROOT, "%-10s", label));
            for (CrisisLevel detected : CrisisLevel.values()) {
                long n = results.stream().filter(r -> r.post.label() == label && r.verdict.level() == detected).count();
                table.append(String.format(Locale.ROOT, "%9d", n));
            }
            table.append('\n');
        }
        return table.toString();
    }

    /**
     * Scores labelled JSONL files given as paths. {@code --figures-only} prints the figures and the confusion table
     * but no post text, so a set kept for a later, honest measurement can be scored without being read.
     */
    public static void main(String[] args) {
        boolean withTexts = true;
        CrisisDetector detector = new CrisisDetector(Lexicon.loadDefault());
        for (String arg : args) {
            if (arg.equals("--figures-only")) {
                withTexts = false;
                continue;
            }
            Path file = Path.of(arg);
            System.out.println(of(file.getFileName().toString(), LabelledPost.load(file), detector).report(withTexts));
        }
    }
}
