package org.haven.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RequestLimitsTest {

    @Test
    void wellFormedUtf8IncludingEmojiAndAccentsIsAccepted() {
        assertTrue(RequestLimits.isUtf8("{\"body\":\"Zoë, day 90 🎉\"}".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void brokenSequencesOverlongFormsAndLoneSurrogatesAreRefused() {
        assertFalse(RequestLimits.isUtf8(new byte[] {'a', (byte) 0xFF, (byte) 0xFE}));
        assertFalse(RequestLimits.isUtf8(new byte[] {(byte) 0xC3, (byte) 0x28}));
        assertFalse(RequestLimits.isUtf8(new byte[] {(byte) 0xC0, (byte) 0xAF}));
        assertFalse(RequestLimits.isUtf8(new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}));
    }
}
