package org.haven.discussion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.haven.web.ApiException;
import org.junit.jupiter.api.Test;

class TextInputTest {

    @Test
    void aTitleKeepsItsWordsOnOneLineWithoutControlCharacters() {
        assertEquals("Nights are hard", TextInput.title("  Nights\u0000 are\n\thard \u202E "));
    }

    @Test
    void aBodyKeepsLineBreaksAndLosesCarriageReturnsAndControlCharacters() {
        assertEquals("line one\nline two\n\n- a list", TextInput.body("line one\r\nline two\u0007\r\n\r\n- a list  "));
    }

    @Test
    void aTitleThatIsOnlyInvisibleCharactersIsRefusedNamingTheTitle() {
        ApiException refused = assertThrows(ApiException.class, () -> TextInput.title(" \u200B\u0000 "));

        assertEquals(400, refused.status());
        assertEquals("title", refused.toProblem().errors().get(0).field());
    }

    @Test
    void theLimitsHoldAfterCleaning() {
        assertEquals(200, TextInput.title("x".repeat(200)).length());
        assertThrows(ApiException.class, () -> TextInput.title("x".repeat(201)));
        assertThrows(ApiException.class, () -> TextInput.body("x".repeat(20_001)));
    }
}
