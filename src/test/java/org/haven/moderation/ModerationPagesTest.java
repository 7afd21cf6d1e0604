package org.haven.moderation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.haven.crisis.CrisisLevel;
import org.junit.jupiter.api.Test;

class ModerationPagesTest {

    @Test
    void waitingIsToldInTheUnitThatMattersAtThatLength() {
        assertEquals("under a minute", ModerationPages.waited(59));
        assertEquals("under a minute", ModerationPages.waited(-5)); // a clock that stepped back
        assertEquals("1 min", ModerationPages.waited(60));
        assertEquals("59 min", ModerationPages.waited(3599));
        assertEquals("1 h", ModerationPages.waited(3600));
        assertEquals("2 h 5 min", ModerationPages.waited(2 * 3600 + 5 * 60 + 30));
        assertEquals("23 h 59 min", ModerationPages.waited(24 * 3600 - 1));
        assertEquals("1 day", ModerationPages.waited(24 * 3600));
        assertEquals("3 days", ModerationPages.waited(3 * 24 * 3600 + 7200));
    }

    @Test
    void eachLevelIsNamedInWordsAVolunteerActsOn() {
        assertEquals("Imminent danger", ModerationPages.levelLabel(CrisisLevel.IMMINENT));
        assertEquals("Thoughts of suicide or self-harm", ModerationPages.levelLabel(CrisisLevel.IDEATION));
        assertEquals("Concern", ModerationPages.levelLabel(CrisisLevel.CONCERN));
    }

    @Test
    void wordsReadBySeveralRulesAreListedOnceWithAllTheirRules() {
        List<Map<String, Object>> matches = List.of(
                Map.of("start", 9, "end", 15, "text", "i want", "rule", "wish-death"),
                Map.of("start", 11, "end", 22, "text", "want to die", "rule", "wish-to-die"),
                Map.of("start", 11, "end", 22, "text", "want to die", "rule", "wish-to-die-first-person"),
                Map.of("start", 19, "end", 22, "text", "die", "rule", "wish-death"));

        assertEquals(List.of(new ModerationPages.WordsRead("i want", "wish-death"),
                new ModerationPages.WordsRead("want to die", "wish-to-die, wish-to-die-first-person"),
                new ModerationPages.WordsRead("die", "wish-death")), ModerationPages.wordsRead(matches));
    }

    private static CareQueue.CareItemView review(String kind, List<String> reasons, List<CareQueue.ReportView> reports) {
        java.time.OffsetDateTime at = java.time.OffsetDateTime.parse("2026-12-07T10:00:00Z");
        return new CareQueue.CareItemView(1, "review", kind, 0, null, 2L, 3L, "", reasons, List.of(), reports,
                reports.size(), at, 0, 1, null, null, false);
    }

    @Test
    void aReviewItemSaysWhatBroughtIt() {
        String newcomer = org.haven.screening.Premoderation.REASON;
        assertEquals("Waiting for approval (a new member's first post)",
                ModerationPages.reviewLabel(review("held", List.of(newcomer), List.of())));
        assertEquals("Waiting for approval (a new member's first post; watched words: \u201cplug\u201d)",
                ModerationPages.reviewLabel(review("held", List.of("plug", newcomer), List.of())));
        assertEquals("Waiting for approval (watched words: \u201cplug\u201d, \u201ct.me\u201d)",
                ModerationPages.reviewLabel(review("held", List.of("plug", "t.me"), List.of())));
        CareQueue.ReportView spam = new CareQueue.ReportView("spam", "Spam", null,
                java.time.OffsetDateTime.parse("2026-12-07T10:00:00Z"));
        assertEquals("Flagged by watched words: \u201cplug\u201d. Reported: Spam",
                ModerationPages.reviewLabel(review("watched-word", List.of("plug", "spam"), List.of(spam))));
        assertEquals("Reported: Spam", ModerationPages.reviewLabel(review("report", List.of("spam"), List.of(spam))));
    }
}
