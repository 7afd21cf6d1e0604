package org.haven.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.haven.testing.Api;
import org.haven.testing.Database;
import org.haven.testing.HavenDeployment;
import org.haven.testing.RowLocks;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A passphrase is checked slowly, outside any transaction; what the check decided must still hold when the result
 * is written. The test holds a member's row locked, as a passphrase change or a recovery holds it while it
 * commits, lets requests that have already read the member run into the lock, and then commits or releases.
 */
@ExtendWith(ArquillianExtension.class)
class IdentityRacesIT {

    private static final Duration PATIENCE = RowLocks.PATIENCE;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return HavenDeployment.war();
    }

    @ArquillianResource
    URL base;

    private static String session(String pseudonym, String passphrase) {
        return Api.object("pseudonym", pseudonym, "passphrase", passphrase);
    }

    @Test
    void aSignInThatCheckedTheOldPassphraseOpensNoSessionOnceAChangeCommits() throws Exception {
        Api api = new Api(base);
        String pseudonym = api.signUp("RaceSignIn");
        try (Connection db = Database.connect()) {
            db.setAutoCommit(false);
            long memberId = lockMember(db, pseudonym);
            CompletableFuture<Api.Answer> signIn = CompletableFuture.supplyAsync(
                    () -> api.json("POST", "api/v1/sessions", session(pseudonym, Api.PASSPHRASE), (String) null));

            // the sign-in has read the member and checked the passphrase when it waits for the row; if it never
            // waits, it opened its session without looking again
            RowLocks.awaitWaitingOr(signIn, 1, "member");
            // the change commits: another passphrase's hash (the administrator's), and every session ends
            try (PreparedStatement change = db.prepareStatement("UPDATE member SET passphrase_hash = "
                    + "(SELECT passphrase_hash FROM member WHERE pseudonym_key = ?) WHERE id = ?")) {
                change.setString(1, Api.ADMIN_PSEUDONYM.toLowerCase(java.util.Locale.ROOT));
                change.setLong(2, memberId);
                assertEquals(1, change.executeUpdate());
            }
            try (PreparedStatement end = db.prepareStatement("DELETE FROM member_session WHERE member_id = ?")) {
                end.setLong(1, memberId);
                end.executeUpdate();
            }
            db.commit();

            Api.Answer answer = signIn.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
            assertEquals(401, answer.status(), "the old passphrase opens nothing after the change: " + answer.body());
            assertEquals(0, sessionsOf(db, memberId), "no session outlives the change");
        }
    }

    @Test
    void oneRecoveryCodeSentTwiceAtOnceRecoversTheAccountOnce() throws Exception {
        Api api = new Api(base);
        String pseudonym = Api.newPseudonym("RaceCode");
        Api.Answer signedUp = api.json("POST", "api/v1/members", session(pseudonym, Api.PASSPHRASE), (String) null);
        assertEquals(201, signedUp.status(), signedUp.body());
        String code = signedUp.json().getString("recoveryCode");
        try (Connection db = Database.connect()) {
            db.setAutoCommit(false);
            lockMember(db, pseudonym);
            List<CompletableFuture<Api.Answer>> recoveries = List.of("first new passphrase 1", "second new passphrase 2")
                    .stream().map(passphrase -> CompletableFuture.supplyAsync(() -> api.json("POST",
                            "api/v1/members/recovery", Api.object("pseudonym", pseudonym, "recoveryCode", code,
                                    "newPassphrase", passphrase), (String) null)))
                    .toList();

            RowLocks.awaitWaitingOr(CompletableFuture.anyOf(recoveries.toArray(CompletableFuture[]::new)), 2, "member");
            db.commit(); // releases the row unchanged: both recoveries checked the same unused code

            List<Integer> statuses = recoveries.stream().map(r -> join(r).status()).sorted().toList();
            assertEquals(List.of(200, 401), statuses, "one recovery, and the spent code refused once");
        }
    }

    /** Locks the member's row as a change does (SELECT ... FOR UPDATE) and answers its id. */
    private static long lockMember(Connection db, String pseudonym) throws SQLException {
        try (PreparedStatement q = db.prepareStatement("SELECT id FROM member WHERE pseudonym_key = ? FOR UPDATE")) {
            q.setString(1, pseudonym.toLowerCase(java.util.Locale.ROOT));
            try (ResultSet r = q.executeQuery()) {
                assertTrue(r.next(), "member " + pseudonym);
                return r.getLong(1);
            }
        }
    }

    private static <T> T join(CompletableFuture<T> future) {
        return RowLocks.join(future);
    }

    private static long sessionsOf(Connection db, long memberId) throws SQLException {
        try (PreparedStatement q = db.prepareStatement("SELECT count(*) FROM member_session WHERE member_id = ?")) {
            q.setLong(1, memberId);
            try (ResultSet r = q.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }
}
