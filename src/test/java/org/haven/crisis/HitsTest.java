package org.haven.crisis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The search bounds the rules use to look only near a hit (so that long posts cost time in proportion to their
 * length): every hit a search asks about must lie inside them, or a rule would silently miss words.
 */
class HitsTest {

    @Test
    void searchBoundsHoldEveryHitOfTheWordsAndSentencesAskedAbout() {
        Random random = new Random(3);
        for (int round = 0; round < 200; round++) {
            Hits hits = new Hits();
            int size = 1 + random.nextInt(4 * Hits.SHORT);
            int word = 0;
            int sentence = 0;
            for (int h = 0; h < size; h++) {
                // as the scan records them: in order of their last word, sentences never going back
                word += random.nextInt(3);
                sentence += random.nextInt(6) == 0 ? 1 : 0;
                int words = 1 + random.nextInt(4);
                hits.add(h, 0, 1, word - words + 1, word, sentence, sentence);
            }
            for (int query = 0; query < 50; query++) {
                int w = random.nextInt(word + 3) - 1;
                int s = random.nextInt(sentence + 3) - 1;
                int fromWord = hits.searchFromWord(w);
                int untilWord = hits.searchUntilWord(w);
                int fromSentence = hits.searchFromSentence(s);
                int untilSentence = hits.searchUntilSentence(s);
                for (int h = 0; h < size; h++) {
                    assertTrue(hits.lastWord[h] < w || h >= fromWord, "a hit ending at or after the word is skipped");
                    assertTrue(hits.lastWord[h] >= w || h < untilWord, "a hit ending before the word is skipped");
                    assertTrue(hits.sentence[h] < s || h >= fromSentence, "a hit of the sentence or later is skipped");
                    assertTrue(hits.sentence[h] >= s || h < untilSentence, "a hit of an earlier sentence is skipped");
                }
                if (size > Hits.SHORT) { // beyond a short list the bounds are exact, or nothing was gained
                    assertEquals(countBefore(hits.lastWord, size, w), fromWord);
                    assertEquals(countBefore(hits.sentence, size, s), fromSentence);
                }
            }
        }
    }

    private static int countBefore(int[] values, int size, int value) {
        int count = 0;
        for (int h = 0; h < size; h++) {
            count += values[h] < value ? 1 : 0;
        }
        return count;
    }
}
