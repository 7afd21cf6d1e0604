package org.haven.crisis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class CrisisDetectorTest {

    private final CrisisDetector detector = new CrisisDetector(Lexicon.loadDefault());
    /** The rules without the word model, for tests of what the scan and the rules do on their own. */
    private final CrisisDetector rules = new CrisisDetector(Lexicon.loadDefault(), null);

    private CrisisLevel levelOf(String text) {
        return detector.detect(text).level();
    }

    @Test
    void recoveryVocabularyAloneIsNone() {
        for (String text : List.of(
                "relapsed last night, back at a meeting today",
                "been using fentanyl again, need to get into detox",
                "got so drunk and high at the party, day 1 again",
                "picked up narcan at the pharmacy, everyone should carry it",
                "my pills got switched to a new brand",
                "two years ago I overdosed and today I'm 2 years clean")) {
            assertEquals(CrisisLevel.NONE, levelOf(text), text);
        }
    }

    @Test
    void pillsTakenAreImminent() {
        CrisisVerdict verdict = detector.detect("i took all my pills and i'm scared");
        assertEquals(CrisisLevel.IMMINENT, verdict.level());
        assertFalse(verdict.rules().isEmpty());
    }

    @Test
    void overdoseInProgressAndSomeoneElseInDangerAreImminent() {
        assertEquals(CrisisLevel.IMMINENT, levelOf("i think i used way too much and i can't feel my hands"));
        assertEquals(CrisisLevel.IMMINENT, levelOf("my brother isn't breathing and his lips are blue"));
        assertEquals(CrisisLevel.IMMINENT, levelOf("goodbye everyone, this is my last post"));
        assertEquals(CrisisLevel.IMMINENT, levelOf("how many pills to not wake up"));
    }

    @Test
    void wishToDieIsIdeation() {
        assertEquals(CrisisLevel.IDEATION, levelOf("honestly I just want to die"));
        assertEquals(CrisisLevel.IDEATION, levelOf("everyone would be better off without me"));
        assertEquals(CrisisLevel.IDEATION, levelOf("im gonna kms if i relapse again"));
    }

    @Test
    void triggersOnlyStartAtTheStartOfAWord() {
        // "die" ends "studie", "end it" ends "spend it": the scan starts patterns at word starts only
        assertEquals(CrisisLevel.NONE, rules.detect("i want to spend it all on my studies").level());
        assertEquals(CrisisLevel.IDEATION, levelOf("i want to end it all"));
    }

    @Test
    void someoneUnreachableAfterAGoodbyeIsImminent() {
        assertEquals(CrisisLevel.IMMINENT,
                levelOf("my sister posted a goodbye on her story and now she isn't picking up"));
        assertEquals(CrisisLevel.NONE, levelOf("my sponsor isn't picking up, probably at work"));
    }

    @Test
    void pillsAnAmountAndMomentsAgoAreImminentEvenInFragments() {
        assertEquals(CrisisLevel.IMMINENT, levelOf("Tylenol. Whole bottle. An hour ago."));
    }

    /**
     * Everyday wishes, plans and times ("I want to", "tonight", "all of you") once fooled the word model into
     * IDEATION and IMMINENT; a training set of such posts fixed most of it. Two known cases remain (README).
     */
    @Test
    void everydayWishesPlansAndTimesAreNotRaised() {
        List<String> everyday = List.of("I want to learn to cook", "I want to be a nurse one day", "i want to learn guitar",
                "i want to stop drinking for good", "i want to go to the gym tonight", "i can't wait for tonight",
                "can't wait to see you all tonight", "I want to get my license back this year", "i wanna go back to school",
                "I'm done with that job, starting the new one monday", "Finally ready for court tomorrow, wish me luck",
                "I want to call my mum tonight and tell her I'm 30 days clean", "tired of cravings but still here and still sober",
                "that was the last time I set foot in that bar", "gave away all my old bottles today, feels good",
                "I want all of you to know how much this group helped me", "tonight's meeting was the best one yet",
                "i want to sleep for a week lol", "I want to tell my sponsor everything tonight",
                "over it with the weather, going for a walk anyway", "I'm quitting vaping for good this time",
                "anyone want to do an online meeting tonight?", "I want to get better at saying no",
                "done with excuses. going to my first meeting tonight", "i want my life back",
                "how much does suboxone cost without insurance", "I want everyone here to have a good weekend",
                "all of my friends drink, how do I handle parties", "tonight I'm going to my first AA meeting, nervous",
                "can't wait to get my 1 year chip next month", "I want to thank everyone who replied to my post",
                "how many days until the cravings stop?", "took my kids to the park today, first time sober",
                "i'm so done with winter", "finally slept through the night", "my last day at the old job is friday",
                "i want to be the dad my kids deserve", "going all in on recovery this time",
                "had a rough night but made it to morning", "I need to get out of this town and start over",
                "how do I tell my boss I was in rehab", "my wife wants me to go to couples counseling tonight",
                "is it normal to feel this tired in week two", "I just want to feel normal again",
                "bought a new journal, going to write every night");
        List<String> raised = everyday.stream()
                .filter(text -> levelOf(text).compareTo(CrisisLevel.IDEATION) >= 0).toList();
        System.out.println("everyday sentences raised: " + raised);
        assertTrue(raised.size() <= 2, raised.size() + " of " + everyday.size() + " raised: " + raised);
    }

    /**
     * Lexicon 2026.12.4: a reviewer's posts (crisis/adversarial) showed the "-ing" forms of two methods meeting no
     * rule while "drown myself" and "finish myself off" did; "drowning myself in" anything but water is an idiom.
     */
    @Test
    void drowningMyselfAndFinishingMyselfOffAreActsButDrowningMyselfInWorkIsAnIdiom() {
        assertEquals(CrisisLevel.IDEATION, rules.detect("came home and researched drowning myself for two hours").level());
        assertEquals(CrisisLevel.IDEATION, rules.detect("sat on the edge of the tub thinking about drowning myself in it").level());
        assertEquals(CrisisLevel.IMMINENT, rules.detect("i'm drowning myself in the river tonight").level());
        assertEquals(CrisisLevel.IDEATION, rules.detect("couldn't stop thinking about finishing myself off").level());
        assertEquals(CrisisLevel.NONE, rules.detect("Bye bye vodka, hello 90 days. Drowning myself in sparkling water instead.").level());
        assertEquals(CrisisLevel.NONE, rules.detect("drowning myself in work so i don't think about the bottle").level());
        // lexicon 2026.12.6: the same for "drown myself in"
        assertEquals(CrisisLevel.NONE, rules.detect("Going to drown myself in paperwork tomorrow, insurance renewal day").level());
        assertEquals(CrisisLevel.IMMINENT, rules.detect("i'm going to drown myself in the river tomorrow").level());
    }

    /**
     * Lexicon 2026.12.5: an act said as a decision (right after "going to", "i'm", "i'll"...) with a day or a time is
     * IMMINENT, as it was with "tonight". A condition, a habit or a thought keeps it at IDEATION, a negation or a joke
     * at CONCERN, and an idiom that cancels the act cancels the rule. Before, "I'm going to hang myself on Saturday"
     * was IDEATION.
     */
    @Test
    void anActDecidedForATimeAheadIsImminentUnlessItIsAConditionAThoughtANegationOrAJoke() {
        assertEquals(List.of("intent-when"), rules.detect("I'm going to hang myself on Saturday.").rules());
        assertEquals(CrisisLevel.IMMINENT, rules.detect("finna end it after my shift").level());
        assertEquals(CrisisLevel.IMMINENT, rules.detect("I'm ending it tomorrow, even if nobody believes me").level());
        assertEquals(CrisisLevel.IDEATION, rules.detect("if court goes bad on friday i'm ending it").level());
        assertEquals(CrisisLevel.IDEATION, rules.detect("Should the judge give me the full sentence on Monday, I'm going to kill myself.").level());
        assertEquals(CrisisLevel.IDEATION, rules.detect("every friday night I think about ending it").level());
        assertEquals(CrisisLevel.IDEATION, rules.detect("I keep thinking about ending it on Sunday").level());
        assertEquals(CrisisLevel.IDEATION, rules.detect("i'll be ending it soon").level());
        assertEquals(CrisisLevel.CONCERN, rules.detect("tax return due tomorrow, i'm going to kill myself lol").level());
        assertEquals(CrisisLevel.CONCERN, rules.detect("Had a rough Friday but I'm not going to kill myself, tomorrow is a new day").level());
        assertEquals(CrisisLevel.CONCERN, rules.detect("my brother says he'll end it on friday").level());
        assertEquals(CrisisLevel.NONE, rules.detect("Next Friday I'm going to end it with my sponsor, she's been useless").level());
    }

    /**
     * Lexicon 2026.12.7. "Ready to go" and "ready to die" are a wish of the writer's own, not a grandmother's (they
     * were counted as a wish whoever said them); screening questions at a check-up are asked, not said; a burden
     * felt "when I first walked in" is history; an urge that is gone and a last night in rehab are not a farewell.
     * A reviewer showed that taking the farewell out of "wrote my will" loses emergencies, so an arrangement alone
     * is still one (see the crisis test-data README).
     */
    @Test
    void aWishIsTheWritersOwnAndScreeningQuestionsAreAsked() {
        assertEquals(CrisisLevel.IDEATION, rules.detect("honestly i'm ready to go").level());
        assertEquals(CrisisLevel.IDEATION, rules.detect("i'm ready to die").level());
        assertEquals(CrisisLevel.CONCERN, rules.detect("My sponsor's 80 and says she's ready to go. She's teaching me so much.").level());
        assertEquals(CrisisLevel.CONCERN, rules.detect("Grandma informed me she is ready to die whenever the Lord sees fit").level());
        assertEquals(CrisisLevel.IMMINENT, rules.detect("ready to go. goodbye everyone").level());

        assertEquals(CrisisLevel.CONCERN, rules.detect("GP did the usual questions. Any thoughts of suicide or self-harm? No and no.").level());
        assertEquals(CrisisLevel.CONCERN, rules.detect("I felt like such a burden when I first walked in. Now I make the coffee.").level());

        assertEquals(CrisisLevel.NONE, rules.detect("the urge was gone by morning").level());
        assertEquals(CrisisLevel.IMMINENT, rules.detect("i'll be gone by morning").level());
        assertEquals(CrisisLevel.NONE, rules.detect("Tonight's my last night in the sober house. Moving out tomorrow.").level());
        assertEquals(CrisisLevel.IMMINENT, rules.detect("tonight's my last night. goodbye").level());
        assertEquals(List.of("farewell-finality"), rules.detect("gbye everyone. it ends tonight").rules());
    }

    /**
     * Lexicon 2026.12.8, from the false alarms and misses of train-am to train-ap. Only what a reviewer's set written
     * against the draft left standing: the wider wishes ("a better life without me", "wish it had been me") and "last
     * night on this earth" raised more of its lookalikes than they found crises, so they went. Two idioms from
     * train-ar and train-at came with lexicon 2026.12.10.
     */
    /**
     * Lexicon 2026.12.9: a screening question, a dream or a training frames its own clause, not what follows a turn
     * ("but"). Within the sentence it once capped the emergency that followed it at CONCERN, so the writer got no
     * help panel. A turn made only with a comma ("I lied, I want to die") is still read as part of the question.
     */
    @Test
    void aScreeningQuestionOrADreamDoesNotSoftenWhatFollowsATurn() {
        assertEquals(CrisisLevel.IMMINENT,
                rules.detect("my counselor asked if i was safe and i said yes but i've taken all my pills").level());
        assertEquals(CrisisLevel.IMMINENT,
                rules.detect("did my narcan training last month but now my brother isn't breathing").level());
        assertEquals(CrisisLevel.IDEATION,
                rules.detect("nurse asked if i have any thoughts of suicide and i said no but i want to die").level());
        assertEquals(CrisisLevel.CONCERN,
                rules.detect("my counselor asked if I'd ever had thoughts of suicide and I said no").level());
        assertEquals(CrisisLevel.CONCERN,
                rules.detect("had a dream i took all my pills, woke up shaking but fine").level());
    }

    /**
     * Lexicon 2026.12.11: hanging and shooting oneself, said of someone else, is talk of suicide (CONCERN), not
     * nothing; an emergency only with more (a reviewer's set showed that a decision and a time are not enough).
     */
    @Test
    void someoneElsesHangingOrShootingIsTalkOfSuicide() {
        assertEquals(CrisisLevel.CONCERN, rules.detect("My aunt hang herself when I was a child.").level());
        assertEquals(CrisisLevel.CONCERN,
                rules.detect("My dad always said he'd shoot himself when he turned 60. He's 59 now").level());
        assertEquals(CrisisLevel.NONE,
                rules.detect("He's about to shoot himself in the foot quitting his job").level());
    }

    /**
     * Lexicon 2026.12.12: a wish reported in someone else's words ("he keeps saying he'd be better off dead") is worry
     * about them, CONCERN, unless they are in danger now. A first-person word in that part of the sentence keeps the
     * wish the writer's, unless it is inside the quotation or the report's own ("he told me"); an inner voice ("my
     * brain keeps saying") is the writer's.
     */
    @Test
    void aWishReportedInSomeoneElsesWordsIsWorryAboutThem() {
        for (String text : List.of("my husband keeps saying he'd be better off dead. he's at work now",
                "my sister keeps saying she doesn't see the point of living",
                "worried about my sponsee, he told me he doesnt see the point of living anymore",
                "My buddy keeps saying stuff like 'maybe I'll just kill myself' but he's at his folks tonight")) {
            CrisisVerdict verdict = rules.detect(text);
            assertEquals(CrisisLevel.CONCERN, verdict.level(), text);
        }
        for (String text : List.of("my brain keeps saying everyone would be better off without me",
                "she told me she's leaving and honestly i want to die",
                "I keep saying I'd be better off dead",
                "my mum keeps saying it gets better, i don't want to be alive anymore",
                // the writer's own word anywhere in that part of the sentence, the wish's words included
                "he texted 'you'd be better off dead' and i think he's right",
                "my sponsor keeps saying it gets better honestly everyone's better off without me")) {
            assertEquals(CrisisLevel.IDEATION, rules.detect(text).level(), text);
        }
        // an emergency about them is still one
        assertEquals(CrisisLevel.IMMINENT,
                rules.detect("my brother keeps texting that he's better off dead and now he's not breathing").level());
    }

    @Test
    void theCommonestWordsOfCrisisInAFewOtherLanguagesAreKnown() {
        // lexicon 2026.12.14: members write in their first language when it is hardest
        for (String text : List.of("ya no quiero vivir. 3 relapses this month", "quero morrer, sorry my english",
                "Gusto ko nang mamatay. Sobrang bigat.", "je veux mourir, every day")) {
            assertEquals(CrisisLevel.IDEATION, rules.detect(text).level(), text);
        }
        assertEquals(CrisisLevel.IMMINENT, rules.detect("mi hermano esta en el piso no respira, ambulance coming").level());
        // sayings stay sayings
        for (String text : List.of("my abuela always says el que no sabe morir, no sabe vivir. 1 year sin alcohol",
                "mi abuelita says me vas a matar de un susto every time i visit lol")) {
            assertEquals(CrisisLevel.NONE, rules.detect(text).level(), text);
        }
    }

    @Test
    void aCrisisToldWithoutAnyRuleWordStillReachesTheModel() {
        // none of these holds a word a rule is built from; the model used to be asked only when one did
        assertEquals(CrisisLevel.IMMINENT, levelOf("the bath water is red and it won't stop"));
        assertEquals(CrisisLevel.IMMINENT, levelOf("by the time my sister gets here i won't be"));
        assertEquals(CrisisLevel.IDEATION, levelOf("everyone would be relieved honestly"));
        // but it must be surer there: it knows short everyday texts least (0.80 for the edit below)
        for (String text : List.of("new here, not sure what I'm doing", "my sponsor says hi to everyone",
                "Typo\n\nI meant to say **thanks**.")) {
            assertEquals(CrisisLevel.NONE, levelOf(text), text);
        }
    }

    @Test
    void beingBetterOffDoingSomethingIsAPlanNotAWishToDie() {
        // lexicon 2026.12.13
        for (String text : List.of("I'd be better off going to a meeting tonight",
                "you'd be better off just calling your sponsor first", "honestly i'd be better off without my phone",
                "would i be better off in rehab or doing outpatient?")) {
            assertEquals(CrisisLevel.NONE, rules.detect(text).level(), text);
        }
        for (String text : List.of("my family would be better off without me", "everyone would be better off",
                "my kids would be better off with their dad", "I'd be better off sober or dead and I can't do sober",
                "they'd be better off saving the money for my funeral")) {
            assertEquals(CrisisLevel.IDEATION, rules.detect(text).level(), text);
        }
        // someone else's wish stays worry about them, for the care lane
        assertEquals(CrisisLevel.CONCERN,
                rules.detect("my brother keeps saying his kids would be better off without him").level());
    }

    @Test
    void aScreeningQuestionFramesItsOwnWordsButNotTheAnswerThatFollows() {
        // lexicon 2026.12.13: the answer or the turn ends the question
        for (String text : List.of("Dr asked me if I had any thoughts of suicide and I said no, I lied, I want to die.",
                "my counselor asked if i had thoughts of suicide, i said no, truth is i want to die")) {
            assertEquals(CrisisLevel.IDEATION, rules.detect(text).level(), text);
        }
        for (String text : List.of("my counselor asked if I'd had thoughts of suicide and I said no",
                "the nurse asked if I wanted to die, I said no and it's true, I haven't wanted to die in a year")) {
            assertEquals(CrisisLevel.CONCERN, rules.detect(text).level(), text);
        }
    }

    @Test
    void idiomsOfMoneyFamilyAndHobbiesAndReassurancesStayQuiet() {
        for (String text : List.of("my sponsor jokes that I'd shoot myself in the foot if I had three feet",
                "The goodbye letter to gambling is done. Read it out at GA tonight.",
                "Labour update: 9cm and I want to kill my husband for eating crisps that loudly",
                "The morphine driver keeps her comfortable and we're all taking shifts by her bed today.",
                "no more stockpiling pills like the old days, anything left goes back to the pharmacy",
                "anxiety through the roof today. grounding exercises kinda helped",
                "Bought my first climbing rope today! Bouldering got me through early sobriety",
                "walked across the old bridge today, the one i used to score under",
                // lexicon 2026.12.10
                "dental bridge appt today ugh pray for me", "bought rope for a clothesline bc my dryer died")) {
            assertFalse(rules.detect(text).level().atLeast(CrisisLevel.IDEATION), text);
        }
        assertEquals(CrisisLevel.CONCERN, rules.detect("I'm safe and I have zero plans to kill myself").level());
        assertEquals(CrisisLevel.IDEATION, rules.detect("I pray every night not to make it to morning").level());
        assertEquals(CrisisLevel.IDEATION, rules.detect("my old pastor told me I'd be better dead").level());
        assertEquals(CrisisLevel.NONE, rules.detect("Some old habits would be better dead and buried").level());
        // the idioms leave the crisis version of the scene alone
        assertEquals(CrisisLevel.IMMINENT, rules.detect("bought a climbing rope today. hanging myself tonight").level());
        assertEquals(CrisisLevel.IMMINENT, rules.detect("on the roof tonight").level());
    }

    @Test
    void idiomsWinOverTheTriggerInsideThem() {
        assertEquals(CrisisLevel.NONE, levelOf("this craving is killing me"));
        assertEquals(CrisisLevel.NONE, levelOf("I killed it at my interview"));
        // the rules alone: the word model still weighs "wanna" and raises this one (a known false alarm, README)
        assertEquals(CrisisLevel.NONE, rules.detect("kinda wanna die of embarrassment").level());
        assertEquals(CrisisLevel.NONE, levelOf("I'm taking my life back one day at a time"));
    }

    /**
     * Idioms for lookalike scenes stay narrow: a reviewer found that broad ones ("ready to go to", "tonight's the
     * night i tell", "my own funeral plans") and routine-medication words ("on time", "at the clinic") silenced these.
     */
    @Test
    void idiomsForLookalikesDoNotSilenceTheCrisisVersionOfTheScene() {
        assertEquals(CrisisLevel.NONE, rules.detect("i'm ready to go to my first meeting").level());
        assertEquals(CrisisLevel.NONE, rules.detect("ready to go to work, day 30 today").level());
        for (String text : List.of("Tonight's the night I tell them goodbye for good", "I'm ready to go to my grave",
                "I'm ready to go to the other side now", "finished my own funeral plans today, wont need to wait long",
                "I wrote my will and said goodbye to everyone tonight", "wrote my will. goodbye everyone",
                "took all my morning meds at once, on time for once lol")) {
            assertTrue(rules.detect(text).level().atLeast(CrisisLevel.IDEATION), text);
        }
        assertEquals(CrisisLevel.IMMINENT, rules.detect("took all my morning meds at once").level());
    }

    @Test
    void negationLowersToConcern() {
        assertEquals(CrisisLevel.CONCERN, levelOf("I'm not suicidal, just tired"));
        assertEquals(CrisisLevel.IDEATION, levelOf("I'm not ok, I want to die"));
    }

    @Test
    void historyLowersToConcern() {
        assertEquals(CrisisLevel.CONCERN, levelOf("three years ago I tried to kill myself"));
        assertEquals(CrisisLevel.CONCERN, levelOf("I used to want to die every day"));
    }

    @Test
    void historyDoesNotSoftenSomethingHappeningTonight() {
        assertEquals(CrisisLevel.IMMINENT, levelOf("years ago I failed but tonight I'm going to kill myself"));
    }

    @Test
    void adviceToOthersIsNone() {
        assertEquals(CrisisLevel.NONE, levelOf("if you ever feel like ending it, call 988"));
        assertEquals(CrisisLevel.NONE, levelOf("please don't kill yourself, call 988"));
    }

    @Test
    void worryAboutSomeoneElseIsConcern() {
        assertEquals(CrisisLevel.CONCERN, levelOf("my friend said she wants to die, how do I help"));
    }

    @Test
    void mediaTitlesAreNone() {
        assertEquals(CrisisLevel.NONE, levelOf("anyone else love the song Suicide Is Painless?"));
    }

    @Test
    void hyperboleLowersOneLevel() {
        assertEquals(CrisisLevel.CONCERN, levelOf("gonna kill myself if this meeting runs late lol"));
    }

    @Test
    void spansPointAtTheOriginalText() {
        String text = "Honestly... I'm gonna KMS tonight 💊";
        CrisisVerdict verdict = detector.detect(text);
        assertEquals(CrisisLevel.IMMINENT, verdict.level());
        assertTrue(verdict.rules().contains("intent-now"), verdict.rules().toString());
        List<String> spans = verdict.matches().stream().map(CrisisMatch::text).toList();
        assertTrue(spans.contains("KMS"), spans.toString());
        assertTrue(spans.contains("tonight"), spans.toString());
        for (CrisisMatch match : verdict.matches()) {
            assertEquals(match.text(), text.substring(match.start(), match.end()));
        }
    }

    @Test
    void emptyAndNullTextAreNone() {
        assertEquals(CrisisVerdict.none(), detector.detect(""));
        assertEquals(CrisisVerdict.none(), detector.detect(null));
    }

    @Test
    void aFirstPersonWordInsideQuotationMarksDoesNotStopTheMediaModifier() {
        assertEquals(CrisisLevel.NONE,
                levelOf("that song 'Numb', 'I wanted to die back then', always plays at the worst time"));
        assertEquals(CrisisLevel.IDEATION, levelOf("that song is on repeat and I want to die"));
    }

    @Test
    void aLaughMarkerOpeningTheNextSentenceStillCountsAsHyperbole() {
        assertTrue(levelOf("I'd rather die than sit through that meeting again. lol no but really")
                .compareTo(CrisisLevel.IDEATION) < 0);
    }

    @Test
    void aPersonAfterOfOwnsTheMeansAndIsNotTheSubject() {
        assertEquals(CrisisLevel.IMMINENT, levelOf("I take many tablets of my father, 30, one hour ago"));
    }

    @Test
    void aTriggerThatContinuesPastAnIdiomWins() {
        assertEquals(CrisisLevel.IMMINENT, levelOf("i'm going to jump in front of a bus tonight"));
        assertEquals(CrisisLevel.NONE, levelOf("I'm going to jump in the pool tonight at the sober party"));
    }

    @Test
    void meansPlaceAndTimeCoOccurInAnyWording() {
        for (String text : List.of(
                "the cord is tied to the rafter. nobody is home until monday",
                "blade against my wrist, I'm so tired",
                "steering into oncoming traffic on the way home tonight",
                "I'll be gone by sunrise. I said goodbye to my sister")) {
            assertEquals(CrisisLevel.IMMINENT, levelOf(text), text);
        }
        assertEquals(CrisisLevel.IDEATION, levelOf("I don't see much reason to keep living since the divorce"));
    }

    @Test
    void levelsAreOrdered() {
        assertTrue(CrisisLevel.IMMINENT.atLeast(CrisisLevel.IDEATION));
        assertTrue(CrisisLevel.CONCERN.atLeast(CrisisLevel.CONCERN));
        assertFalse(CrisisLevel.NONE.atLeast(CrisisLevel.CONCERN));
    }
}
