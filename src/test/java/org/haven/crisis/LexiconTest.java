package org.haven.crisis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LexiconTest {

    private static final String VALID = """
            {
              "_comment": "a tiny lexicon for tests",
              "version": "test-1",
              "categories": {
                "MEANS": {"terms": ["pills"]},
                "ACTION": {"terms": ["took"]},
                "QUANTITY": {"terms": ["all"], "numbersFrom": 10}
              },
              "idioms": ["took all the help"],
              "rules": [
                {"id": "means-action-now", "level": "IMMINENT", "all": ["MEANS", "ACTION"], "any": ["QUANTITY"]}
              ]
            }
            """;

    private static InputStream json(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String problemWith(String text) {
        return assertThrows(LexiconException.class, () -> Lexicon.parse(json(text))).getMessage();
    }

    @Test
    void theDefaultLexiconLoadsAndHasAVersion() {
        Lexicon lexicon = Lexicon.loadDefault();
        assertFalse(lexicon.version().isBlank());
        assertTrue(lexicon.ruleIds().contains("overdose-taken"));
    }

    @Test
    void aSmallValidLexiconDrivesADetector() {
        CrisisDetector detector = new CrisisDetector(Lexicon.parse(json(VALID)), null);
        assertEquals(CrisisLevel.IMMINENT, detector.detect("I took 30 pills").level());
        assertEquals(CrisisLevel.NONE, detector.detect("I took all the help I could get, pills included").level());
    }

    @Test
    void malformedJsonIsRejected() {
        assertTrue(problemWith("{ \"version\": ").startsWith("the lexicon is not valid JSON"));
    }

    @Test
    void aRuleNamingAnUnknownCategoryIsRejectedByName() {
        String message = problemWith(VALID.replace("\"all\": [\"MEANS\", \"ACTION\"]", "\"all\": [\"MEANZ\", \"ACTION\"]"));
        assertEquals("rule 'means-action-now' refers to unknown category 'MEANZ'", message);
    }

    @Test
    void aMisspelledKeyIsRejectedRatherThanIgnored() {
        String message = problemWith(VALID.replace("\"any\":", "\"anyy\":"));
        assertTrue(message.startsWith("rule 'means-action-now' has unknown key 'anyy'"), message);
    }

    @Test
    void aMissingVersionIsRejected() {
        assertEquals("the lexicon is missing 'version'", problemWith(VALID.replace("\"version\": \"test-1\",", "")));
    }

    @Test
    void anInvalidLevelIsRejectedWithTheAllowedValues() {
        String message = problemWith(VALID.replace("\"IMMINENT\"", "\"URGENT\""));
        assertEquals("rule 'means-action-now' has level 'URGENT'; expected one of NONE, CONCERN, IDEATION, IMMINENT", message);
    }

    @Test
    void aTermThatIsAlsoAnIdiomIsRejected() {
        String message = problemWith(VALID.replace("\"terms\": [\"took\"]", "\"terms\": [\"took\", \"took all the help\"]"));
        assertTrue(message.contains("is also an idiom"), message);
    }

    /**
     * A wish is about whoever wishes: with {@code subjectAt: first} the person is judged at the wish, not at the
     * thing wished for ("I keep hoping the doctor finds something that takes me out").
     */
    @Test
    void subjectAtFirstJudgesThePersonAtTheRulesFirstWord() {
        String wishes = """
                {
                  "version": "test-2",
                  "categories": {
                    "SELF": {"role": "self", "terms": ["i", "me"]},
                    "OTHER": {"role": "other", "terms": ["the doctor", "she"]},
                    "DESIRE": {"terms": ["keep hoping"]},
                    "DEATH": {"terms": ["takes me out"]}
                  },
                  "rules": [
                    {"id": "wish-death", "level": "IDEATION", "all": ["DESIRE", "DEATH"], "person": "self"SUBJECT}
                  ]
                }
                """;
        String text = "i keep hoping the doctor finds something that takes me out";
        CrisisDetector atLast = new CrisisDetector(Lexicon.parse(json(wishes.replace("SUBJECT", ""))), null);
        CrisisDetector atFirst = new CrisisDetector(Lexicon.parse(json(wishes.replace("SUBJECT", ", \"subjectAt\": \"first\""))), null);
        assertEquals(CrisisLevel.NONE, atLast.detect(text).level());
        assertEquals(CrisisLevel.IDEATION, atFirst.detect(text).level());
        assertEquals(CrisisLevel.NONE, atFirst.detect("she keeps hoping the doctor finds something that takes me out").level());
        assertEquals("rule 'wish-death' has subjectAt 'middle'; expected 'first' or 'last'",
                problemWith(wishes.replace("SUBJECT", ", \"subjectAt\": \"middle\"")));
    }

    @Test
    void aDuplicateTermIsRejectedEvenWhenSpelledDifferently() {
        String message = problemWith(VALID.replace("\"terms\": [\"pills\"]", "\"terms\": [\"pills\", \"PILLS\"]"));
        assertTrue(message.startsWith("category 'MEANS' lists 'PILLS' twice"), message);
    }

    @Test
    void aTermWithPunctuationIsRejected() {
        String message = problemWith(VALID.replace("\"terms\": [\"pills\"]", "\"terms\": [\"pills!?\"]"));
        assertTrue(message.startsWith("category 'MEANS' term 'pills!?' normalises to"), message);
    }

    @Test
    void theHolderKeepsThePreviousLexiconWhenAReloadIsInvalid() {
        LexiconHolder holder = new LexiconHolder(Lexicon.parse(json(VALID)), null);
        CrisisDetector before = holder.detector();

        assertThrows(LexiconException.class, () -> holder.reload(json(VALID.replace("MEANS\", \"ACTION", "MEANZ\", \"ACTION"))));

        assertSame(before, holder.detector());
        assertEquals(CrisisLevel.IMMINENT, holder.detect("took 40 pills").level());
    }

    @Test
    void theHolderSwapsInAValidLexicon() {
        LexiconHolder holder = new LexiconHolder(Lexicon.parse(json(VALID)), null);
        String version = holder.reload(json(VALID.replace("test-1", "test-2").replace("\"pills\"", "\"tablets\"")))
                .lexicon().version();
        assertEquals("test-2", version);
        assertEquals(CrisisLevel.NONE, holder.detect("took 40 pills").level());
        assertEquals(CrisisLevel.IMMINENT, holder.detect("took 40 tablets").level());
    }

    /**
     * A lexicon of more than 64 categories: 63 fillers push every category a rule, a number, a modifier, an
     * {@code unless} and a suppression use past the first 64 (category sets are two 64-bit words).
     */
    private static String beyondSixtyFour(int fillers, String selfRole) {
        StringBuilder categories = new StringBuilder("\"SELF\": {\"terms\": [\"i\"], \"role\": \"self\"},\n");
        for (int i = 1; i <= fillers; i++) {
            categories.append("\"F").append(i).append("\": {\"terms\": [\"filler").append(i).append("\"]},\n");
        }
        return """
                {
                  "version": "test-wide",
                  "categories": {
                    %s
                    "MEANS": {"terms": ["pills"]},
                    "ACTION": {"terms": ["took"]},
                    "QUANTITY": {"terms": ["all"], "numbersFrom": 10},
                    "NEVER": {"terms": ["never"]},
                    "NOW": {"terms": ["until now"]%s},
                    "RETURNED": {"terms": ["took the pills back"], "suppresses": ["MEANS"]}
                  },
                  "rules": [
                    {"id": "overdose", "level": "IMMINENT", "all": ["MEANS", "ACTION"], "any": ["QUANTITY"], "person": "self"},
                    {"id": "mixed", "level": "IDEATION", "all": ["ACTION", "F1"]}
                  ],
                  "modifiers": [
                    {"id": "negation", "category": "NEVER", "scope": "sentence", "cap": "CONCERN", "unless": ["NOW"]}
                  ]
                }
                """.formatted(categories, selfRole);
    }

    @Test
    void categoriesBeyondTheSixtyFourthWorkInRulesNumbersModifiersAndSuppression() {
        Lexicon lexicon = Lexicon.parse(json(beyondSixtyFour(63, "")));
        assertEquals(70, lexicon.categoryNames().size());
        assertEquals(64, lexicon.categoryNames().indexOf("MEANS"));
        CrisisDetector detector = new CrisisDetector(lexicon, null);

        CrisisVerdict verdict = detector.detect("i took all the pills");
        assertEquals(CrisisLevel.IMMINENT, verdict.level());
        assertEquals(java.util.List.of("overdose"), verdict.rules());
        assertEquals(CrisisLevel.IMMINENT, detector.detect("i took 20 pills").level());
        assertEquals(CrisisLevel.NONE, detector.detect("i took 5 pills").level());
        assertEquals(CrisisLevel.NONE, detector.detect("filler3 filler40 filler63").level());
        assertEquals(CrisisLevel.CONCERN, detector.detect("i never took all the pills").level());
        assertEquals(CrisisLevel.IMMINENT, detector.detect("i never took all the pills, until now").level());
        // "pills" inside "took the pills back" is suppressed, so no means is left
        assertEquals(CrisisLevel.NONE, detector.detect("i took the pills back, all of them").level());
        // a rule of categories from both words, listed under its low one
        assertEquals(java.util.List.of("mixed"), detector.detect("i took filler1").rules());
        assertEquals(CrisisLevel.NONE, detector.detect("i took filler2").level());
    }

    @Test
    void aLexiconOfMoreThan128CategoriesOrAPersonCategoryBeyondTheSixtyFourthIsRefused() {
        assertEquals("the lexicon defines 129 categories; at most 128 are supported",
                problemWith(beyondSixtyFour(122, "")));
        assertEquals("category 'NOW' has a role; categories with a role must be among the first 64 (move it up the file)",
                problemWith(beyondSixtyFour(63, ", \"role\": \"other\"")));
    }

    private static final String DECIDED = """
            {
              "version": "test-decided",
              "categories": {
                "ACT": {"terms": ["end it"]},
                "WHEN": {"terms": ["friday"]}
              },
              "rules": [
                {"id": "decided", "level": "IMMINENT", "all": ["ACT", "WHEN"], "after": ["going to", "i'm"]}
              ],
              "modifiers": [
                {"id": "condition", "words": ["if", "every week"], "except": ["even if"], "scope": "sentence",
                 "cap": "IDEATION", "rules": ["decided"]}
              ]
            }
            """;

    @Test
    void aRuleWithAfterPhrasesFiresOnlyWhereItsFirstWordsFollowOne() {
        CrisisDetector detector = new CrisisDetector(Lexicon.parse(json(DECIDED)), null);

        assertEquals(java.util.List.of("decided"), detector.detect("going to end it on friday").rules());
        assertEquals(CrisisLevel.NONE, detector.detect("thinking about end it on friday").level());
        assertEquals(CrisisLevel.NONE, detector.detect("going to. end it on friday").level());
    }

    @Test
    void aModifierOfPlainWordsAppliesWhereTheyShareTheScopeAndNotInsideAnException() {
        CrisisDetector detector = new CrisisDetector(Lexicon.parse(json(DECIDED)), null);

        CrisisVerdict verdict = detector.detect("If it rains I'm going to end it on Friday");
        assertEquals(CrisisLevel.IDEATION, verdict.level());
        // the word is shown where it is in the post, with the modifier's id
        assertTrue(verdict.matches().contains(new CrisisMatch(0, 2, "If", "condition")), verdict.matches().toString());
        assertEquals(CrisisLevel.IDEATION, detector.detect("every week i'm going to end it on friday").level());
        assertEquals(CrisisLevel.IMMINENT, detector.detect("even if it rains i'm going to end it on friday").level());
        // another sentence is out of scope
        assertEquals(CrisisLevel.IMMINENT, detector.detect("what if. i'm going to end it on friday").level());
    }

    /** A screening question that caps taking pills in its clause; {@code more} adds to the modifier. */
    private static String askedLexicon(String more) {
        return """
                {
                  "version": "test-clause",
                  "normalisation": {"segmentBreakWords": ["but"]},
                  "categories": {
                    "PILLS": {"terms": ["pills"]},
                    "TOOK": {"terms": ["took"]},
                    "ASKED": {"terms": ["asked if"]}
                  },
                  "rules": [{"id": "took-pills", "level": "IMMINENT", "all": ["TOOK", "PILLS"]}],
                  "modifiers": [{"id": "asked", "category": "ASKED", "scope": "clause", "cap": "CONCERN"%s}]
                }
                """.formatted(more);
    }

    @Test
    void aClauseEndsAtATurnWordButNotAtACommaOrInAnotherSentence() {
        CrisisDetector detector = new CrisisDetector(Lexicon.parse(json(askedLexicon(""))), null);

        assertEquals(CrisisLevel.CONCERN, detector.detect("she asked if I took the pills, and I said no").level());
        assertEquals(CrisisLevel.CONCERN, detector.detect("I took the pills, she asked if I was ok").level());
        assertEquals(CrisisLevel.IMMINENT, detector.detect("she asked if I was ok and I said yes but I took the pills").level());
        assertEquals(CrisisLevel.IMMINENT, detector.detect("I took the pills but she asked if I was ok").level());
        assertEquals(CrisisLevel.IMMINENT, detector.detect("she asked if I was ok. I took the pills").level());
    }

    @Test
    void aClauseAlsoEndsAtOneOfItsModifiersUntilPhrases() {
        String lexicon = askedLexicon(", \"until\": [\"said no\", \"i lied\"]");
        CrisisDetector detector = new CrisisDetector(Lexicon.parse(json(lexicon)), null);

        // the answer ends the question: what follows is the writer's own statement
        assertEquals(CrisisLevel.IMMINENT, detector.detect("she asked if I was ok, I said no, I took the pills").level());
        assertEquals(CrisisLevel.IMMINENT, detector.detect("she asked if I was ok and I lied, I took the pills").level());
        // the question's own words are still framed by it, the answer after them included
        assertEquals(CrisisLevel.CONCERN, detector.detect("she asked if I took the pills, and I said no").level());
        // an answer elsewhere does not end this clause
        assertEquals(CrisisLevel.CONCERN, detector.detect("I said no. she asked if I took all the pills").level());

        assertEquals("modifier 'asked' has 'until', which ends a clause; its scope is 'sentence'",
                problemWith(lexicon.replace("\"scope\": \"clause\"", "\"scope\": \"sentence\"")));
    }

    @Test
    void wordsAndAfterPhrasesAreChecked() {
        assertEquals("modifier 'condition' needs exactly one of 'category' (scanned for in every post) or 'words' "
                + "(looked for only when one of its rules fires)",
                problemWith(DECIDED.replace("\"words\": [\"if\", \"every week\"],", "\"words\": [\"if\"], \"category\": \"ACT\",")));
        assertEquals("modifier 'condition' has 'words', which are looked for in a sentence or a segment; its scope is "
                + "'preceding'", problemWith(DECIDED.replace("\"scope\": \"sentence\"", "\"scope\": \"preceding\"")));
        assertEquals("rule 'decided' has an empty 'after' list; remove it or name at least one phrase",
                problemWith(DECIDED.replace("\"after\": [\"going to\", \"i'm\"]", "\"after\": []")));
        assertEquals("modifier 'condition' word 'if*' ends in *; these are whole words",
                problemWith(DECIDED.replace("[\"if\", \"every week\"]", "[\"if*\"]")));
    }
}
