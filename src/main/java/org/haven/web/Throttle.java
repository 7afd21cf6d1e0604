package org.haven.web;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.haven.platform.Secrets;

/**
 * Fixed-window request limits, counted in the database so that every node behind the load balancer counts
 * against the same window (DESIGN.md, scale). Nothing in the table names anyone: a window is kept under an
 * HMAC of its scope and key (its bucket).
 *
 * <p>Two keys, for two kinds of thing counted. A client address is reduced to an HMAC under a key that lives
 * only in this node's memory and changes every day (DESIGN.md, privacy), before it reaches anything else; so
 * windows per address are this node's own, and start afresh at midnight UTC. Pseudonyms and member ids, which
 * the database holds anyway, are kept under the bucket key: with {@code haven.limit.secret} set (the same on
 * every node) it is derived from that secret, so that every node finds the same window and a pseudonym's
 * failed sign-ins count on all of them; without it each node draws its own at start, which is right for one
 * node. The address key is never derived from the secret: with the secret and a copy of the database, the
 * whole IPv4 space could be tried.
 *
 * <p>Windows are counted outside any transaction, in short transactions of their own: a refused request
 * must still have counted, and a count must not wait on the request's own work (counting inside a
 * transaction is a programming error and throws). When the database cannot count, the request goes through
 * (logged with the scope only): a limit protects the forum, and must not be the reason a post is lost.
 */
@ApplicationScoped
public class Throttle {

    private static final Logger LOG = Logger.getLogger(Throttle.class.getName());
    private static final long SWEEP_EVERY_MILLIS = Duration.ofMinutes(5).toMillis();

    @Resource(lookup = "jdbc/haven")
    DataSource dataSource;

    @Inject
    @ConfigProperty(name = "haven.limit.secret")
    Optional<String> sharedSecret;

    private Clock clock = Clock.systemUTC();
    private final AtomicLong nextSweep = new AtomicLong();
    private DailyKey addressKey;
    private byte[] bucketKey;

    private record DailyKey(LocalDate day, byte[] secret) {
    }

    /** A window's count after this event and when the window ends. */
    private record Count(int hits, long expiresAt) {
    }

    Throttle() {
        // for CDI
    }

    /** A node of its own on {@code dataSource}, as CDI would make it; for tests, with their own clock. */
    Throttle(DataSource dataSource, Optional<String> sharedSecret, Clock clock) {
        this.dataSource = dataSource;
        this.sharedSecret = sharedSecret;
        this.clock = clock;
    }

    /**
     * Counts one event for {@code key} in {@code scope}; past {@code limit} events per {@code window}
     * throws {@link RateLimitedException} saying when to try again.
     */
    public void hit(String scope, String key, int limit, Duration window, String message) {
        long now = clock.millis();
        Count count;
        try {
            count = count(bucket(scope, key), now, now + window.toMillis());
        } catch (SQLException e) {
            notCounted(scope, e);
            return;
        }
        sweepNow(now);
        if (count.hits() > limit) {
            throw refused(message, count.expiresAt(), now);
        }
    }

    /** Refuses, without counting, when {@code key} already used up {@code limit} events in the window. */
    public void ensureBelow(String scope, String key, int limit, Duration window, String message) {
        long now = clock.millis();
        try (Connection c = dataSource.getConnection();
                PreparedStatement read = c.prepareStatement("SELECT hits, expires_at FROM rate_limit WHERE bucket = ?")) {
            read.setString(1, bucket(scope, key));
            try (ResultSet row = read.executeQuery()) {
                if (row.next() && row.getLong(2) > now && row.getInt(1) >= limit) {
                    throw refused(message, row.getLong(2), now);
                }
            }
        } catch (SQLException e) {
            notCounted(scope, e);
        }
    }

    /** Forgets {@code key} in {@code scope}, e.g. after a successful sign-in. */
    public void reset(String scope, String key) {
        changeWindow(scope, key, "DELETE FROM rate_limit WHERE bucket = ?");
    }

    /**
     * Takes back one event counted with {@link #hit}, e.g. an attempt that turned out to be a success when only
     * failures should count.
     */
    public void release(String scope, String key) {
        changeWindow(scope, key, "UPDATE rate_limit SET hits = hits - 1 WHERE bucket = ? AND hits > 0");
    }

    private void changeWindow(String scope, String key, String sql) {
        try (Connection c = dataSource.getConnection(); PreparedStatement change = c.prepareStatement(sql)) {
            change.setString(1, bucket(scope, key));
            change.executeUpdate();
        } catch (SQLException e) {
            notCounted(scope, e);
        }
    }

