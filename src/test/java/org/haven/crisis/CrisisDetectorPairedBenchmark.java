package org.haven.crisis;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Compares two builds of the detector in one JVM, round by round: this build's {@code target/classes} against
 * another's (a baseline commit compiled elsewhere). On a shared virtual machine separate benchmark runs of one
 * build can differ by 15%, which hides any change worth a few percent; rounds of both builds alternating in one
 * process meet the same machine state, so their ratio is steadier. Two identical builds gave 1.01–1.03 by wall
 * clock on one VM (the second build loaded seems to run slightly faster) and 1.00–1.04, with quartiles ±6%, on a
 * noisier one, so read a median ratio under about 1.04 as no difference. The ratio is printed by wall clock and by
 * the measuring thread's CPU time, which leaves out time the thread was not running; it also leaves out work on
 * other threads (garbage collection, compilation), so a build that allocates more looks better by it than it is.
 *
 * <p>Each build is loaded by a class loader of its own, with its own lexicon and word model from its classes folder,
 * and only the public API is used ({@code Lexicon.loadDefault}, {@code new CrisisDetector(lexicon)},
 * {@code detect}), so any two builds that have it can be compared. The corpus is {@link CrisisDetectorBenchmark}'s.
 *
 * <pre>
 * git worktree add /tmp/haven-base REV &amp;&amp; (cd /tmp/haven-base &amp;&amp; mvn -q compile)
 * mvn -q test-compile exec:exec@crisis-paired -Dbaseline=/tmp/haven-base/target/classes
 * </pre>
 * Not a test: nothing asserts here.
 */
public final class CrisisDetectorPairedBenchmark {

    private static final int WARM_UP_ROUNDS = 6;
    private static final int MEASURED_ROUNDS = 16;

    private CrisisDetectorPairedBenchmark() {
    }

    /** One build: its detector and the method to call. */
    private record Build(String name, Object detector, Method detect) {

        static Build load(String name, Path classes, List<URL> dependencies) throws ReflectiveOperationException {
            List<URL> urls = new ArrayList<>();
            try {
                urls.add(classes.toUri().toURL());
            } catch (java.net.MalformedURLException e) {
                throw new IllegalArgumentException(classes.toString(), e);
            }
            urls.addAll(dependencies);
            // the platform loader as parent: neither build can see the other's classes, nor this class's
            ClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
            Class<?> lexiconClass = loader.loadClass("org.haven.crisis.Lexicon");
            // the JSON parser is found through the context class loader: it must be the build's own
            Thread thread = Thread.currentThread();
            ClassLoader previous = thread.getContextClassLoader();
            Object lexicon;
            try {
                thread.setContextClassLoader(loader);
                lexicon = lexiconClass.getMethod("loadDefault").invoke(null);
            } finally {
                thread.setContextClassLoader(previous);
            }
            Class<?> detectorClass = loader.loadClass("org.haven.crisis.CrisisDetector");
            Constructor<?> constructor = detectorClass.getConstructor(lexiconClass);
            return new Build(name, constructor.newInstance(lexicon), detectorClass.getMethod("detect", String.class));
        }

        long run(List<String> corpus) throws ReflectiveOperationException {
            long sink = 0;
            for (String post : corpus) {
                sink += detect.invoke(detector, post) == null ? 0 : 1;
            }
            return sink;
        }
    }

    public static void main(String[] args) throws Exception {
        String baseline = System.getProperty("baseline", "");
        if (baseline.isBlank() || !Files.isDirectory(Paths.get(baseline))) {
            System.err.println("-Dbaseline=DIR: the target/classes folder of the build to compare with (see the javadoc)");
            System.exit(2);
        }
        Path current = Paths.get(CrisisDetector.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path tests = Paths.get(CrisisDetectorPairedBenchmark.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<URL> dependencies = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path path = Paths.get(entry).toAbsolutePath();
            if (!path.equals(current.toAbsolutePath()) && !path.equals(tests.toAbsolutePath())) {
                dependencies.add(path.toUri().toURL());
            }
        }
        Build[] builds = {Build.load("baseline " + baseline, Paths.get(baseline), dependencies),
            Build.load("this build " + current, current, dependencies)};
        List<String> corpus = CrisisDetectorBenchmark.corpus();
        long bytes = corpus.stream().mapToLong(p -> p.getBytes(StandardCharsets.UTF_8).length).sum();

        double[][] megabytesPerSecond = new double[2][MEASURED_ROUNDS];
        double[][] cpuMegabytesPerSecond = new double[2][MEASURED_ROUNDS];
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        boolean cpuClock = threads.isCurrentThreadCpuTimeSupported() && threads.isThreadCpuTimeEnabled();
        long sink = 0;
        for (int round = -WARM_UP_ROUNDS; round < MEASURED_ROUNDS; round++) {
            for (int turn = 0; turn < 2; turn++) {
                int b = (round & 1) == 0 ? turn : 1 - turn; // who goes first alternates, so neither always runs warm
                long cpu = threads.getCurrentThreadCpuTime();
                long start = System.nanoTime();
                sink += builds[b].run(corpus);
                double seconds = (System.nanoTime() - start) / 1e9;
                double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpu) / 1e9;
                if (round >= 0) {
                    megabytesPerSecond[b][round] = bytes / 1e6 / seconds;
                    cpuMegabytesPerSecond[b][round] = bytes / 1e6 / cpuSeconds;
                }
            }
        }
        System.out.printf(Locale.ROOT, "corpus: %d posts, %.1f MB UTF-8; %d measured rounds of each build%n",
                corpus.size(), bytes / 1e6, MEASURED_ROUNDS);
        for (int b = 0; b < 2; b++) {
            double[] sorted = megabytesPerSecond[b].clone();
            Arrays.sort(sorted);
            System.out.printf(Locale.ROOT, "%-60s median %5.1f MB/s, best %5.1f%n", builds[b].name(),
                    sorted[MEASURED_ROUNDS / 2], sorted[MEASURED_ROUNDS - 1]);
        }
        printRatios("wall clock", megabytesPerSecond, sink);
        if (cpuClock) {
            // the wall clock also counts time this thread was not running; its CPU time does not (see above)
            printRatios("thread CPU time", cpuMegabytesPerSecond, sink);
        }
    }

    private static void printRatios(String clock, double[][] megabytesPerSecond, long sink) {
        double[] ratios = new double[MEASURED_ROUNDS];
        for (int round = 0; round < MEASURED_ROUNDS; round++) {
            ratios[round] = megabytesPerSecond[1][round] / megabytesPerSecond[0][round];
        }
        Arrays.sort(ratios);
        System.out.printf(Locale.ROOT, "this build / baseline by %s, round by round: median %.3f, quartiles %.3f to %.3f (%d)%n",
                clock, ratios[MEASURED_ROUNDS / 2], ratios[MEASURED_ROUNDS / 4], ratios[3 * MEASURED_ROUNDS / 4], sink % 2);
    }
}
