package org.haven.crisis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class HotlineOrderTest {

    private static HotlineView line(String name, String kind, String call) {
        return new HotlineView(1L, "US", name, kind, call, null, null, null, null, true, null, 0);
    }

    private static final List<HotlineView> US = List.of(
            line("Crisis Text Line", "crisis_text", null),
            line("Poison Help", "poison_overdose", "1-800-222-1222"),
            line("SAMHSA", "substance_use_referral", "1-800-662-4357"),
            line("988", "suicide_crisis", "988"),
            line("Emergency", "emergency", "911"));

    @Test
    void imminentPutsTheEmergencyNumberFirstThenCrisisLinesCallBeforeTextThenPoisonHelp() {
        var names = HotlineDirectory.forLevel(US, CrisisLevel.IMMINENT).stream().map(HotlineView::name).toList();

        assertEquals(List.of("Emergency", "988", "Crisis Text Line", "Poison Help"), names);
    }

    @Test
    void ideationPutsCrisisLinesFirst() {
        var names = HotlineDirectory.forLevel(US, CrisisLevel.IDEATION).stream().map(HotlineView::name).toList();

        assertEquals(List.of("988", "Crisis Text Line", "Emergency", "Poison Help"), names);
    }

    @Test
    void aTelephoneLinkDialsTheFirstNumber() {
        assertEquals("tel:112", new HotlineView(1L, "IE", "Emergency", "emergency", "112 or 999", null, null, null,
                null, true, null, 0).telHref());
        assertEquals("tel:116123", line("Samaritans", "suicide_crisis", "116 123").telHref());
        assertEquals("tel:18002221222", line("Poison Help", "poison_overdose", "1-800-222-1222").telHref());
        assertNull(line("Crisis Text Line", "crisis_text", null).telHref());
    }
}
