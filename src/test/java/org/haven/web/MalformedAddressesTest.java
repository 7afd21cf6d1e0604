package org.haven.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import org.junit.jupiter.api.Test;

/** What a typed address may carry unencoded becomes what a form would have sent; broken escapes are caught. */
class MalformedAddressesTest {

    @Test
    void encodesWhatAUriMayNotHoldAndLeavesTheRestAsItIs() {
        String safe = "q=walk+tea&topic=12-step&x=%C3%A9%25";
        assertSame(safe, MalformedAddresses.encodeUnsafe(safe));
        String typed = "q=walk|tea+\"one day\"+{x}^`<b>\\";
        String encoded = MalformedAddresses.encodeUnsafe(typed);
        assertEquals("q=walk%7Ctea+%22one%20day%22+%7Bx%7D%5E%60%3Cb%3E%5C", encoded);
        assertEquals("walk|tea \"one day\" {x}^`<b>\\",
                java.net.URLDecoder.decode(encoded.substring(2), java.nio.charset.StandardCharsets.UTF_8));
        URI.create("http://localhost/search?" + encoded); // parses now
    }

    @Test
    void findsBrokenEscapesOnly() {
        assertTrue(MalformedAddresses.BAD_ESCAPE.matcher("q=100%").find());
        assertTrue(MalformedAddresses.BAD_ESCAPE.matcher("q=%ZZ").find());
        assertTrue(MalformedAddresses.BAD_ESCAPE.matcher("q=%4").find());
        assertFalse(MalformedAddresses.BAD_ESCAPE.matcher("q=100%25&x=%c3%a9").find());
    }
}
