package org.haven.moderation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.haven.testing.Api;
import org.haven.testing.Database;
import org.haven.testing.HavenDeployment;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Crisis detections are kept no longer than the retention period (90 days by default). */
@ExtendWith(ArquillianExtension.class)
class CareRetentionIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return HavenDeployment.war();
    }

    @ArquillianResource
    URL base;

    private static long count(Connection db, String where, long id) throws Exception {
        try (PreparedStatement q = db.prepareStatement("SELECT COUNT(*) FROM moderation_item WHERE " + where)) {
            q.setLong(1, id);
            try (ResultSet r = q.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    private static String auditDetails(Connection db, long id) throws Exception {
        try (PreparedStatement q = db.prepareStatement("SELECT post_id, thread_id, reason FROM moderation_audit WHERE id = ?")) {
            q.setLong(1, id);
            try (ResultSet r = q.executeQuery()) {
                assertTrue(r.next(), "the entry stays");
                return r.getObject(1) + "/" + r.getObject(2) + "/" + r.getString(3);
            }
        }
    }

    @Test
    void careItemsOlderThanTheRetentionPeriodAreDeletedWithTheirDetailsAndNewerOnesStay() throws Exception {
        Api api = new Api(base);
        String writer = api.newMemberToken("Kept");
        Api.Answer posted = api.json("POST", "api/v1/topics/relapse-and-starting-again/threads",
                "{\"title\":\"tonight\",\"body\":\"i took all my pills and i'm scared\",\"anonymous\":true}", writer);
        assertEquals(201, posted.status(), posted.body());
        JsonObject created = posted.json();
        long postId = created.getJsonObject("post").getJsonNumber("id").longValue();
        long threadId = created.getJsonNumber("id").longValue();
        long oldItem = 9_000_000_000L + ThreadLocalRandom.current().nextLong(1_000_000_000L);

        try (Connection db = Database.connect()) {
            try (PreparedStatement insert = db.prepareStatement("INSERT INTO moderation_item (id, lane, kind, status, "
                    + "priority, crisis_level, rules, spans, post_id, thread_id, created_at, version) "
                    + "VALUES (?, 'CARE', 'crisis', 'PENDING', 300, 'IMMINENT', 'overdose-taken', '[]', ?, ?, ?, 1)")) {
                insert.setLong(1, oldItem);
                insert.setLong(2, postId);
                insert.setLong(3, threadId);
                insert.setObject(4, OffsetDateTime.now(ZoneOffset.UTC).minusDays(91));
                insert.executeUpdate();
            }
            assertEquals(1, count(db, "id = ?", oldItem));
            // what moderators wrote about the old item (care lane), about today's (care lane) and in the review lane
            long todayItem;
            try (PreparedStatement q = db.prepareStatement(
                    "SELECT id FROM moderation_item WHERE post_id = ? AND lane = 'CARE'")) {
                q.setLong(1, postId);
                try (ResultSet r = q.executeQuery()) {
                    assertTrue(r.next());
                    todayItem = r.getLong(1);
                }
            }
            long[] audit = new long[3];
            Object[][] rows = {{"care", oldItem}, {"care", todayItem}, {"review", oldItem}};
            for (int k = 0; k < rows.length; k++) {
                audit[k] = oldItem + 1 + k;
                try (PreparedStatement insert = db.prepareStatement("INSERT INTO moderation_audit (id, at, action, "
                        + "item_id, lane, post_id, thread_id, reason) VALUES (?, ?, 'approve', ?, ?, ?, ?, "
                        + "'they are with family')")) {
                    insert.setLong(1, audit[k]);
                    insert.setObject(2, OffsetDateTime.now(ZoneOffset.UTC).minusDays(1));
                    insert.setLong(3, (Long) rows[k][1]);
                    insert.setString(4, (String) rows[k][0]);
                    insert.setLong(5, postId);
                    insert.setLong(6, threadId);
                    insert.executeUpdate();
                }
            }

            String member = api.newMemberToken("NotAdmin");
            assertEquals(403, api.json("POST", "api/v1/admin/care/expire", null, member).status());
            String admin = api.signIn("ItAdministrator", "integration tests only, never deployed").getString("token");
            Api.Answer expired = api.json("POST", "api/v1/admin/care/expire", null, admin);
            assertEquals(200, expired.status(), expired.body());
            assertTrue(expired.json().getInt("removed") >= 1, expired.body());

            assertEquals(0, count(db, "id = ?", oldItem), "the item past retention is gone, details and all");
            assertEquals(1, count(db, "post_id = ? AND lane = 'CARE'", postId), "today's care item for the post stays");
            String kept = postId + "/" + threadId + "/they are with family";
            assertEquals(List.of("null/null/null", kept, kept),
                    List.of(auditDetails(db, audit[0]), auditDetails(db, audit[1]), auditDetails(db, audit[2])),
                    "an entry about a care item that is gone keeps who, what and when, not the post or what was "
                            + "written of it");
        }
    }
}
