package org.haven.crisis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A modifier's phrases looked up by their first word: the phrases returned for a word must be exactly those that
 * start with it, in the order the lexicon gave them, since a modifier reports the first phrase that matches.
 */
class PhrasesTest {

    @Test
    void aWordGivesEveryPhraseStartingWithItInTheLexiconsOrder() {
        Random random = new Random(5);
        for (int round = 0; round < 100; round++) {
            // few distinct first words, so that groups hold several phrases and slots collide; 0 is a key too
            long[] firsts = {0, 1, 2, 3, random.nextLong(), random.nextLong(), 1L << 32, (1L << 32) | 1};
            long[][] phrases = new long[1 + random.nextInt(40)][];
            for (int p = 0; p < phrases.length; p++) {
                phrases[p] = new long[1 + random.nextInt(3)];
                phrases[p][0] = firsts[random.nextInt(firsts.length)];
                for (int k = 1; k < phrases[p].length; k++) {
                    phrases[p][k] = random.nextLong();
                }
            }
            Phrases index = new Phrases(phrases);
            for (long first : firsts) {
                List<long[]> expected = new ArrayList<>();
                for (long[] phrase : phrases) {
                    if (phrase[0] == first) {
                        expected.add(phrase);
                    }
                }
                long[][] found = index.startingWith(first);
                assertEquals(expected.size(), found.length, "phrases starting with " + first);
                for (int i = 0; i < found.length; i++) {
                    assertArrayEquals(expected.get(i), found[i]);
                }
            }
            assertEquals(0, index.startingWith(42).length, "a word no phrase starts with");
        }
    }

    @Test
    void noPhrasesFindNothing() {
        Phrases none = new Phrases(new long[0][]);
        assertEquals(0, none.startingWith(0).length);
        assertEquals(0, none.startingWith(7).length);
    }
}
