package org.haven.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class PseudonymsTest {

    @Test
    void lettersDigitsUnderscoreAndDashFromThreeToThirtyCharactersAreAccepted() {
        assertTrue(Pseudonyms.isWellFormed("Sam"));
        assertTrue(Pseudonyms.isWellFormed("quiet_harbor-482"));
        assertTrue(Pseudonyms.isWellFormed("a".repeat(30)));
    }

    @Test
    void tooShortTooLongSpacesMarkupAndLeadingPunctuationAreRefused() {
        assertFalse(Pseudonyms.isWellFormed("ab"));
        assertFalse(Pseudonyms.isWellFormed("a".repeat(31)));
        assertFalse(Pseudonyms.isWellFormed("two words"));
        assertFalse(Pseudonyms.isWellFormed("<script>"));
        assertFalse(Pseudonyms.isWellFormed("_hidden"));
        assertFalse(Pseudonyms.isWellFormed("Zoë"));
        assertFalse(Pseudonyms.isWellFormed(null));
    }

    @Test
    void namesThatImpersonateTheServiceOrItsStaffAreReservedIgnoringCase() {
        assertTrue(Pseudonyms.isReserved("Admin"));
        assertTrue(Pseudonyms.isReserved("ModeratorJane"));
        assertTrue(Pseudonyms.isReserved("AnonymousMember"));
        assertTrue(Pseudonyms.isReserved("HAVEN_team"));
        assertFalse(Pseudonyms.isReserved("QuietHarbor482"));
    }

    @Test
    void uniquenessIgnoresCase() {
        assertEquals(Pseudonyms.key("QuietHarbor"), Pseudonyms.key("quietharbor"));
    }

    @RepeatedTest(20)
    void suggestionsAreValidAndNotReserved() {
        String suggestion = Pseudonyms.suggest();
        assertTrue(Pseudonyms.isWellFormed(suggestion), suggestion);
        assertFalse(Pseudonyms.isReserved(suggestion), suggestion);
    }
}
