package org.haven.crisis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Coverage-guided fuzzing of {@link CrisisDetector#detect}: any text a member can send must get a verdict, never
 * an exception (a post that failed here would fail to publish), with spans inside the text, and the same verdict
 * whatever text the thread's reused workspace saw before. The normaliser and the scan write into arrays they size
 * themselves, and the workspace keeps counts, stamps and firings from text to text: the bugs such code has are the
 * ones a fuzzer finds.
 *
 * <p>A plain test run replays the inputs committed under {@code CrisisDetectorFuzzTestInputs} (seeds written in the
 * voice of the forum, and any input a campaign once failed on). To fuzz for five minutes (README, "Tests and CI"):
 * {@code JAZZER_FUZZ=1 mvn test -Dtest=CrisisDetectorFuzzTest}.
 */
class CrisisDetectorFuzzTest {

    private static final Lexicon LEXICON = Lexicon.loadDefault();
    private static final CrisisDetector DETECTOR = new CrisisDetector(LEXICON);

    /**
     * The input is read as UTF-8, or, when its first byte is 1, as UTF-16 (which reaches what UTF-8 cannot: lone
     * surrogates, which an escaped JSON string can carry). A NUL splits it into a text inspected first
     * and the text under test, so a seed is readable: {@code previous post<NUL>post}.
     */
    @FuzzTest(maxDuration = "5m")
    void anyTextGetsAStableVerdictWithSpansInsideIt(byte[] data) {
        String input = data.length > 0 && data[0] == 1
                ? new String(data, 1, data.length - 1, StandardCharsets.UTF_16BE)
                : new String(data, StandardCharsets.UTF_8);
        int split = input.indexOf('\0');
        String before = split < 0 ? "" : input.substring(0, split);
        String text = input.substring(split + 1);

        assertNormalisedConsistently(text);
        CrisisVerdict first = DETECTOR.detect(text);
        assertWellFormed(text, first);
        // another text in between, through the same thread's workspace: nothing of it may carry over
        assertWellFormed(before, DETECTOR.detect(before));
        assertEquals(first, DETECTOR.detect(text), "the verdict changed after another text was inspected");
    }

    /**
     * The normaliser records words as it writes them (for the scan and the word model) and maps every character
     * it writes back to the original: the words must be exactly those the plain definition finds in what it wrote
     * ({@link Words#collect}, which the model was trained on), and every mapping must lie inside the text.
     */
    private static void assertNormalisedConsistently(String original) {
        NormalisedText text = LEXICON.normaliser().normalise(original);
        Words recorded = text.words();
        Words plain = new Words().collect(text.chars(), text.length());
        assertArrayEquals(Arrays.copyOf(plain.key, plain.size), Arrays.copyOf(recorded.key, recorded.size),
                "word keys");
        assertArrayEquals(Arrays.copyOf(plain.start, plain.size), Arrays.copyOf(recorded.start, recorded.size),
                "word starts");
        assertArrayEquals(Arrays.copyOf(plain.end, plain.size), Arrays.copyOf(recorded.end, recorded.size),
                "word ends");
        for (int i = 0; i < text.length(); i++) {
            int start = text.originalStart(i);
            int end = text.originalEnd(i);
            assertTrue(0 <= start && start <= end && end <= original.length(),
                    "character " + i + " maps to " + start + ".." + end + " of " + original.length());
        }
    }

    static void assertWellFormed(String text, CrisisVerdict verdict) {
        List<CrisisMatch> matches = verdict.matches();
        int previousStart = 0;
        for (CrisisMatch match : matches) {
            assertTrue(match.end() <= text.length(), () -> "span " + match + " ends past the text");
            assertEquals(text.substring(match.start(), match.end()), match.text());
            assertTrue(match.start() >= previousStart, "spans are ordered by position");
            previousStart = match.start();
        }
        if (verdict.level() != CrisisLevel.NONE) {
            assertTrue(!matches.isEmpty(), "a verdict above NONE points at the words behind it");
        }
    }
}
