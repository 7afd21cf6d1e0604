package org.haven.moderation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.haven.crisis.CrisisLevel;
import org.haven.web.ApiException;
import org.junit.jupiter.api.Test;

/** An item's place in its lane: its level first, then how many members reported it; and when it last rose. */
class ModerationItemTest {

    private static final OffsetDateTime T0 = OffsetDateTime.of(2026, 12, 7, 2, 0, 0, 0, ZoneOffset.UTC);
    private static final OffsetDateTime T1 = T0.plusMinutes(5);

    @Test
    void aCrisisItemSitsAtItsLevelAndReportsMoveItUpWithinIt() {
        ModerationItem item = ModerationItem.care(1, 1, CrisisLevel.IMMINENT, "emergency-now", "[]", T0);
        assertEquals(300, item.priority());
        item.reportAdded(T1);
        item.reportAdded(T1);
        assertEquals(302, item.priority());
        assertNull(item.raisedAt(), "reports within a level do not raise it to another");
    }

    @Test
    void aMembersWorryCountsAtLeastAsThoughtsOfSuicideAndRaisesAConcern() {
        ModerationItem worry = ModerationItem.reported(1, 1, Lane.CARE, T0);
        worry.reportAdded(T0);
        assertEquals(201, worry.priority(), "ahead of the IDEATION items no one reported");

        ModerationItem concern = ModerationItem.care(2, 1, CrisisLevel.CONCERN, "past-attempt", "[]", T0);
        assertEquals(100, concern.priority());
        concern.reportAdded(T1);
        assertEquals(201, concern.priority());
        assertEquals(T1, concern.raisedAt(), "a concern someone is worried about is news for moderators online");
    }

    @Test
    void anEditIntoDangerRaisesTheItemAndACalmerOneDoesNotLowerIt() {
        ModerationItem item = ModerationItem.care(1, 1, CrisisLevel.CONCERN, "suicide-talk", "[]", T0);
        item.detected(CrisisLevel.IMMINENT, "overdose-taken", "[{}]", T1);
        assertEquals(300, item.priority());
        assertEquals(CrisisLevel.IMMINENT, item.crisisLevel());
        assertEquals("overdose-taken", item.rules());
        assertEquals(T1, item.raisedAt());

        item.detected(CrisisLevel.CONCERN, "suicide-talk", "[]", T1.plusMinutes(1));
        assertEquals(CrisisLevel.IMMINENT, item.crisisLevel());
        assertEquals("overdose-taken", item.rules(), "the more severe finding stays");
        assertEquals(T1, item.raisedAt());
    }

    @Test
    void reportsNeverLiftAnItemPastTheNextLevelAndALeavingReporterTakesTheirsBack() {
        ModerationItem item = ModerationItem.care(1, 1, CrisisLevel.IDEATION, "wish-to-die", "[]", T0);
        for (int i = 0; i < 250; i++) {
            item.reportAdded(T1);
        }
        assertEquals(299, item.priority(), "still below every IMMINENT item");

        ModerationItem concern = ModerationItem.care(2, 1, CrisisLevel.CONCERN, "past-attempt", "[]", T0);
        concern.reportAdded(T0);
        concern.reportWithdrawn();
        assertEquals(201, concern.priority(), "the worry was real: the item keeps its place when its reporter leaves");

        ModerationItem spam = ModerationItem.reported(3, 1, Lane.REVIEW, T0);
        spam.reportAdded(T0);
        spam.reportAdded(T0);
        spam.reportWithdrawn();
        assertEquals(1, spam.reports());
        assertEquals(1, spam.priority());
    }

    @Test
    void theReviewLaneIsOrderedByReportsAloneAndRaisesNoAlert() {
        ModerationItem spam = ModerationItem.reported(1, 1, Lane.REVIEW, T0);
        spam.reportAdded(T0);
        spam.reportAdded(T1);
        assertEquals(2, spam.priority());
        assertNull(spam.raisedAt());
    }

