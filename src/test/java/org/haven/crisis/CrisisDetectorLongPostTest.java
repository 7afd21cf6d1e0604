package org.haven.crisis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The rules look only near each hit, so that a long post costs time in proportion to its length. They must
 * conclude exactly what they concluded when they read every hit in every search: the same level, rules and spans,
 * on long posts and on phrases placed at the edge of a rule's window, where an off-by-one bound shows.
 */
class CrisisDetectorLongPostTest {

    private static final String[] SEPARATORS = {". ", ", ", " but ", "\n", " ", "! ", "? ", "... ", " and ", ""};

    private final CrisisDetector detector = new CrisisDetector(Lexicon.loadDefault());
    private final CrisisDetector reference = new CrisisDetector(Lexicon.loadDefault()).readingEveryHit();

    @Test
    void longPostsGetTheVerdictOfReadingEveryHit() {
        List<String> posts = new ArrayList<>();
        for (String set : List.of("devset", "train-i", "train-k", "train-m", "train-af", "para-negatives")) {
            LabelledPost.load("/crisis/" + set + ".jsonl").forEach(p -> posts.add(p.text()));
        }
        Random random = new Random(5);
        for (int i = 0; i < 120; i++) {
            StringBuilder text = new StringBuilder();
            int length = 2_000 + random.nextInt(18_000);
            boolean flat = i % 4 == 0; // no sentence ends at all: one sentence of thousands of hits
            while (text.length() < length) {
                String post = posts.get(random.nextInt(posts.size()));
                text.append(flat ? post.replaceAll("[.!?\\n]", " ") : post)
                        .append(flat ? " " : SEPARATORS[random.nextInt(SEPARATORS.length)]);
            }
            assertSameVerdict(text.toString());
        }
    }

    @Test
    void phrasesAtTheEdgeOfAWindowGetTheVerdictOfReadingEveryHit() {
        // far-away numbers make the list long enough for the bounded searches; then a rule's words at every distance
        // around its window, in one sentence, across a sentence end, and with context in the sentences around
        String padding = "50 ".repeat(70) + ". ";
        String[][] pairs = {
            {"goodbye", "you won't hear from me again"},
            {"i took all my pills", "an hour ago"},
            {"i have the rope", "tonight"},
            {"i want to die", "lol jk"},
            {"my brother", "isn't breathing"},
            {"never again", "i'm going to kill myself"},
        };
        int checked = 0;
        for (String[] pair : pairs) {
            for (int gap = 0; gap <= 45; gap++) {
                String filler = "la ".repeat(gap);
                for (String between : new String[] {"", ". ", ". not really. "}) {
                    assertSameVerdict(padding + pair[0] + " " + filler + between + pair[1]);
                    assertSameVerdict(padding + "years ago. " + pair[0] + " " + filler + between + pair[1] + ". lol");
                    checked += 2;
                }
            }
        }
        assertTrue(checked > 1_000);
    }

    private void assertSameVerdict(String text) {
        CrisisVerdict expected = reference.detect(text);
        CrisisVerdict actual = detector.detect(text);
        assertEquals(expected.level(), actual.level(), () -> "level of: " + text);
        assertEquals(expected.rules(), actual.rules(), () -> "rules of: " + text);
        assertEquals(expected.matches(), actual.matches(), () -> "spans of: " + text);
    }
}
