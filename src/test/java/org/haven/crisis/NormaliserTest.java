package org.haven.crisis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class NormaliserTest {

    private final Normaliser normaliser = Lexicon.loadDefault().normaliser();

    private String normalise(String text) {
        return normaliser.normalise(text).toString();
    }

    @Test
    void foldsCaseAndKeepsApostrophesInsideWords() {
        assertEquals("i don't want this", normalise("I DON'T Want   this"));
    }

    @Test
    void straightensCurlyQuotesAndDropsQuotesAroundWords() {
        assertEquals("i don't know, i could just die", normalise("I don’t know: ‘i could just die’"));
    }

    @Test
    void foldsFullWidthAccentedAndZeroWidthSpellings() {
        assertEquals("kill", normalise("ｋｉｌｌ"));
        assertEquals("suicide", normalise("suïcide"));
        assertEquals("suicide", normalise("sui\u200Bcide"));
    }

    @Test
    void decodesLeetspeakInsideWordsButNotNumbersOrMeasures() {
        assertEquals("kill myself", normalise("k1ll mys3lf"));
        assertEquals("suicide", normalise("5uicide"));
        assertEquals("suicide", normalise("$uicide"));
        assertEquals("kill", normalise("k!ll"));
        assertEquals("took 40 pills at 4am, 800mg each", normalise("took 40 pills at 4am, 800mg each"));
    }

    @Test
    void treatsExclamationMarksAfterWordsAsSentenceEnds() {
        assertEquals("help. now", normalise("help!!! now"));
    }

    @Test
    void shortensRepeatedLettersToTheSpellingTheLexiconKnows() {
        assertEquals("so tired", normalise("sooooo tired"));
        assertEquals("kill", normalise("killllll"));
        assertEquals("want to die", normalise("wanna diiiieee"));
        assertEquals("good", normalise("good"));
    }

    @Test
    void expandsSlang() {
        assertEquals("kill myself", normalise("kms"));
        assertEquals("i'm going to kill myself", normalise("im gonna unalive myself"));
        assertEquals("suicide", normalise("sewerslide"));
        assertEquals("right now", normalise("rn"));
    }

    @Test
    void joinsLettersSpacedOut() {
        assertEquals("suicide", normalise("s u i c i d e"));
        assertEquals("thinking about suicide", normalise("thinking about s.u.i.c.i.d.e"));
        assertEquals("kill myself", normalise("k-i-l-l myself"));
        assertEquals("plan b. i tried", normalise("plan b. i tried"));
    }

    @Test
    void readsEmojiAsWords() {
        assertEquals("pills pills all of them", normalise("💊💊 all of them"));
        assertEquals("coffin tonight", normalise("⚰️ tonight"));
        assertEquals("so tired lol lol", normalise("so tired 😂😂"));
    }

    @Test
    void endsASentencePartBeforeContrastWords() {
        assertEquals("i'm not suicidal, but i want to die", normalise("i'm not suicidal but i want to die"));
    }

    @Test
    void mapsEveryNormalisedCharacterBackToTheOriginalText() {
        String original = "Ugh, im gonna KMS 💊💊 sooo done";
        NormalisedText text = normaliser.normalise(original);
        String normalised = text.toString();
        assertEquals("ugh, i'm going to kill myself pills pills so done", normalised);

        assertEquals("KMS", spanOf(text, "kill myself"));
        assertEquals("im", spanOf(text, "i'm"));
        assertEquals("💊", spanOf(text, "pills"));
        assertEquals("sooo", spanOf(text, "so"));
        assertEquals("gonna", spanOf(text, "going to"));
    }

    @Test
    void mapsPlainWordsBackInAsciiTextAndAroundCharactersOutsideIt() {
        // most words take a shorter path than slang, symbols and repeats do; their offsets must be as exact
        NormalisedText ascii = normaliser.normalise("Tonight  is the night,but not yet");
        assertEquals("tonight is the night, but not yet", ascii.toString());
        assertEquals("Tonight", spanOf(ascii, "tonight"));
        assertEquals("is", spanOf(ascii, "is"));
        assertEquals("but", spanOf(ascii, "but"));
        assertEquals("yet", spanOf(ascii, "yet"));

        NormalisedText mixed = normaliser.normalise("Caf\u00e9 closed \uD83D\uDC8A then \uFF22\uFF45\uFF44 nope");
        assertEquals("cafe closed pills then bed nope", mixed.toString());
        assertEquals("closed", spanOf(mixed, "closed"));
        assertEquals("then", spanOf(mixed, "then"));
        assertEquals("\uFF22\uFF45\uFF44", spanOf(mixed, "bed"));
        assertEquals("nope", spanOf(mixed, "nope"));
    }

    @Test
    void knowsWhichOffsetsLieBetweenQuotationMarks() {
        String original = "she said \"I can't\" and \u201Cdone\u201D, \u00ABnope\u00BB, 'gone' it's over";
        NormalisedText text = normaliser.normalise(original);
        for (String inside : List.of("I can't", "done", "nope", "gone")) {
            int at = original.indexOf(inside);
            for (int k = at; k < at + inside.length(); k++) {
                assertTrue(text.quoted(k), inside + " at " + k);
            }
        }
        for (String outside : List.of("she said", "and", "it's over")) {
            int at = original.indexOf(outside);
            for (int k = at; k < at + outside.length(); k++) {
                assertFalse(text.quoted(k), outside + " at " + k);
            }
        }
        // a mark belongs to what comes before it: the opening one is outside, the closing one inside
        assertFalse(text.quoted(original.indexOf('"')));
        assertTrue(text.quoted(original.lastIndexOf('"')));
        assertFalse(text.quoted(original.length()));
    }

    @Test
    void asciiTextFindsTheSameQuotationsAsTheGeneralReading() {
        // ASCII text jumps between its quote marks; with one non-ASCII character after it, the same text is read a
        // character at a time: both must agree at every offset
        for (String ascii : List.of("she said \"I can't\" and 'gone' it's over", "'tis the dogs' 'bowl' \"\"",
                "he told me 'you'd be better off dead' and i think he's right", "a \"b 'c\" d' e", "no quotes at all",
                "'open only", "it's 'quoted, then' an apostrophe'")) {
            NormalisedText fast = normaliser.normalise(ascii);
            NormalisedText general = normaliser.normalise(ascii + " \u00e9");
            for (int k = 0; k <= ascii.length(); k++) {
                assertEquals(general.quoted(k), fast.quoted(k), ascii + " at " + k);
            }
        }
        String said = "she said \"I can't\" and 'gone' it's over";
        NormalisedText fast = normaliser.normalise(said);
        assertTrue(fast.quoted(said.indexOf("can't")));
        assertTrue(fast.quoted(said.indexOf("gone")));
        assertFalse(fast.quoted(said.indexOf("over")));
    }

    private static String spanOf(NormalisedText text, String normalisedWords) {
        int at = (" " + text + " ").indexOf(" " + normalisedWords + " ");
        int start = text.originalStart(at);
        int end = text.originalEnd(at + normalisedWords.length() - 1);
        return text.original().substring(start, end);
    }
}
