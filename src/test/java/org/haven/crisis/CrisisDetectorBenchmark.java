package org.haven.crisis;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.lang.management.ThreadMXBean;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.ToIntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Single-threaded throughput and latency of the detector against a naive baseline (one case-insensitive
 * {@code java.util.regex} alternation of every trigger term of the same lexicon, with {@code \b} boundaries),
 * measured in the same run on the same corpus: the development set plus generated recovery-forum posts.
 *
 * <p>Run with {@code mvn -q test-compile exec:exec@crisis-benchmark}. The detector is measured in five JVMs of its
 * own, one after the other, and the JVM with the median throughput is reported beside each JVM's figures
 * ({@code -Dforks=N} for another number, {@code -Dforks=0} to measure in this JVM alone); {@code -DdetectorOnly=true}
 * skips the baseline. Not a
 * unit test: timing on shared CI machines is noise, so nothing asserts here.
 */
public final class CrisisDetectorBenchmark {

    private static final int TARGET_CORPUS_BYTES = 8 * 1024 * 1024;
    // eight warm-up rounds: with three, the JIT sometimes had not settled and runs of the same code varied 35-55 MB/s
    private static final int WARM_UP_ROUNDS = 8;
    private static final int MEASURED_ROUNDS = 8;
    /** The baseline is two orders of magnitude slower; one warm-up and one measured pass keep the run short. */
    private static final int BASELINE_ROUNDS = 1;
    /** Separate JVMs the detector is measured in, of which the median is reported; {@code -Dforks=N} overrides. */
    private static final int DEFAULT_FORKS = 5;
    private static final String FORK_RESULT = "fork-result";
    private static final Pattern FORK_LINE = Pattern.compile(FORK_RESULT
            + " ([0-9.]+) ([0-9.]+) ([0-9.]+) ([0-9.]+) ([0-9.]+)");
    /** Set on the JVMs the benchmark starts. */
    private static final String FORK_PROPERTY = "haven.benchmark.fork";
    private static final int FORK_TIMEOUT_MINUTES = 10;

    private static final String[] SENTENCES = {
        "Day 43 today and the cravings are finally easing up a bit.",
        "My sponsor told me to call before I pick up, not after.",
        "Went to the 7pm meeting at the church on Elm, good crowd tonight.",
        "Relapsed on Saturday after eight months, feeling like garbage but I'm back.",
        "The methadone clinic changed my dose again and I'm nervous about it.",
        "Anyone else get crazy vivid using dreams in early recovery?",
        "My mom finally agreed to come to an Al-Anon meeting with me.",
        "This craving is killing me but I'm not picking up today.",
        "Suboxone has honestly given me my life back, no shame in MAT.",
        "I keep Narcan in my car and in my bag, everyone should.",
        "Work was brutal, I'm dead tired, going to bed early.",
        "Two years ago I overdosed in a gas station bathroom and today I got my two year coin.",
        "I killed it at my job interview, first one since detox!",
        "Step four is hard, writing out resentments feels endless.",
        "Cut back on energy drinks and my anxiety is way better.",
        "my phone died halfway thru the zoom meeting lol",
        "sooo tired of people asking why i don't drink at parties",
        "Does anyone have tips for sleeping without pills?",
        "Had to cut ties with my old using friends, it hurts but it's right.",
        "If you ever feel like ending it, please call or text 988, it helped me.",
        "Got my 90 day keytag 🎉 thank you all for the support",
        "The heat is killing me, walking to the clinic in July is no joke.",
        "My brother is still using fentanyl and I'm so worried about him.",
        "IOP starts next week, kind of scared but ready.",
        "Sometimes I feel hopeless but then I remember how far I've come.",
        "I want to die some days, honestly, but I keep showing up.",
        "Took my meds this morning and went for a long walk.",
        "Journaling every night has helped me more than I expected.",
        "Grateful for this forum, you all keep me going 💙",
        "Half the people at my home group have been clean longer than I've been alive.",
    };

