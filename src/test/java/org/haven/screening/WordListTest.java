package org.haven.screening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class WordListTest {

    private static WordList list(String... phrasesAndActions) {
        List<WordList.Entry> entries = new java.util.ArrayList<>();
        for (int i = 0; i < phrasesAndActions.length; i += 2) {
            entries.add(new WordList.Entry(WordList.canonical(phrasesAndActions[i]),
                    WatchAction.of(phrasesAndActions[i + 1]).orElseThrow()));
        }
        return WordList.of(entries);
    }

    /** The text each match covers, in order. */
    private static List<String> found(WordList list, String text) {
        return list.find(text).stream().map(m -> text.substring(m.start(), m.end())).toList();
    }

    @Test
    void wholeWordsOnlyInAnyCase() {
        WordList list = list("ass", "flag");
        assertEquals(List.of("Ass", "ASS"), found(list, "Ass, class, assess, ASS."));
        assertEquals(List.of(), found(list, "classic passage"));
    }

    @Test
    void lettersOfEveryScriptMakeWordsAndNormalisedFormsMatch() {
        WordList list = list("café", "flag", "дилер", "flag", "dm", "flag");
        assertEquals(List.of("CAFÉ"), found(list, "the CAFÉ, not cafés"));
        assertEquals(List.of("Дилер"), found(list, "Дилер рядом, дилеры нет"));
        // full-width letters are the same letters after NFKC
        assertEquals(List.of("ＤＭ"), found(list, "ＤＭ please"));
        // a combining accent belongs to its word: "cafe" + U+0301 is one word, and it is "café" after NFKC
        assertEquals(List.of("cafe\u0301"), found(list, "a cafe\u0301 here"));
    }

    @Test
    void aPhraseMatchesItsWordsWithAnythingBetweenThem() {
        WordList list = list("dm me", "flag", "t.me", "block");
        assertEquals(List.of("DM\nme", "dm -- me"), found(list, "DM\nme or dm -- me, not dm mean"));
        assertEquals(List.of("t.me", "t me"), found(list, "t.me/x or t me"));
        assertEquals(List.of(), found(list, "dm"), "half a phrase is not the phrase");
    }

    @Test
    void aWildcardStandsForLettersWithinOneWord() {
        WordList list = list("coke*", "flag", "*dealer", "flag", "m*th", "flag");
        assertEquals(List.of("coke", "cokehead", "drugdealer", "meth", "myth"),
                found(list, "coke cokehead drugdealer meth myth coca"));
        assertEquals(List.of(), found(list, "co ke, dealers"), "a wildcard never crosses a word's end");
    }

    @Test
    void everyOccurrenceIsFoundWithItsAction() {
        WordList list = list("plug", "hold", "dealer", "block");
        List<WordList.Match> matches = list.find("plug? ask the plug or a dealer");
        assertEquals(3, matches.size());
        assertEquals(WatchAction.HOLD, matches.get(0).action());
        assertEquals(WatchAction.BLOCK, matches.get(2).action());
        assertEquals("dealer", matches.get(2).phrase());
    }

    @Test
    void censoringReplacesTheLettersAndKeepsEverythingElseInPlace() {
        WordList list = list("damn", "censor", "dm me", "censor", "plug", "flag");
        String text = "Damn it, *dm* me. The plug.";
        String censored = WordList.censor(text, list.find(text));
        assertEquals("•••• it, *••* ••. The plug.", censored);
        assertEquals(text.length(), censored.length(), "offsets stay right");
        String emoji = "damn\uD83D\uDE00";
        assertEquals("••••\uD83D\uDE00", WordList.censor(emoji, list.find(emoji)), "an emoji is not a letter");
    }

    @Test
    void theStoredFormIsNormalisedAndBounded() {
        assertEquals("dm me", WordList.canonical("  DM \t Me "));
        assertEquals("dm", WordList.canonical("ＤＭ"));
        for (String refused : Arrays.asList(null, "", "   ", "*", "**", "a*", "!!!", "x".repeat(61),
                "one two three four five six seven", "bad\u0007word")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> WordList.canonical(refused),
                    String.valueOf(refused));
            assertTrue(e.getMessage().endsWith("."), e.getMessage());
        }
        assertEquals("ab*", WordList.canonical("AB*"));
    }

    @Test
    void theActionsSlugsAreTheListedChoices() {
        assertEquals(WatchAction.CHOICES, String.join(", ", Arrays.stream(WatchAction.values()).map(WatchAction::slug)
                .toList()));
        assertEquals(WatchAction.HOLD, WatchAction.of(" Hold ").orElseThrow());
        assertTrue(WatchAction.of("approve").isEmpty());
    }

    @Test
    void anEmptyListFindsNothing() {
        assertTrue(WordList.empty().isEmpty());
        assertEquals(List.of(), WordList.empty().find("anything at all"));
    }
}
