package org.haven.testing;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Race tests hold a row locked through JDBC, as a concurrent writer would, let requests run into the lock, and then
 * commit. This waits until the requests are really waiting, by asking the database (PostgreSQL's pg_stat_activity,
 * H2's sessions), never by sleeping for a while.
 */
public final class RowLocks {

    public static final Duration PATIENCE = Duration.ofSeconds(30);

    private RowLocks() {
    }

    /**
     * Returns once {@code sessions} database sessions wait on a lock in a statement naming {@code table}; fails if
     * {@code request} answers first, which means it wrote without waiting for the locked row.
     */
    public static void awaitWaitingOr(CompletableFuture<?> request, int sessions, String table) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        String like = "%" + table.toUpperCase(java.util.Locale.ROOT) + "%";
        String waiting = "postgresql".equalsIgnoreCase(System.getenv("HAVEN_DB_KIND"))
                ? "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database() "
                        + "AND upper(query) LIKE ?"
                : "SELECT count(*) FROM INFORMATION_SCHEMA.SESSIONS WHERE BLOCKER_ID IS NOT NULL "
                        + "AND upper(EXECUTING_STATEMENT) LIKE ?";
        try (Connection observer = Database.connect(); PreparedStatement q = observer.prepareStatement(waiting)) {
            q.setString(1, like);
            while (System.nanoTime() < deadline) {
                if (request.isDone()) {
                    throw new AssertionError("the request answered without waiting for the locked " + table + ": "
                            + join(request));
                }
                try (ResultSet r = q.executeQuery()) {
                    r.next();
                    if (r.getInt(1) >= sessions) {
                        return;
                    }
                }
                LockSupport.parkNanos(Duration.ofMillis(5).toNanos()); // polling a condition, not waiting for time
            }
        }
        throw new AssertionError("no request waited on the locked " + table + " within " + PATIENCE);
    }

    public static <T> T join(CompletableFuture<T> future) {
        try {
            return future.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