    private CrisisDetectorBenchmark() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        if (Boolean.getBoolean(FORK_PROPERTY)) {
            Figures figures = measureDetector(); // a JVM the benchmark started: one line for it to read
            System.out.printf(Locale.ROOT, "%s %f %f %f %f %f%n", FORK_RESULT, figures.wallMegabytesPerSecond,
                    figures.cpuMegabytesPerSecond, figures.p50Micros, figures.p99Micros, figures.longestPostMillis);
            return;
        }
        int forks = Integer.parseInt(System.getProperty("forks", String.valueOf(DEFAULT_FORKS)));
        if (forks < 0) {
            throw new IllegalArgumentException("-Dforks must be 0 (this JVM alone) or more, not " + forks);
        }
        Lexicon lexicon = Lexicon.loadDefault();
        List<String> corpus = corpus();
        long bytes = corpus.stream().mapToLong(p -> p.getBytes(StandardCharsets.UTF_8).length).sum();
        System.out.printf(Locale.ROOT, "corpus: %d posts, %.1f MB UTF-8, lexicon %s (%d patterns incl. idioms)%n",
                corpus.size(), bytes / 1e6, lexicon.version(), lexicon.patterns().size());
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        System.out.printf(Locale.ROOT, "machine: %d cores, load average %.2f at start%n", os.getAvailableProcessors(),
                os.getSystemLoadAverage());
        System.out.printf(Locale.ROOT, "%-26s %12s %12s %9s %9s %12s%n", "single thread", "MB/s (wall)", "MB/s (cpu)",
                "p50 us", "p99 us", "longest ms");
        Figures detectorFigures;
        if (forks == 0) {
            detectorFigures = measureDetector();
            print("CrisisDetector", detectorFigures);
        } else {
            List<Figures> forked = new ArrayList<>();
            for (int fork = 1; fork <= forks; fork++) {
                Figures figures = fork();
                print("CrisisDetector, JVM " + fork, figures);
                forked.add(figures);
            }
            // the row of the JVM with the median throughput by CPU time (of an even number, the upper one)
            forked.sort(Comparator.comparingDouble(Figures::cpuMegabytesPerSecond));
            detectorFigures = forked.get(forked.size() / 2);
            print("CrisisDetector, median JVM", detectorFigures);
        }
        if (Boolean.getBoolean("detectorOnly")) {
            return; // -DdetectorOnly=true: a quick figure while tuning; the baseline takes minutes
        }
        Pattern baseline = baselinePattern(lexicon);
        ToIntFunction<String> regex = text -> {
            Matcher m = baseline.matcher(text);
            int found = 0;
            while (m.find()) {
                found++;
            }
            return found;
        };
        Figures baselineFigures = measure(corpus, bytes, regex, BASELINE_ROUNDS, BASELINE_ROUNDS);
        print("naive regex alternation", baselineFigures);
        System.out.printf(Locale.ROOT, "speed-up: %.1fx wall, %.1fx cpu (targets: >= 50 MB/s per core, >= 5x)%n",
                detectorFigures.wallMegabytesPerSecond / baselineFigures.wallMegabytesPerSecond,
                detectorFigures.cpuMegabytesPerSecond / baselineFigures.cpuMegabytesPerSecond);
        System.out.printf(Locale.ROOT, "load average %.2f at end; on a shared machine trust the cpu column%n",
                os.getSystemLoadAverage());
    }

    /**
     * Measures the detector in a JVM of its own, started like this one, and reads its figures. Separate JVMs of the
     * same build differ by several percent, because the compiler inlines a little differently each time, and the
     * rounds inside one JVM do not average that out: the median of several JVMs does (JMH forks for the same
     * reason). The new JVM gets this one's heap, compiler and system-property options, and not its agents, debugger,
     * flight recordings or log files, which would clash or be measured too.
     */
    private static Figures fork() throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(CrisisDetectorBenchmark::passedToFork).forEach(command::add);
        command.addAll(List.of("-D" + FORK_PROPERTY + "=true", "-cp", System.getProperty("java.class.path"),
                CrisisDetectorBenchmark.class.getName()));
        Path output = Files.createTempFile("haven-benchmark", ".txt");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(output.toFile())
                    .redirectError(ProcessBuilder.Redirect.INHERIT);
            // options from these variables already appear among this JVM's arguments, filtered as above
            builder.environment().remove("JAVA_TOOL_OPTIONS");
            builder.environment().remove("JDK_JAVA_OPTIONS");
            Process process = builder.start();
            if (!process.waitFor(FORK_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("the benchmark's JVM took more than " + FORK_TIMEOUT_MINUTES
                        + " minutes");
            }
            String printed = Files.readString(output);
            Matcher result = FORK_LINE.matcher(printed);
            if (process.exitValue() != 0 || !result.find()) {
                throw new IllegalStateException("the benchmark's JVM exited with " + process.exitValue()
                        + " and no figures:\n" + printed);
            }
            return new Figures(Double.parseDouble(result.group(1)), Double.parseDouble(result.group(2)),
                    Double.parseDouble(result.group(3)), Double.parseDouble(result.group(4)),
                    Double.parseDouble(result.group(5)), 0);
        } finally {
            Files.deleteIfExists(output);
        }
    }

    private static boolean passedToFork(String argument) {
        return argument.startsWith("-Xm") || argument.startsWith("-Xss")
                || argument.startsWith("-XX:") && !argument.contains("FlightRecord")
                || argument.startsWith("-D") && !argument.startsWith("-Dforks=")
                        && !argument.startsWith("-D" + FORK_PROPERTY + "=");
    }

    /** The detector's figures in this JVM: throughput and latency over the corpus, and the longest allowed post. */
    private static Figures measureDetector() {
        CrisisDetector detector = new CrisisDetector(Lexicon.loadDefault());
        List<String> corpus = corpus();
        long bytes = corpus.stream().mapToLong(p -> p.getBytes(StandardCharsets.UTF_8).length).sum();
        Figures figures = measure(corpus, bytes, text -> detector.detect(text).level().ordinal(), WARM_UP_ROUNDS,
                MEASURED_ROUNDS);
        return new Figures(figures.wallMegabytesPerSecond, figures.cpuMegabytesPerSecond, figures.p50Micros,
                figures.p99Micros, longestPostMillis(detector), figures.sink);
    }

    /**
     * The worst case a member can send: a post of the largest allowed size made only of the development set's crisis
     * posts, so that nearly every sentence holds words of several rules. The rules look only near each hit; when
     * they looked at every hit for every hit, such a post took about 0.1 s, and three times as much text nine times
     * as long. Returns the best of 40 runs, in milliseconds.
     */
    private static double longestPostMillis(CrisisDetector detector) {
        StringBuilder post = new StringBuilder();
        List<LabelledPost> crisis = LabelledPost.load("/crisis/devset.jsonl").stream()
                .filter(p -> p.label().atLeast(CrisisLevel.IDEATION)).toList();
        for (int i = 0; post.length() < org.haven.discussion.DiscussionRequests.MAX_BODY; i++) {
            post.append(crisis.get(i % crisis.size()).text()).append(i % 3 == 0 ? "\n" : " ");
        }
        String text = post.substring(0, org.haven.discussion.DiscussionRequests.MAX_BODY);
        long best = Long.MAX_VALUE;
        for (int round = 0; round < 40; round++) {
            long start = System.nanoTime();
            detector.detect(text);
            best = Math.min(best, System.nanoTime() - start);
        }
        return best / 1e6;
    }

    /** Throughput of the best measured round, by wall clock and by this thread's CPU time. */
    private record Figures(double wallMegabytesPerSecond, double cpuMegabytesPerSecond, double p50Micros,
                           double p99Micros, double longestPostMillis, long sink) {
    }

    private static Figures measure(List<String> corpus, long bytes, ToIntFunction<String> work, int warmUps,
                                   int rounds) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long sink = 0;
        for (int round = 0; round < warmUps; round++) {
            sink += run(corpus, work);
        }
        long bestWall = Long.MAX_VALUE;
        long bestCpu = Long.MAX_VALUE;
        for (int round = 0; round < rounds; round++) {
            long cpu = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            sink += run(corpus, work);
            bestWall = Math.min(bestWall, System.nanoTime() - start);
            bestCpu = Math.min(bestCpu, threads.getCurrentThreadCpuTime() - cpu);
        }
        long[] latencies = new long[corpus.size()];
        for (int i = 0; i < latencies.length; i++) {
            long start = System.nanoTime();
            sink += work.applyAsInt(corpus.get(i));
            latencies[i] = System.nanoTime() - start;
        }
        Arrays.sort(latencies);
        return new Figures(bytes / 1e6 / (bestWall / 1e9), bytes / 1e6 / (bestCpu / 1e9),
                latencies[latencies.length / 2] / 1e3, latencies[(int) (latencies.length * 0.99)] / 1e3, Double.NaN,
                sink);
    }

    private static long run(List<String> corpus, ToIntFunction<String> work) {
        long sink = 0;
        for (String post : corpus) {
            sink += work.applyAsInt(post);
        }
        return sink;
    }

    private static void print(String name, Figures f) {
        System.out.printf(Locale.ROOT, "%-26s %12.1f %12.1f %9.2f %9.2f %12s%n", name, f.wallMegabytesPerSecond,
                f.cpuMegabytesPerSecond, f.p50Micros, f.p99Micros,
                Double.isNaN(f.longestPostMillis) ? "" : String.format(Locale.ROOT, "%.2f", f.longestPostMillis));
    }

    /** Every trigger term of the lexicon (idioms excluded) in one alternation, longest first. */
    private static Pattern baselinePattern(Lexicon lexicon) {
        String alternation = IntStream.range(0, lexicon.patterns().size())
                .filter(i -> !lexicon.isIdiom(i))
                .mapToObj(i -> lexicon.patterns().get(i))
                .sorted(Comparator.comparingInt(String::length).reversed())
                .map(Pattern::quote)
                .collect(Collectors.joining("|"));
        return Pattern.compile("\\b(?:" + alternation + ")\\b", Pattern.CASE_INSENSITIVE);
    }

    /** The development set's posts, then generated posts of 1 to 8 sentences until the corpus is big enough. */
    static List<String> corpus() {
        List<String> corpus = new ArrayList<>();
        LabelledPost.load("/crisis/devset.jsonl").forEach(p -> corpus.add(p.text()));
        Random random = new Random(42);
        long size = 0;
        while (size < TARGET_CORPUS_BYTES) {
            StringBuilder post = new StringBuilder();
            int sentences = 1 + random.nextInt(8);
            for (int s = 0; s < sentences; s++) {
                if (s > 0) {
                    post.append(random.nextInt(5) == 0 ? "\n" : " ");
                }
                post.append(SENTENCES[random.nextInt(SENTENCES.length)]);
            }
            String text = post.toString();
            corpus.add(text);
            size += text.length();
        }
        return corpus;
    }
}
