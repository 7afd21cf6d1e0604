package org.haven.crisis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class WordModelTest {

    /**
     * A hand-written model: "lookout" and the pair "not coming" push towards a crisis, "parked the" towards
     * IMMINENT, "photos" away from both. With one feature present a text's vector is that feature alone (unit
     * length), so its probability is sigmoid(intercept + weight).
     */
    private static final String TINY = """
            # a model for tests
            version\ttest
            threshold\tideation\t0.7
            threshold\timminent\t0.7
            intercept\t-3\t-4
            feature\tidf\tw_crisis\tw_imminent
            lookout\t1\t5\t0
            not coming\t1\t4\t2
            parked the\t1\t3\t6
            photos\t1\t-8\t-8
            """;

    private static WordModel model(String text) {
        return WordModel.parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static String problemWith(String text) {
        return assertThrows(LexiconException.class, () -> model(text)).getMessage();
    }

    private final Lexicon lexicon = Lexicon.loadDefault();
    private final CrisisDetector withTinyModel = new CrisisDetector(lexicon, model(TINY));

    /** A rule id misspelt in the trainer's lists would protect nothing, or let the model overrule nothing. */
    @Test
    void theTrainersRuleListsNameRulesOfTheLexicon() {
        Set<String> ids = new TreeSet<>();
        Lexicon.loadDefault().rules().forEach(rule -> ids.add(rule.id()));
        Set<String> named = new TreeSet<>(WordModelTrainer.NEVER_OVERRULED);
        named.addAll(WordModelTrainer.SHIPPED.overrulable());
        named.removeAll(ids);
        assertTrue(named.isEmpty(), "not rules of the lexicon: " + named);
        Set<String> both = new TreeSet<>(WordModelTrainer.NEVER_OVERRULED);
        both.retainAll(WordModelTrainer.SHIPPED.overrulable());
        assertTrue(both.isEmpty(), "overrulable although never to be overruled: " + both);
    }

    @Test
    void theModelRaisesWhatTheRulesMissAndShowsWhichWordsWeighed() {
        String text = "Sitting at the LOOKOUT again";
        assertEquals(CrisisLevel.NONE, new CrisisDetector(lexicon, null).detect(text).level());

        CrisisVerdict verdict = withTinyModel.detect(text);

        assertEquals(CrisisLevel.IDEATION, verdict.level());
        assertEquals(List.of(CrisisDetector.MODEL_IDEATION), verdict.rules());
        // the span is in the original text, upper case and all
        assertEquals(List.of(new CrisisMatch(15, 22, "LOOKOUT", CrisisDetector.MODEL_IDEATION)), verdict.matches());
    }

    @Test
    void aWordPairCanRaiseToImminent() {
        CrisisVerdict verdict = withTinyModel.detect("parked  the car tonight");

        assertEquals(CrisisLevel.IMMINENT, verdict.level());
        assertEquals(List.of(CrisisDetector.MODEL_IMMINENT), verdict.rules());
        assertEquals("parked  the", verdict.matches().get(0).text());
    }

    @Test
    void theModelIsOnlyAskedWhenTheScanFoundWordsTheRulesUse() {
        // "tonight" is rule vocabulary (a time); without it nothing in the text is, and the model is not asked
        assertEquals(CrisisLevel.NONE, withTinyModel.detect("parked  the car").level());
    }

    @Test
    void aVeryShortTextIsNotBlownUpToTheWeightOfAWholePost() {
        // alone, "lookout" would be a unit vector (z = -3 + 5); divided by at least 3 it stays below the threshold
        WordModel damped = model(TINY.replace("intercept\t-3\t-4\n", "intercept\t-3\t-4\nminimum-norm\t3\n"));
        assertEquals(CrisisLevel.NONE, new CrisisDetector(lexicon, damped).detect("Sitting at the LOOKOUT again").level());
    }

    @Test
    void wordsThatPullTheOtherWayKeepTheVerdict() {
        assertEquals(CrisisLevel.NONE, withTinyModel.detect("took photos at the lookout").level());
    }

    @Test
    void theModelNeverLowersOrReplacesTheRulesVerdict() {
        // IMMINENT by the rules; the model's words are absent, so it would say NONE
        CrisisVerdict rules = new CrisisDetector(lexicon, null).detect("i took 40 pills an hour ago");
        assertEquals(CrisisLevel.IMMINENT, rules.level());
        assertEquals(rules, withTinyModel.detect("i took 40 pills an hour ago"));
        // IDEATION by the rules, and the model agrees at IDEATION: the rules' explanation stays
        CrisisVerdict wish = new CrisisDetector(lexicon, null).detect("i want to die at the lookout");
        assertEquals(CrisisLevel.IDEATION, wish.level());
        assertEquals(wish, withTinyModel.detect("i want to die at the lookout"));
    }

    /**
     * TINY with an escalation threshold of 0.4; alone, "the keys" is IMMINENT with probability 0.5 and crisis 0.05,
     * "car keys" is IMMINENT 0.5 and crisis 0.88.
     */
    private static final String ESCALATING = TINY.replace("threshold\timminent\t0.7\n",
            "threshold\timminent\t0.7\nthreshold\tescalation\t0.4\n") + "the keys\t1\t0\t4\ncar keys\t1\t5\t4\n";

    @Test
    void aCrisisTheRulesFoundIsTakenAsImminentAtTheLowerEscalationThreshold() {
        String text = "i want to die. left the keys on the table";
        CrisisVerdict rules = new CrisisDetector(lexicon, null).detect(text);
        assertEquals(CrisisLevel.IDEATION, rules.level());
        // without an escalation line the threshold is the imminent one, 0.7, and 0.5 does not reach it
        assertEquals(rules, new CrisisDetector(lexicon, model(ESCALATING.replace("threshold\tescalation\t0.4\n", ""))).detect(text));

        CrisisVerdict verdict = new CrisisDetector(lexicon, model(ESCALATING)).detect(text);

        assertEquals(CrisisLevel.IMMINENT, verdict.level());
        // the rules' explanation stays beside the model's
        List<String> expected = new java.util.ArrayList<>(List.of(CrisisDetector.MODEL_IMMINENT));
        expected.addAll(rules.rules());
        assertEquals(expected, verdict.rules());
        assertTrue(verdict.matches().containsAll(rules.matches()));
        assertTrue(verdict.matches().stream().anyMatch(m -> m.text().equals("the keys")
                && m.ruleId().equals(CrisisDetector.MODEL_IMMINENT)));
    }

    @Test
    void escalationRaisesNoPostThatIsNotAlreadyACrisis() {
        // "tonight" has the model asked; "the keys" alone is 0.5 IMMINENT but nothing says crisis
        assertEquals(CrisisLevel.NONE, new CrisisDetector(lexicon, model(ESCALATING)).detect("left the keys on the table tonight").level());
        // where the model itself finds a crisis, its IMMINENT probability is weighed at the escalation threshold too
        String text = "lost my car keys tonight";
        assertEquals(CrisisLevel.NONE, new CrisisDetector(lexicon, null).detect(text).level());
        assertEquals(CrisisLevel.IMMINENT, new CrisisDetector(lexicon, model(ESCALATING)).detect(text).level());
        assertEquals(CrisisLevel.IDEATION, new CrisisDetector(lexicon,
                model(ESCALATING.replace("threshold\tescalation\t0.4\n", ""))).detect(text).level());
    }

    /** TINY, doubting the rule that fires on a means at hand ("up on the roof") when both probabilities are below 0.1. */
    private static final String OVERRULING = TINY.replace("threshold\timminent\t0.7\n",
            "threshold\timminent\t0.7\nthreshold\toverrule\t0.1\noverrule\tmeans-action-now\n");

    @Test
    void aVerdictOfRulesTheModelMayOverruleIsHeldAtConcernWhenTheModelFindsNoCrisis() {
        String text = "up on the roof with a camera";
        CrisisVerdict rules = new CrisisDetector(lexicon, null).detect(text);
        assertEquals(CrisisLevel.IMMINENT, rules.level());
        assertEquals(List.of("means-action-now"), rules.rules());
        assertEquals(rules, withTinyModel.detect(text), "a model without an overrule line never lowers");

        CrisisVerdict doubted = new CrisisDetector(lexicon, model(OVERRULING)).detect(text);

        // no TINY feature is in the text: crisis 0.05 and IMMINENT 0.02, both below 0.1
        assertEquals(CrisisLevel.CONCERN, doubted.level(), "still a care item for moderators, never nothing");
        assertEquals(List.of(CrisisDetector.MODEL_DOUBT, "means-action-now"), doubted.rules());
        assertEquals(rules.matches(), doubted.matches(), "the moderator sees what the rule found");
    }

    @Test
    void theModelOverrulesNothingItFindsLikelyNorRulesItMayNotOverrule() {
        CrisisDetector overruling = new CrisisDetector(lexicon, model(OVERRULING));
        // "lookout" makes a crisis likely (0.88): no doubt
        assertEquals(CrisisLevel.IMMINENT, overruling.detect("up on the roof with a camera at the lookout").level());
        // a wish to die is a rule the model may not overrule: the verdict falls only to what that rule says
        CrisisVerdict wish = overruling.detect("up on the roof with a camera, i want to die");
        assertEquals(CrisisLevel.IDEATION, wish.level());
        assertEquals(CrisisDetector.MODEL_DOUBT, wish.rules().get(0));
        assertTrue(wish.rules().contains("means-action-now") && wish.rules().size() > 2, wish.rules().toString());
        // rules it may not overrule at the same level keep the verdict as it was, explanation and all
        String both = "up on the roof with a camera. i took 40 pills an hour ago";
        CrisisVerdict rules = new CrisisDetector(lexicon, null).detect(both);
        assertTrue(rules.rules().contains("means-action-now") && rules.rules().contains("overdose-taken"), rules.rules().toString());
        assertEquals(rules, overruling.detect(both));
    }

    /**
     * A thread's scratch stamps each count with the number of the call that wrote it, in 16 bits, and clears the
     * stamps when the number comes round again: a count left from the first call must not be read as this text's
     * when the numbering wraps. The texts between the two calls share no feature with them, and their number is
     * varied around 2^16 so that one of the second calls falls on the wrap.
     */
    @Test
    void aScratchReusedForEveryTextCountsEachTextAfresh() {
        WordModel tiny = model(TINY);
        Words lookout = words("sitting at the lookout");
        Words photos = words("photos photos");
        WordModel.Opinion fresh = tiny.score(lookout, new WordModel.Scratch(), CrisisLevel.NONE);
        assertEquals(CrisisLevel.IDEATION, fresh.level()); // so that the words that weighed are read back too
        double photosFresh = tiny.score(photos, new WordModel.Scratch(), CrisisLevel.NONE).crisis();
        for (int between = (1 << 16) - 4; between <= (1 << 16) + 4; between++) {
            WordModel.Scratch reused = new WordModel.Scratch();
            assertSameOpinion(fresh, tiny.score(lookout, reused, CrisisLevel.NONE), "first text");
            for (int call = 0; call < between; call++) {
                double again = tiny.score(photos, reused, CrisisLevel.NONE).crisis();
                if (again != photosFresh) {
                    assertEquals(photosFresh, again, "call " + call);
                }
            }
            assertSameOpinion(fresh, tiny.score(lookout, reused, CrisisLevel.NONE), between + " texts between");
        }
    }

    private static void assertSameOpinion(WordModel.Opinion expected, WordModel.Opinion actual, String when) {
        assertEquals(expected.crisis(), actual.crisis(), when);
        assertEquals(expected.imminent(), actual.imminent(), when);
        assertTrue(Arrays.deepEquals(expected.spans(), actual.spans()), when + ": " + Arrays.deepToString(actual.spans()));
    }

    /** Counts stop at 65,535, far past any post, rather than spilling into the stamp and starting again at 0. */
    @Test
    void aWordRepeatedPastTheLargestCountScoresAsAtThatCount() {
        WordModel tiny = model(TINY);
        double atMost = tiny.score(words("lookout photos " + "lookout ".repeat(65_534)), new WordModel.Scratch(),
                CrisisLevel.NONE).crisis();
        double beyond = tiny.score(words("lookout photos " + "lookout ".repeat(70_000)), new WordModel.Scratch(),
                CrisisLevel.NONE).crisis();
        double lower = tiny.score(words("lookout photos " + "lookout ".repeat(30_000)), new WordModel.Scratch(),
                CrisisLevel.NONE).crisis();
        assertEquals(atMost, beyond);
        assertTrue(lower < atMost, lower + " < " + atMost); // repeats still count up to there
    }

    private Words words(String text) {
        NormalisedText normalised = lexicon.normaliser().normalise(text);
        return new Words().collect(normalised.chars(), normalised.length());
    }

    @Test
    void aMalformedModelIsRejectedWithTheLine() {
        assertEquals("word model line 7: expected 4 tab-separated fields, found 3",
                problemWith(TINY.replace("lookout\t1\t5\t0", "lookout\t1\t5")));
        assertEquals("word model line 7: 'five' is not a number", problemWith(TINY.replace("\t5\t0", "\tfive\t0")));
        assertEquals("word model: thresholds must lie strictly between 0 and 1",
                problemWith(TINY.replace("ideation\t0.7", "ideation\t1.5")));
        assertEquals("word model: version, intercept and both thresholds are required",
                problemWith(TINY.replace("threshold\timminent\t0.7\n", "")));
        assertTrue(problemWith(TINY + "lookout\t1\t1\t1\n").contains("'lookout' is listed twice"));
        // a slot's idf bits mark it as taken even where its 32-bit check is 0 (the trainer's idf is at least 1)
        assertEquals("word model: feature 'lookout' has an idf that is not positive",
                problemWith(TINY.replace("lookout\t1\t5\t0", "lookout\t0\t5\t0")));
        // a slot keeps 32 bits of its feature's key; these two (found by search) share them and their first slot
        // in a table of 16, so the second would read as the first
        assertEquals("word model: feature 'bdxfa' shares its 32-bit check with another in its probe sequence;"
                + " retrain without one of them", problemWith(TINY + "wri\t1\t1\t1\nbdxfa\t1\t2\t2\n"));
        // with the same weights too: the two would still share one count
        assertEquals("word model: feature 'bdxfa' shares its 32-bit check with another in its probe sequence;"
                + " retrain without one of them", problemWith(TINY + "wri\t1\t1\t1\nbdxfa\t1\t1\t1\n"));
        assertEquals("word model: the escalation threshold must not exceed the imminent one",
                problemWith(ESCALATING.replace("escalation\t0.4", "escalation\t0.8")));
        assertEquals("word model: thresholds must lie strictly between 0 and 1",
                problemWith(ESCALATING.replace("escalation\t0.4", "escalation\t0")));
        assertEquals("word model line 5: unknown threshold 'urgent'",
                problemWith(ESCALATING.replace("escalation\t0.4", "urgent\t0.4")));
        String together = "word model: an overrule threshold between 0 and 1 and the rules it applies to come together";
        assertEquals(together, problemWith(OVERRULING.replace("overrule\tmeans-action-now\n", "")));
        assertEquals(together, problemWith(OVERRULING.replace("threshold\toverrule\t0.1\n", "")));
        assertEquals(together, problemWith(OVERRULING.replace("overrule\t0.1", "overrule\t1.5")));
    }

    @Test
    void afterTheHeaderEveryLineIsAFeatureEvenOneSpelledLikeASetting() {
        WordModel withKeywords = model(TINY + "intercept\t1\t0\t0\nthreshold\t1\t0\t0\n");
        assertEquals(6, withKeywords.features());
        // the intercepts are still the file's: "lookout" alone still raises
        assertEquals(CrisisLevel.IDEATION, new CrisisDetector(lexicon, withKeywords).detect("Sitting at the LOOKOUT again").level());
        assertEquals("word model line 2: unknown setting 'versoin' before the feature header",
                problemWith(TINY.replace("version\ttest", "versoin\ttest")));
    }

    @Test
    void featuresAreWordsAndAdjacentPairsIncludingPunctuation() {
        NormalisedText text = lexicon.normaliser().normalise("Gas on. Not lit");
        assertEquals(Map.of("gas", 1, "on", 1, ".", 1, "not", 1, "lit", 1, "gas on", 1, "on .", 1, ". not", 1,
                "not lit", 1), WordModelTrainer.counts(text));
        // the hash the model looks up is the hash of the spelling the trainer wrote
        Map<Long, String> keys = new HashMap<>();
        WordModel.forEachFeature(text.chars(), text.length(), (key, s1, e1, s2, e2) -> keys.put(key,
                s2 < 0 ? text.toString().substring(s1, e1) : text.toString().substring(s1, e1) + " " + text.toString().substring(s2, e2)));
        keys.forEach((key, name) -> assertEquals(WordModel.key(name), key, name));
    }

    /**
     * The normaliser records the words as it writes them, for the scan and the model; they must be exactly the
     * words the plain definition finds in what it wrote, which is what the trainer learned from.
     */
    @Test
    void theNormaliserRecordsTheSameWordsAsThePlainDefinition() {
        List<String> texts = new java.util.ArrayList<>();
        LabelledPost.load("/crisis/devset.jsonl").forEach(p -> texts.add(p.text()));
        texts.addAll(List.of("", "...", "ÉCOLE, très bien. 42 pills at 4am!!", "kms lol", "s u i c i d e", "tablets, 800mg",
                "k.i.l.l me, . but why", "i'm done but, tired", "'quoted' words'' and k!ll $uicide h@te", "sooooo tiiired",
                "ok kms rn 💊💊 ok", "a , , . b!! c", "th1s is 4 u", "no but no although yes"));
        for (String original : List.copyOf(texts)) {
            texts.add(original.toUpperCase(java.util.Locale.ROOT) + " 💊 ｋｉｌｌ");
        }
        for (String original : texts) {
            NormalisedText text = lexicon.normaliser().normalise(original);
            Words recorded = text.words();
            Words plain = new Words().collect(text.chars(), text.length());
            assertEquals(plain.size, recorded.size, original);
            assertEquals(Arrays.toString(Arrays.copyOf(plain.key, plain.size)), Arrays.toString(Arrays.copyOf(recorded.key, recorded.size)), original);
            assertEquals(Arrays.toString(Arrays.copyOf(plain.start, plain.size)), Arrays.toString(Arrays.copyOf(recorded.start, recorded.size)), original);
            assertEquals(Arrays.toString(Arrays.copyOf(plain.end, plain.size)), Arrays.toString(Arrays.copyOf(recorded.end, recorded.size)), original);
        }
    }

    /** The shipped lexicon with one slang entry changed, as a moderator might edit it. */
    private static Lexicon lexiconWithSlangEdited() {
        String edited = LexiconEdits.withSlangAdded(lexiconJson());
        return Lexicon.parse(new ByteArrayInputStream(edited.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void theShippedModelReadsWordsAsTheShippedLexiconSpellsThem() {
        assertTrue(new CrisisDetector(lexicon).modelWarning().isEmpty());
        // a lexicon edit that leaves slang, emoji and segment breaks alone (another trigger term) needs no retraining
        String json = lexiconJson();
        String withTerm = json.replaceFirst("\"terms\": \\[", "\"terms\": [\"zzzyzx\", ");
        assertTrue(!withTerm.equals(json), "the lexicon has no terms list to add to");
        assertTrue(WordModel.loadDefault().matches(
                Lexicon.parse(new ByteArrayInputStream(withTerm.getBytes(StandardCharsets.UTF_8))).normaliser()));
    }

    @Test
    void aSlangEditAsksForRetrainingAndKeepsTheModelInUse() {
        Lexicon edited = lexiconWithSlangEdited();
        CrisisDetector detector = new CrisisDetector(edited);

        String warning = detector.modelWarning().orElseThrow();
        assertTrue(warning.startsWith("Retrain crisis word model " + WordModel.loadDefault().version()), warning);
        assertTrue(warning.contains("lexicon " + edited.version()), warning);
        // still the second opinion: a post only the model catches is still raised, as with the shipped lexicon
        String text = "i have the whole bottle here and nobody is home tonight";
        assertEquals(CrisisLevel.NONE, new CrisisDetector(edited, null).detect(text).level());
        assertEquals(List.of(CrisisDetector.MODEL_IMMINENT), detector.detect(text).rules());
        assertEquals(new CrisisDetector(lexicon).detect(text), detector.detect(text));
        // a file that does not say which normaliser it was trained with is taken to match
        assertTrue(model(TINY).matches(edited.normaliser()));
    }

    private static String lexiconJson() {
        try (var in = Lexicon.class.getResourceAsStream("/crisis/lexicon.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * The trainer chooses thresholds on {@code Scored.level}, its copy of the detector's decision; its figures are
     * only the detector's if the two agree, raising, escalating and doubting alike.
     */
    @Test
    void theTrainersDecisionIsTheDetectorsOnTheLookalikeSets() {
        List<WordModelTrainer.Example> posts = WordModelTrainer.load(lexicon, WordModelTrainer.SETS,
                name -> name.equals("train-k") || name.equals("train-m") || name.equals("train-n"));
        CrisisDetector shipped = new CrisisDetector(lexicon);
        List<WordModelTrainer.Scored> scored = WordModelTrainer.score(lexicon, new CrisisDetector(lexicon, null),
                CrisisDetector.shippedModel(), posts);
        int doubted = 0;
        for (WordModelTrainer.Scored post : scored) {
            CrisisLevel level = post.level(WordModelTrainer.SHIPPED);
            assertEquals(shipped.detect(post.post().text()).level(), level, post.post().set());
            doubted += post.rules().atLeast(CrisisLevel.IDEATION) && level.compareTo(post.rules()) < 0 ? 1 : 0;
        }
        assertTrue(doubted > 0, "the sets exercise the overruling");
    }

    /**
     * The shipped model must be the one the labelled sets produce: a set added or relabelled without retraining
     * fails here. Compared with a tolerance, because the last printed digit may differ between JVMs.
     */
    @Test
    void theShippedModelIsTheOneTheSetsTrain() throws Exception {
        List<WordModelTrainer.Example> training = WordModelTrainer.load(lexicon, WordModelTrainer.SETS,
                name -> !name.contains("untuned"));
        String retrained = WordModelTrainer.train(training).write(training);
        String shipped;
        try (var in = WordModel.class.getResourceAsStream(WordModel.DEFAULT_RESOURCE)) {
            shipped = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String[] a = retrained.split("\n");
        String[] b = shipped.split("\n");
        assertEquals(a.length, b.length, "retrain with WordModelTrainer (see README): the feature count differs");
        for (int i = 0; i < a.length; i++) {
            if (a[i].equals(b[i])) {
                continue;
            }
            String[] x = a[i].split("\t");
            String[] y = b[i].split("\t");
            assertEquals(x[0], y[0], "retrain with WordModelTrainer (see README): line " + (i + 1));
            if (x[0].equals("normaliser")) {
                assertEquals(x[1], y[1], "the lexicon's slang, emoji or segment-break words changed: retrain with "
                        + "WordModelTrainer (see README)");
                continue;
            }
            assertEquals(x.length, y.length, "line " + (i + 1));
            for (int k = 1; k < x.length; k++) {
                assertEquals(Double.parseDouble(x[k]), Double.parseDouble(y[k]), 1e-3,
                        "retrain with WordModelTrainer (see README): line " + (i + 1) + " " + Arrays.toString(y));
            }
        }
    }

    /**
     * A reviewer who knew the lexicon and the model wrote 206 crisis posts against the model's doubt (crises buried
     * in meetings, sponsors and days sober, whose words pull the model's probabilities down), and 60 harmless
     * lookalikes (README: "Tried and reverted: more rules for the model to doubt"). The posts are kept out of the
     * training sets (a folder of their own) so that they stay a test: whatever the trainer chooses, no crisis post
     * of theirs may lose its help panel to a doubt. The detector raised 192 when they were written (195 with lexicon
     * 2026.12.4; a label review then made one of them a past attempt, CONCERN, leaving 205) and doubts none; letting
     * it doubt
     * "end it" alone and a goodbye with pills or a weapon, below 0.15, took 53 of them to CONCERN.
     */
    @Test
    void theModelDoubtsNoCrisisPostOfTheReviewersSetWrittenAgainstItsDoubt() {
        CrisisDetector detector = new CrisisDetector(lexicon);
        List<String> doubted = new java.util.ArrayList<>();
        int crisis = 0;
        int raised = 0;
        for (LabelledPost post : LabelledPost.load("/crisis/adversarial/doubt-review.jsonl")) {
            if (!post.label().atLeast(CrisisLevel.IDEATION)) {
                continue;
            }
            crisis++;
            CrisisVerdict verdict = detector.detect(post.text());
            raised += verdict.level().atLeast(CrisisLevel.IDEATION) ? 1 : 0;
            if (verdict.rules().contains(CrisisDetector.MODEL_DOUBT)) {
                doubted.add(verdict.rules() + " " + post.text());
            }
        }
        System.out.println("reviewer's set against the doubt: " + raised + " of " + crisis + " crisis posts raised, "
                + doubted.size() + " doubted");
        assertEquals(205, crisis, "the reviewer's set changed");
        assertEquals(List.of(), doubted);
    }
}
