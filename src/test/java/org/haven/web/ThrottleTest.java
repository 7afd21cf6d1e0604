package org.haven.web;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/**
 * The request limits behind sign-up, sign-in and posting, on a real database (H2 in memory, migrated by
 * Haven's own migrations): per scope and key, counted atomically, shared by nodes that share the database,
 * and kept under keyed hashes that name no one. Time is a clock the test moves, never a sleep.
 */
class ThrottleTest {

    private static final Duration HOUR = Duration.ofHours(1);
    private static final Optional<String> SHARED = Optional.of("the same secret on every node");

    private final JdbcDataSource database = migratedDatabase();
    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-06T21:00:00Z"));
    private final Throttle throttle = new Throttle(database, SHARED, clock);

    static JdbcDataSource migratedDatabase() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:throttle-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        ds.setUser("haven");
        ds.setPassword("haven");
        Flyway.configure(ThrottleTest.class.getClassLoader()).dataSource(ds).locations("classpath:db/migration").load().migrate();
        return ds;
    }

    /** A clock that stands still until the test moves it. */
    static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant start) {
            now = start;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    private List<String> storedRows() throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = database.getConnection(); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT bucket, expires_at, hits FROM rate_limit")) {
            while (r.next()) {
                rows.add(r.getString(1) + " " + r.getLong(2) + " " + r.getInt(3));
            }
        }
        return rows;
    }

    @Test
    void eventsPastTheLimitAreRefusedWithWhenTheWindowEnds() {
        for (int i = 0; i < 3; i++) {
            throttle.hit("sign-up", "client-a", 3, HOUR, "Too many sign-ups.");
        }
        clock.advance(Duration.ofMinutes(10));

        RateLimitedException refused = assertThrows(RateLimitedException.class,
                () -> throttle.hit("sign-up", "client-a", 3, HOUR, "Too many sign-ups."));

        assertEquals(429, refused.status());
        assertEquals("Too many sign-ups.", refused.getMessage());
        assertEquals(50 * 60, refused.retryAfterSeconds(), "the window opened with the first event, an hour before it ends");
    }

    @Test
    void aWindowThatHasEndedStartsAgainFromOne() {
        for (int i = 0; i < 4; i++) {
            assertDoesNotThrow(() -> throttle.hit("posts", "7", 4, HOUR, "x"));
        }
        assertThrows(RateLimitedException.class, () -> throttle.hit("posts", "7", 4, HOUR, "x"));

        clock.advance(HOUR);

        for (int i = 0; i < 4; i++) {
            assertDoesNotThrow(() -> throttle.hit("posts", "7", 4, HOUR, "x"), "event " + (i + 1) + " of the new window");
        }
        assertThrows(RateLimitedException.class, () -> throttle.hit("posts", "7", 4, HOUR, "x"));
    }

    @Test
    void eachKeyAndEachScopeHasItsOwnWindow() {
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
    void nodesOnOneDatabaseWithTheSameSecretCountAPseudonymAgainstOneWindow() {
        Throttle otherNode = new Throttle(database, SHARED, clock);

        throttle.hit("sign-in", "quietharbor482", 3, HOUR, "x");
        otherNode.hit("sign-in", "quietharbor482", 3, HOUR, "x");
        throttle.hit("sign-in", "quietharbor482", 3, HOUR, "x");

        assertThrows(RateLimitedException.class, () -> otherNode.hit("sign-in", "quietharbor482", 3, HOUR, "x"));
        assertThrows(RateLimitedException.class, () -> otherNode.ensureBelow("sign-in", "quietharbor482", 3, HOUR, "x"));
        otherNode.reset("sign-in", "quietharbor482");
        assertDoesNotThrow(() -> throttle.ensureBelow("sign-in", "quietharbor482", 3, HOUR, "x"), "a reset on one node holds on all");
    }

    @Test
    void anAddressKeyNeverLeavesItsNodeEvenWithASharedSecret() {
        Throttle otherNode = new Throttle(database, SHARED, clock);

        assertNotEquals(throttle.clientKey("203.0.113.7"), otherNode.clientKey("203.0.113.7"),
                "derived from the secret, the address key could be recomputed and every IPv4 address tried against a copy "
                        + "of the table");
    }

    @Test
    void anEventTakenBackNoLongerCounts() {
        throttle.hit("sign-in-client", "client-a", 2, HOUR, "x");
        throttle.hit("sign-in-client", "client-a", 2, HOUR, "x");
        throttle.release("sign-in-client", "client-a");

        assertDoesNotThrow(() -> throttle.hit("sign-in-client", "client-a", 2, HOUR, "x"), "two counted, one taken back");
        assertThrows(RateLimitedException.class, () -> throttle.hit("sign-in-client", "client-a", 2, HOUR, "x"));
        throttle.release("sign-in-client", "nobody"); // nothing to take back: no window appears
        assertDoesNotThrow(() -> throttle.ensureBelow("sign-in-client", "nobody", 1, HOUR, "x"));
    }

    @Test
    void manyRequestsAtOnceOnTwoNodesAreCountedExactly() throws Exception {
        Throttle otherNode = new Throttle(database, SHARED, clock);
        int threads = 8;
        int eachSends = 25;
        int limit = 120;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> admitted = new ArrayList<>();
        try {
            for (int t = 0; t < threads; t++) {
                Throttle node = t % 2 == 0 ? throttle : otherNode;
                admitted.add(pool.submit(() -> {
                    start.await();
                    int passed = 0;
                    for (int i = 0; i < eachSends; i++) {
                        try {
                            node.hit("posts", "busy", limit, HOUR, "x");
                            passed++;
                        } catch (RateLimitedException refused) {
                            // past the limit
                        }
                    }
                    return passed;
                }));
            }
            start.countDown();
            int total = 0;
            for (Future<Integer> f : admitted) {
                total += f.get(2, TimeUnit.MINUTES);
            }

            assertEquals(limit, total, "every event counted once, none lost to a race, the first insert's included");
            assertEquals(1, storedRows().size(), storedRows().toString());
            assertTrue(storedRows().get(0).endsWith(" " + threads * eachSends), storedRows().toString());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theTableHoldsKeyedHashesThatNameNoScopeKeyOrAddress() throws SQLException {
        String client = throttle.clientKey("203.0.113.7");
        throttle.hit("sign-up", client, 3, HOUR, "x");
        throttle.hit("sign-in", "quietharbor482", 3, HOUR, "x");
        throttle.hit("posts", "4711", 3, HOUR, "x");

        List<String> rows = storedRows();

        assertEquals(3, rows.size(), rows.toString());
        for (String row : rows) {
            String bucket = row.substring(0, row.indexOf(' '));
            assertEquals(43, bucket.length(), bucket);
            for (String named : List.of("203", "113", "sign", "posts", "quiet", "harbor", "4711", client)) {
                assertFalse(bucket.contains(named), named + " in " + bucket);
            }
        }
        assertFalse(client.contains("203") || client.contains("113"), client);
    }

    @Test
    void addressKeysChangeAtMidnightWhileWindowsOfPseudonymsAndMembersRunOn() {
        MovableClock lateEvening = new MovableClock(Instant.parse("2026-12-06T23:30:00Z"));
        Throttle node = new Throttle(database, SHARED, lateEvening);
        String today = node.clientKey("203.0.113.7");
        assertEquals(today, node.clientKey("203.0.113.7"), "the same client counts as one within a day");
        assertNotEquals(today, node.clientKey("203.0.113.8"));
        node.hit("posts", "7", 1, HOUR, "x");

        lateEvening.advance(Duration.ofMinutes(45)); // 00:15 the next day, inside the window that opened at 23:30

        assertNotEquals(today, node.clientKey("203.0.113.7"), "yesterday's address keys cannot be followed");
        assertThrows(RateLimitedException.class, () -> node.hit("posts", "7", 1, HOUR, "x"),
                "a member's window does not start afresh at midnight");
    }

    @Test
    void endedWindowsAreSweptAwayAndOpenOnesStay() throws SQLException {
        throttle.hit("sign-in", "a", 10, Duration.ofMinutes(1), "x"); // the first event also sweeps (nothing yet)
        throttle.hit("sign-in", "b", 10, Duration.ofMinutes(1), "x");
        throttle.hit("sign-up", "c", 10, HOUR, "x");
        assertEquals(3, storedRows().size());

        clock.advance(Duration.ofMinutes(6));
        throttle.hit("posts", "d", 10, HOUR, "x");

        List<String> rows = storedRows();
        assertEquals(2, rows.size(), "the two one-minute windows ended and went: " + rows);
        assertTrue(rows.stream().anyMatch(r -> r.startsWith(throttle.bucket("sign-up", "c") + " ")), rows.toString());
    }

    @Test
    void whenTheDatabaseCannotCountTheRequestGoesThrough() {
        JdbcDataSource unmigrated = new JdbcDataSource();
        unmigrated.setURL("jdbc:h2:mem:no-tables-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        Throttle broken = new Throttle(unmigrated, SHARED, clock);

        for (int i = 0; i < 5; i++) {
            assertDoesNotThrow(() -> broken.hit("posts", "7", 1, HOUR, "x"));
        }
        assertDoesNotThrow(() -> broken.ensureBelow("posts", "7", 1, HOUR, "x"));
        assertDoesNotThrow(() -> broken.reset("posts", "7"));
    }
}
