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
}
