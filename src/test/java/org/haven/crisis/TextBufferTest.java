package org.haven.crisis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TextBufferTest {

    /** Growing to exactly what each word needs made normalising "a'' a'' a'' ..." quadratic in the post's length. */
    @Test
    void growingAtLeastDoubles() {
        TextBuffer buffer = new TextBuffer(16);
        buffer.ensureCapacity(17);
        assertTrue(buffer.c.length >= 32, "capacity " + buffer.c.length);
        assertEquals(buffer.c.length, buffer.s.length);
        assertEquals(buffer.c.length, buffer.e.length);
        buffer.ensureCapacity(100);
        assertTrue(buffer.c.length >= 100, "capacity " + buffer.c.length);
    }
}
