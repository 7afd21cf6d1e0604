package org.haven.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URL;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Set;
import org.haven.testing.Api;
import org.haven.testing.Database;
import org.haven.testing.HavenDeployment;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Looks inside the database after a member signs up, signs in and writes a crisis post: no passphrase,
 * token, recovery code or client address is stored anywhere, secrets are kept as hashes, the post's text
 * is only in the post, and crisis detection details are only on the care item.
 */
@ExtendWith(ArquillianExtension.class)
class DatabasePrivacyIT {

    private static final Set<String> TEXT_TYPES = Set.of(Types.VARCHAR, Types.CHAR, Types.LONGVARCHAR, Types.CLOB,
            Types.NVARCHAR, Types.NCHAR, Types.NCLOB).stream().map(String::valueOf).collect(java.util.stream.Collectors.toSet());

    @Deployment(testable = false)
    static WebArchive deployment() {
        return HavenDeployment.war();
    }

    @ArquillianResource
    URL base;

    /** A text value found in the database: where it was. */
    record Found(String table, String column, String value) {
    }

    private static List<Found> everyTextValue(Connection db) throws Exception {
        List<Found> values = new ArrayList<>();
        DatabaseMetaData meta = db.getMetaData();
        List<String[]> columns = new ArrayList<>();
        try (ResultSet tables = meta.getTables(null, null, "%", new String[] {"TABLE"})) {
            while (tables.next()) {
                String schema = tables.getString("TABLE_SCHEM");
                if (schema == null || !schema.equalsIgnoreCase("public")) {
                    continue;
                }
                String table = tables.getString("TABLE_NAME");
                try (ResultSet cols = meta.getColumns(null, schema, table, "%")) {
                    while (cols.next()) {
                        if (TEXT_TYPES.contains(String.valueOf(cols.getInt("DATA_TYPE")))) {
                            columns.add(new String[] {schema, table, cols.getString("COLUMN_NAME")});
                        }
                    }
                }
            }
        }
        try (Statement select = db.createStatement()) {
            for (String[] c : columns) {
                try (ResultSet rows = select.executeQuery("SELECT \"" + c[2] + "\" FROM \"" + c[0] + "\".\"" + c[1] + "\"")) {
                    while (rows.next()) {
                        String value = rows.getString(1);
                        if (value != null) {
                            values.add(new Found(c[1].toLowerCase(Locale.ROOT), c[2].toLowerCase(Locale.ROOT), value));
                        }
                    }
                }
            }
        }
        return values;
    }

    @Test
    void theDatabaseKeepsNoSecretNoAddressAndKeepsPostTextAndDetectionsWhereTheyBelong() throws Exception {
        Api api = new Api(base);
        String pseudonym = Api.newPseudonym("Private");
        String passphrase = "my own words " + Api.newPseudonym("p");
        Api.Answer signedUp = api.json("POST", "api/v1/members",
                "{\"pseudonym\":\"" + pseudonym + "\",\"passphrase\":" + Api.str(passphrase) + "}", (String) null);
        assertEquals(201, signedUp.status(), signedUp.body());
        String recoveryCode = signedUp.json().getString("recoveryCode");
        JsonObject session = api.signIn(pseudonym, passphrase);
        String token = session.getString("token");
        String marker = Api.newPseudonym("marker");
        Api.Answer posted = api.json("POST", "api/v1/topics/relapse-and-starting-again/threads",
                "{\"title\":\"tonight\",\"body\":\"i took all my pills and i'm scared " + marker + "\",\"anonymous\":true}", token);
        assertEquals(201, posted.status(), posted.body());

        // a reader worried about the writer: the note is kept on the report, and the report names no one
        Api.Member reader = api.newMember("Worried");
        String noteMarker = Api.newPseudonym("note");
        long postId = posted.json().getJsonObject("post").getJsonNumber("id").longValue();
        assertEquals(201, api.json("POST", "api/v1/posts/" + postId + "/reports",
                Api.object("reason", "at-risk", "note", "worried " + noteMarker), reader).status());

        // a failed sign-in and a sign-up from a forwarded address: both are counted per address, in the database
        String forwarded = "198.51.100.23";
        api.send("POST", "api/v1/sessions", "application/json",
                Api.object("pseudonym", pseudonym, "passphrase", "not the passphrase"), Map.of("X-Forwarded-For", forwarded));
        assertEquals(201, api.send("POST", "api/v1/members", "application/json",
                Api.object("pseudonym", Api.newPseudonym("Forwarded"), "passphrase", Api.PASSPHRASE),
                Map.of("X-Forwarded-For", forwarded)).status());

        List<Found> stored;
        try (Connection db = Database.connect()) {
            stored = everyTextValue(db);
        }

        assertTrue(stored.stream().anyMatch(f -> f.value().equals(pseudonym)), "the scan sees the member's row");
        for (Found f : stored) {
            String where = f.table() + "." + f.column();
            assertFalse(f.value().contains(passphrase), "passphrase in " + where);
            assertFalse(f.value().contains(token), "session token in " + where);
            assertFalse(f.value().contains(session.getString("csrfToken")), "CSRF token in " + where);
            assertFalse(f.value().replace("-", "").contains(recoveryCode.replace("-", "")), "recovery code in " + where);
            for (String address : List.of("127.0.0.1", "0:0:0:0:0:0:0:1", "localhost", forwarded)) {
                assertFalse(f.value().contains(address), "a client address in " + where);
            }
            if (f.value().contains(marker)) {
                assertEquals("post", f.table(), "post text stored outside the post: " + where);
            }
            if (f.value().contains(noteMarker)) {
                assertEquals("post_report", f.table(), "a report's note stored outside the report: " + where);
            }
            if (!f.table().equals("member")) {
                assertFalse(f.value().contains(reader.pseudonym()), "the reporter named in " + where);
            }
            if (f.value().contains("overdose-taken")) {
                assertEquals("moderation_item", f.table(), "crisis detection details outside the care item: " + where);
            }
        }
        assertTrue(stored.stream().anyMatch(f -> f.table().equals("post_report") && f.value().contains(noteMarker)),
                "the scan sees the report's note");
        assertTrue(stored.stream().anyMatch(f -> f.table().equals("rate_limit")), "the scan sees the request limits' windows");
        assertTrue(stored.stream().anyMatch(f -> f.table().equals("moderation_item") && f.value().contains("overdose")),
                "the care item holds the detection");
        assertTrue(stored.stream().anyMatch(f -> f.table().equals("member") && f.value().startsWith("pbkdf2-sha256$600000$")),
                "passphrases are stored as PBKDF2 hashes");
    }
}