    /** A keyed hash of a client address under today's key, which never leaves this node's memory; the address is dropped. */
    public String clientKey(String remoteAddress) {
        return hmac(todaysAddressKey(), "client\n" + remoteAddress);
    }

    /** Where the window of {@code key} in {@code scope} is kept: a keyed hash, 43 characters. */
    String bucket(String scope, String key) {
        return hmac(bucketKey(), scope + '\n' + key);
    }

    /**
     * Adds one to the window, starting a new one when it has ended, in one short transaction: the update
     * locks the row, so the count read back is this event's, whatever other nodes do at the same moment.
     * Two first events racing to insert: the loser retries as an update.
     */
    private Count count(String bucket, long now, long expiresIfNew) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            if (!c.getAutoCommit()) {
                // inside the caller's transaction the count would vanish with a rollback and hold a lock until it ends
                throw new IllegalStateException("request limits are counted outside transactions");
            }
            c.setAutoCommit(false);
            try {
                for (int attempt = 0; ; attempt++) {
                    if (addOne(c, bucket, now, expiresIfNew) == 0) {
                        try {
                            startWindow(c, bucket, expiresIfNew);
                        } catch (SQLException e) {
                            if (attempt == 0 && "23505".equals(e.getSQLState())) {
                                c.rollback();
                                continue;
                            }
                            throw e;
                        }
                    }
                    Count count = read(c, bucket);
                    c.commit();
                    return count;
                }
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }

    private static int addOne(Connection c, String bucket, long now, long expiresIfNew) throws SQLException {
        // both CASEs read the row as it was before this update (SQL's rule, kept by H2 and PostgreSQL)
        try (PreparedStatement update = c.prepareStatement("UPDATE rate_limit"
                + " SET hits = CASE WHEN expires_at <= ? THEN 1 ELSE hits + 1 END,"
                + " expires_at = CASE WHEN expires_at <= ? THEN ? ELSE expires_at END WHERE bucket = ?")) {
            update.setLong(1, now);
            update.setLong(2, now);
            update.setLong(3, expiresIfNew);
            update.setString(4, bucket);
            return update.executeUpdate();
        }
    }

    private static void startWindow(Connection c, String bucket, long expiresAt) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO rate_limit (bucket, expires_at, hits) VALUES (?, ?, 1)")) {
            insert.setString(1, bucket);
            insert.setLong(2, expiresAt);
            insert.executeUpdate();
        }
    }

    private static Count read(Connection c, String bucket) throws SQLException {
        try (PreparedStatement read = c.prepareStatement("SELECT hits, expires_at FROM rate_limit WHERE bucket = ?")) {
            read.setString(1, bucket);
            try (ResultSet row = read.executeQuery()) {
                if (!row.next()) {
                    throw new SQLException("the window just counted is gone");
                }
                return new Count(row.getInt(1), row.getLong(2));
            }
        }
    }

    /** Every few minutes, one caller on this node deletes the windows that have ended. */
    private void sweepNow(long now) {
        long due = nextSweep.get();
        if (now < due || !nextSweep.compareAndSet(due, now + SWEEP_EVERY_MILLIS)) {
            return;
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement delete = c.prepareStatement("DELETE FROM rate_limit WHERE expires_at <= ?")) {
            delete.setLong(1, now);
            delete.executeUpdate();
        } catch (SQLException e) {
            notCounted("sweep", e);
        }
    }

    private static RateLimitedException refused(String message, long expiresAt, long now) {
        return new RateLimitedException(message, (expiresAt - now + 999) / 1000);
    }

    private static void notCounted(String scope, SQLException e) {
        // the scope and the SQL state only: a message could quote a bucket
        LOG.warning(() -> "request limit '" + scope + "' not applied: database answered SQL state " + e.getSQLState());
    }

    private synchronized byte[] todaysAddressKey() {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        if (addressKey == null || !addressKey.day().equals(today)) {
            addressKey = new DailyKey(today, Secrets.randomBytes(32));
        }
        return addressKey.secret();
    }

    private synchronized byte[] bucketKey() {
        if (bucketKey == null) {
            bucketKey = sharedSecret.filter(s -> !s.isBlank())
                    .map(s -> Secrets.hmacSha256(s.getBytes(StandardCharsets.UTF_8), "haven request limits"))
                    .orElseGet(() -> Secrets.randomBytes(32));
        }
        return bucketKey;
    }

    private static String hmac(byte[] key, String value) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Secrets.hmacSha256(key, value));
    }
}
