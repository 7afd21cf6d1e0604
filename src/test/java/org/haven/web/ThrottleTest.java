package org.haven.web;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The in-memory request limits behind sign-up and sign-in: per scope, per key, and no client address kept. */
class ThrottleTest {

    private static final Duration HOUR = Duration.ofHours(1);

    private final Throttle throttle = new Throttle();

    @Test
    void eventsPastTheLimitAreRefusedWithWhenToTryAgain() {
        for (int i = 0; i < 3; i++) {
            throttle.hit("sign-up", "client-a", 3, HOUR, "Too many sign-ups.");
        }

        RateLimitedException refused = assertThrows(RateLimitedException.class,
                () -> throttle.hit("sign-up", "client-a", 3, HOUR, "Too many sign-ups."));

        assertEquals(429, refused.status());
        assertEquals("Too many sign-ups.", refused.getMessage());
        assertTrue(refused.retryAfterSeconds() > 0 && refused.retryAfterSeconds() <= 3600, "" + refused.retryAfterSeconds());
    }

    @Test
    void eachClientAndEachScopeHasItsOwnWindow() {
        for (int i = 0; i < 3; i++) {
            throttle.hit("sign-in-client", "client-a", Integer.MAX_VALUE, HOUR, "x");
        }
        // a client that used up its failures is refused; another client and another scope are not
        assertThrows(RateLimitedException.class, () -> throttle.ensureBelow("sign-in-client", "client-a", 3, HOUR, "x"));
        assertDoesNotThrow(() -> throttle.ensureBelow("sign-in-client", "client-b", 3, HOUR, "x"));
        assertDoesNotThrow(() -> throttle.ensureBelow("sign-in", "client-a", 3, HOUR, "x"));
    }

    @Test
    void checkingDoesNotCountAndResettingForgets() {
        throttle.hit("sign-in", "name", Integer.MAX_VALUE, HOUR, "x");
        throttle.hit("sign-in", "name", Integer.MAX_VALUE, HOUR, "x");
        for (int i = 0; i < 10; i++) {
            throttle.ensureBelow("sign-in", "name", 3, HOUR, "x"); // two failures so far: checking adds none
        }
        throttle.hit("sign-in", "name", Integer.MAX_VALUE, HOUR, "x");
        assertThrows(RateLimitedException.class, () -> throttle.ensureBelow("sign-in", "name", 3, HOUR, "x"));

        throttle.reset("sign-in", "name");

        assertDoesNotThrow(() -> throttle.ensureBelow("sign-in", "name", 3, HOUR, "x"));
    }

    @Test
    void aClientKeyIsAKeyedHashThatNamesNoAddress() {
        String key = throttle.clientKey("203.0.113.7");

        assertEquals(key, throttle.clientKey("203.0.113.7"), "the same client counts as one within a day");
        assertNotEquals(key, throttle.clientKey("203.0.113.8"));
        assertNotEquals(key, new Throttle().clientKey("203.0.113.7"), "the key lives only in this node's memory");
        assertFalse(key.contains("203") || key.contains("113"), key);
    }
}
