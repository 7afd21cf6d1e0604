package org.haven.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RecoveryCodesTest {

    @Test
    void aCodeIsFiveGroupsOfFourUnambiguousCharacters() {
        String code = RecoveryCodes.generate();

        assertTrue(code.matches("[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){4}"), code);
    }

    @Test
    void theHashIgnoresCaseSpacesDashesAndLettersPeopleConfuseWithDigits() {
        String code = "0GJ2-P9MA-R0NH-10KN-JAF3";

        assertEquals(RecoveryCodes.hash(code), RecoveryCodes.hash("ogj2 p9ma r0nh IoKN jaf3"));
        assertNotEquals(RecoveryCodes.hash(code), RecoveryCodes.hash("0GJ2-P9MA-R0NH-10KN-JAF4"));
    }

    @Test
    void twoCodesDiffer() {
        assertNotEquals(RecoveryCodes.generate(), RecoveryCodes.generate());
    }
}
