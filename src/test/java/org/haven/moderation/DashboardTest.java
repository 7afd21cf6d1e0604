package org.haven.moderation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The dashboard's figures in words, and the median behind "a moderator first acted after". */
class DashboardTest {

    @Test
    void theMedianIsTheMiddleWaitOrTheMeanOfTheMiddleTwo() {
        assertNull(Dashboard.median(new long[0]));
        assertEquals(300L, Dashboard.median(new long[] {3600, 60, 300}), "unsorted waits are sorted first");
        assertEquals(180L, Dashboard.median(new long[] {60, 300, 3600, 0}));
        assertEquals(42L, Dashboard.median(new long[] {42}));
    }

    @Test
    void theOverviewSaysWhatWaitsAndHowSoonModeratorsActed() {
        Dashboard.Figures figures = new Dashboard.Figures(List.of(new Dashboard.LaneFigures("care", 2, 7500L),
                new Dashboard.LaneFigures("review", 0, null)), new Dashboard.FirstAction(30, 3, 720L, 1));
        assertEquals(List.of("Care lane: 2 waiting, the oldest for 2 h 5 min.", "Review lane: nothing waiting.",
                "Last 30 days: a moderator first acted after 12 min (median of 3 items); 1 still waiting for anyone."),
                ModerationPages.overview(figures));
        Dashboard.Figures quiet = new Dashboard.Figures(List.of(new Dashboard.LaneFigures("care", 1, null),
                new Dashboard.LaneFigures("review", 0, null)), new Dashboard.FirstAction(30, 0, null, 0));
        assertEquals(List.of("Care lane: nothing waiting.", "Review lane: nothing waiting.",
                "No item of the last 30 days has been acted on yet."), ModerationPages.overview(quiet));
    }
}
