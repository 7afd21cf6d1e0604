package org.haven.screening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
        WordList list = list("ass", "censor");
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
        WordList list = list("dm me", "censor", "t.me", "censor");
        assertEquals(List.of("DM\nme", "dm -- me"), found(list, "DM\nme or dm -- me, not dm mean"));
        assertEquals(List.of("t.me", "t me"), found(list, "t.me/x or t me"));
        assertEquals(List.of(), found(list, "dm"), "half a phrase is not the phrase");
    }

    @Test
    void aWildcardStandsForLettersWithinOneWord() {
        WordList list = list("coke*", "censor", "*dealer", "censor", "m*th", "censor");
        assertEquals(List.of("coke", "cokehead", "drugdealer", "meth", "myth"),
                found(list, "coke cokehead drugdealer meth myth coca"));
        assertEquals(List.of(), found(list, "co ke, dealers"), "a wildcard never crosses a word's end");
    }

    @Test
    void anEntryThatDecidesIsFoundOnceAndOneThatCensorsEverywhere() {
        WordList list = list("plug", "hold", "dealer", "block", "damn", "censor", "damn it", "censor");
        String text = "plug? damn, ask the plug or a dealer, damn it";
        List<WordList.Match> matches = list.find(text);
        assertEquals(List.of("plug", "damn", "dealer", "damn it"),
                matches.stream().map(m -> text.substring(m.start(), m.end())).toList(),
                "the first place of each deciding entry; at each word the longest censored entry");
        assertEquals(WatchAction.HOLD, matches.get(0).action());
        assertEquals(WatchAction.BLOCK, matches.get(2).action());
        assertEquals("dealer", matches.get(2).phrase());
    }

    @Test
    void invisibleCharactersAndStyledLettersDoNotHideAWord() {
        WordList list = list("coke", "block");
        for (String disguised : List.of("co\u00ADke", "co\u2060ke", "coke\uFE0F", "c\u034Foke", "\u24D2\u24DE\u24DA\u24D4",
                "\uFEFFcoke")) {
            assertEquals(1, list.find("some " + disguised + " here").size(), disguised);
        }
        String text = "\u24D2\u24DE\u24DA\u24D4 and co\u00ADke";
        assertEquals("•••• and ••\u00AD••", WordList.censor(text, list("coke", "censor").find(text)),
                "the letters go, the invisible characters stay in place");
    }

    @Test
    void inScriptsWithoutSpacesAnEntryIsFoundInsideTheRun() {
        WordList list = list("毒品", "flag", "ยาบ้า", "flag");
        assertEquals(List.of("毒品"), found(list, "我要买毒品吗"));
        assertEquals(List.of("ยาบ้า"), found(list, "ใครมียาบ้าบ้าง"));
        assertEquals(List.of(), found(list, "我要买药品吗"));
    }

    @Test
    void wildcardsMatchPiecesInOrderWithoutOverlap() {
        assertTrue(WordList.wordMatches("a*b*c", "axxbyyc"));
        assertTrue(WordList.wordMatches("a*b*c", "abc"));
        assertFalse(WordList.wordMatches("a*b*c", "acb"));
        assertFalse(WordList.wordMatches("ab*ba", "aba"), "the start and the end may not share letters");
        assertTrue(WordList.wordMatches("ab*ba", "abba"));
        assertTrue(WordList.wordMatches("a*bb*a", "abba"));
        assertFalse(WordList.wordMatches("x*ab*b", "xbab"), "a middle piece may not reach into the end");
        assertTrue(WordList.wordMatches("*aa*", "baab"));
        String longWord = "o".repeat(20_000);
        assertFalse(WordList.wordMatches("*" + "o".repeat(30) + "a", longWord));
        assertTrue(WordList.wordMatches("o*o*o", longWord));
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
        for (String refused : Arrays.asList(null, "", "   ", "*", "**", "a*", "!!!", "x".repeat(61), "buy, now",
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