    private static final long ANNA = 10;
    private static final long BEN = 11;

    @Test
    void aClaimKeepsOthersOffWhileItRunsAndLapsesOnItsOwn() {
        ModerationItem item = ModerationItem.care(1, 1, CrisisLevel.IDEATION, "wish-to-die", "[]", T0);
        item.claim(ANNA, T0, T0.plusMinutes(15));
        assertTrue(item.claimHeld(T0.plusMinutes(14)));
        ApiException taken = assertThrows(ApiException.class, () -> item.claim(BEN, T0.plusMinutes(14), T1));
        assertEquals(409, taken.status());
        assertEquals(409, assertThrows(ApiException.class,
                () -> item.decide(BEN, item.version(), Decision.APPROVE, T0.plusMinutes(14))).status());

        assertFalse(item.claimHeld(T0.plusMinutes(15)), "a claim lapses at its end: no volunteer holds an item forever");
        item.claim(BEN, T0.plusMinutes(15), T0.plusMinutes(30));
        assertEquals(BEN, item.claimedBy());
    }

    @Test
    void aDecisionNeedsTheVersionSeenAndIsTakenOnce() {
        ModerationItem item = ModerationItem.care(1, 1, CrisisLevel.IDEATION, "wish-to-die", "[]", T0);
        assertEquals(409, assertThrows(ApiException.class,
                () -> item.decide(ANNA, item.version() + 1, Decision.APPROVE, T1)).status());
        assertEquals(ItemStatus.PENDING, item.status(), "a refused decision changes nothing");

        item.claim(ANNA, T0, T0.plusMinutes(15));
        item.decide(ANNA, item.version(), Decision.APPROVE, T1);
        assertEquals(ItemStatus.DECIDED, item.status());
        assertEquals(Decision.APPROVE, item.decision());
        assertNull(item.claimedBy(), "the claim ends with the decision");
        assertEquals(409, assertThrows(ApiException.class,
                () -> item.decide(ANNA, item.version(), Decision.APPROVE, T1)).status());
        assertEquals(409, assertThrows(ApiException.class, () -> item.claim(BEN, T1, T1.plusMinutes(15))).status());
    }

    @Test
    void theActionsNamedInMessagesAreTheActions() {
        assertEquals(Decision.CHOICES, String.join(", ", java.util.Arrays.stream(Decision.values())
                .map(Decision::slug).toList()));
        assertEquals(Decision.APPROVE, Decision.of(" Approve ").orElseThrow());
        assertTrue(Decision.of("hide-everything").isEmpty());
    }

    @Test
    void aScreenedPostJoinsItsWordsOnceAndAHoldMakesItWaitForApproval() {
        ModerationItem item = ModerationItem.screened(1, 1, false, "plug,dealer", T0);
        assertEquals(Lane.REVIEW, item.lane());
        assertFalse(item.awaitsApproval(), "a flag publishes: there is nothing to approve");
        item.screenedAgain(false, "dealer,t.me");
        assertEquals("plug,dealer,t.me", item.rules(), "each word once, in the order found");
        item.screenedAgain(true, "plug");
        assertTrue(item.awaitsApproval(), "an edit that holds the post makes the item the approval");

        ModerationItem reported = ModerationItem.reported(2, 1, Lane.REVIEW, T0);
        reported.reportAdded(T0);
        reported.screenedAgain(true, "dealer");
        assertTrue(reported.awaitsApproval());
        assertEquals(1, reported.reports(), "the report stays with it");
    }

    @Test
    void theWordsAnItemKeepsStayWithinTheirColumn() {
        ModerationItem item = ModerationItem.screened(1, 1, false, "a", T0);
        for (int i = 0; i < 40; i++) {
            item.screenedAgain(false, "word" + i + "x".repeat(40));
        }
        assertTrue(item.rules().length() <= 1000, item.rules().length() + " characters");
        assertFalse(item.rules().endsWith(","), "cut between words, never inside one");
    }
}
