package org.haven.web;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
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
 * The hourly writing limit and the sign-in limits, through the real server, with a second node: this test
 * runs Haven's {@link Throttle} against the server's database with the same configured secret, as a second
 * Liberty behind the load balancer would. What one node counts, the other refuses.
 */
@ExtendWith(ArquillianExtension.class)
class RequestLimitsIT {

    /** The server's defaults (see PostingLimit and MemberService). */
    private static final int POSTS_PER_HOUR = 60;
    /** Failed sign-ins for one pseudonym from everywhere (from one address it is 10, counted on that node). */
    private static final int SIGN_IN_FAILURES_PER_PSEUDONYM = 100;
    private static final String SECRET = "integration tests only, a second node's secret";
    private static final String TOPIC = "relapse-and-starting-again";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return HavenDeployment.war();
    }

    @ArquillianResource
    URL base;

    private final Throttle secondNode = new Throttle(Database.dataSource(), Optional.of(SECRET), Clock.systemUTC());

    private static long memberId(String pseudonym) throws Exception {
        try (Connection db = Database.connect();
                PreparedStatement q = db.prepareStatement("SELECT id FROM member WHERE pseudonym = ?")) {
            q.setString(1, pseudonym);
            try (ResultSet r = q.executeQuery()) {
                assertTrue(r.next(), pseudonym);
                return r.getLong(1);
            }
        }
    }

    /** What the second node counts for a member's writing, as the server would; fails unless the window then holds them. */
    private void writtenElsewhere(long memberId, int posts) {
        String member = Long.toString(memberId);
        for (int i = 0; i < posts; i++) {
            secondNode.hit("posts", member, Integer.MAX_VALUE, Duration.ofHours(1), "x");
        }
        // the second node fails open when it cannot count: make sure it did, or the tests below prove nothing
        assertThrows(RateLimitedException.class, () -> secondNode.ensureBelow("posts", member, posts, Duration.ofHours(1), "x"));
    }

    private static long id(JsonObject o) {
        return o.getJsonNumber("id").longValue();
    }

    private static int postCount(Api api, long threadId) {
        return api.get("api/v1/threads/" + threadId).json().getInt("replyCount") + 1;
    }

    @Test
    void theSixtyFirstWriteInAnHourIsRefusedWithWhenToTryAgainAndNothingIsWritten() {
        Api api = new Api(base);
        Api.Member writer = api.newMember("Prolific");
        long thread = id(api.startThread(writer, TOPIC, "Counting", "Day 1.", false));
        for (int day = 2; day <= POSTS_PER_HOUR; day++) {
            api.reply(writer, thread, "Day " + day + ".", false);
        }

        Api.Answer refused = api.json("POST", "api/v1/threads/" + thread + "/posts",
                Api.object("body", "Day 61.", "anonymous", false), writer);

        assertEquals(429, refused.status(), refused.body());
        assertTrue(refused.contentType().startsWith("application/problem+json"), refused.contentType());
        assertTrue(refused.json().getString("detail").contains("your text is still here"), refused.body());
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 3600, "Retry-After " + retryAfter);
        assertEquals(POSTS_PER_HOUR, postCount(api, thread), "the refused reply wrote nothing");
        assertEquals(429, api.json("POST", "api/v1/topics/" + TOPIC + "/threads",
                Api.object("title", "Another", "body", "Day 61.", "anonymous", false), writer).status(),
                "new threads count with replies");
        assertEquals(201, api.json("POST", "api/v1/threads/" + thread + "/posts",
                Api.object("body", "Day 61.", "anonymous", false), api.newMember("SomeoneElse")).status(),
                "the limit is the writer's alone");
    }

    @Test
    void aWriterPastTheLimitWhoWritesInCrisisLanguageIsNeverToldToWait() throws Exception {
        Api api = new Api(base);
        Api.Member writer = api.newMember("PastLimit");
        long thread = id(api.startThread(writer, TOPIC, "Tonight", "Rough evening.", false));
        writtenElsewhere(memberId(writer.pseudonym()), POSTS_PER_HOUR);
        assertEquals(429, api.json("POST", "api/v1/threads/" + thread + "/posts",
                Api.object("body", "Still here, still rough.", "anonymous", false), writer).status());

        Api.Answer crisis = api.json("POST", "api/v1/threads/" + thread + "/posts",
                Api.object("body", "i took all my pills and i'm scared", "anonymous", false), writer);

        assertEquals(201, crisis.status(), crisis.body());
        JsonObject help = crisis.json().getJsonObject("crisis");
        assertNotNull(help, crisis.body());
        assertEquals("IMMINENT", help.getString("level"), crisis.body());
        Api.Answer started = api.json("POST", "api/v1/topics/" + TOPIC + "/threads",
                Api.object("title", "goodbye", "body", "i don't want to be alive anymore", "anonymous", true), writer);
        assertEquals(201, started.status(), "a new thread in crisis language too: " + started.body());
        Api.Answer hidden = api.json("POST", "api/v1/threads/" + thread + "/posts",
                Api.object("body", "i want to k\u0001ill myself", "anonymous", false), writer);
        assertEquals(201, hidden.status(), "read as the post's own check reads it, without the control character: "
                + hidden.body());
    }

    @Test
    void anEditThatIsACrisisOnlyWithItsThreadsTitleIsNeverToldToWait() throws Exception {
        Api api = new Api(base);
        Api.Member writer = api.newMember("Farewell");
        JsonObject started = api.startThread(writer, TOPIC, "Goodbye everyone", "Quiet night.", false);
        JsonObject opening = started.getJsonObject("post");
        writtenElsewhere(memberId(writer.pseudonym()), POSTS_PER_HOUR);
        String edit = "api/v1/posts/" + id(opening);
        assertEquals(429, api.json("PUT", edit, Api.object("body", "Quiet night, still.", "version",
                opening.getJsonNumber("version").longValue()), writer).status(), "an ordinary edit past the limit waits");

        // "Thank you all for everything." says nothing alone; under "Goodbye everyone" it is a farewell
        Api.Answer edited = api.json("PUT", edit, Api.object("body", "Thank you all for everything.", "version",
                opening.getJsonNumber("version").longValue()), writer);

        assertEquals(200, edited.status(), edited.body());
        assertEquals("IMMINENT", edited.json().getJsonObject("crisis").getString("level"), edited.body());
    }

    @Test
    void aWriteThatFailedCostsNothing() throws Exception {
        Api api = new Api(base);
        Api.Member writer = api.newMember("Unlucky");
        long thread = id(api.startThread(writer, TOPIC, "Mornings", "Coffee first.", false));
        writtenElsewhere(memberId(writer.pseudonym()), POSTS_PER_HOUR - 2); // with the opening post: one write left

        for (int i = 0; i < 3; i++) {
            assertEquals(404, api.json("POST", "api/v1/threads/999999999999/posts",
                    Api.object("body", "Into the void.", "anonymous", false), writer).status());
        }

        assertEquals(201, api.json("POST", "api/v1/threads/" + thread + "/posts",
                Api.object("body", "Then a walk.", "anonymous", false), writer).status(), "the failed writes took nothing");
        assertEquals(429, api.json("POST", "api/v1/threads/" + thread + "/posts",
                Api.object("body", "Then lunch.", "anonymous", false), writer).status());
    }

    @Test
    void moderatorsAreNotLimited() throws Exception {
        Api api = new Api(base);
        Api.Member moderator = api.newModerator("BusyModerator");
        long thread = id(api.startThread(moderator, TOPIC, "Welcome", "Welcome, all.", false));
        writtenElsewhere(memberId(moderator.pseudonym()), POSTS_PER_HOUR * 2);

        assertEquals(201, api.json("POST", "api/v1/threads/" + thread + "/posts",
                Api.object("body", "A note from the moderators.", "anonymous", false), moderator).status());
    }

    @Test
    void theReplyFormPastTheLimitIsShownAgainWithTheMessageAndTheDraftKept() throws Exception {
        Api api = new Api(base);
        Api.Member writer = api.newMember("FormWriter");
        long thread = id(api.startThread(writer, TOPIC, "Evening", "Made it through.", false));
        writtenElsewhere(memberId(writer.pseudonym()), POSTS_PER_HOUR);
        String path = "threads/" + thread;
        String csrf = api.get(path, Api.cookie("haven_session", writer.token())).cookieValue("haven_csrf");
        String draft = "Three weeks today & I wanted to say thank you <3";

        Api.Answer page = api.form(path + "/reply", Map.of("csrf", csrf, "body", draft),
                Api.headers(Map.of("Cookie", "haven_session=" + writer.token() + "; haven_csrf=" + csrf)));

        assertEquals(429, page.status(), page.body());
        assertTrue(page.contentType().startsWith("text/html"), page.contentType());
        assertTrue(Long.parseLong(page.header("Retry-After")) >= 1);
        assertTrue(page.body().contains("You have written a lot in the last hour"), page.body());
        assertTrue(page.body().contains("Three weeks today &amp; I wanted to say thank you &lt;3"), "the draft is kept");
        assertEquals(1, postCount(api, thread));
    }

    @Test
    void whatTheServerCountsASecondNodeRefusesAndTheReverse() throws Exception {
        Api api = new Api(base);
        Api.Member writer = api.newMember("TwoNodes");
        long thread = id(api.startThread(writer, TOPIC, "Check-in", "Checking in.", false));
        String member = Long.toString(memberId(writer.pseudonym()));

        // the server counted the opening post: one more than the limit allows elsewhere, and the second node refuses
        assertThrows(RateLimitedException.class,
                () -> secondNode.ensureBelow("posts", member, 1, Duration.ofHours(1), "x"));
        assertDoesNotThrow(() -> secondNode.ensureBelow("posts", member, 2, Duration.ofHours(1), "x"));

        // a pseudonym that failed to sign in 100 times on the second node (from many places) waits on the server,
        // even with the right passphrase
        String pseudonym = api.signUp("Guessed");
        String key = pseudonym.toLowerCase(java.util.Locale.ROOT);
        for (int i = 0; i < SIGN_IN_FAILURES_PER_PSEUDONYM; i++) {
            secondNode.hit("sign-in", key, Integer.MAX_VALUE, Duration.ofMinutes(15), "x");
        }
        Api.Answer signIn = api.json("POST", "api/v1/sessions",
                Api.object("pseudonym", pseudonym, "passphrase", Api.PASSPHRASE), (String) null);
        assertEquals(429, signIn.status(), signIn.body());
        assertEquals(201, api.json("POST", "api/v1/threads/" + thread + "/posts",
                Api.object("body", "Still fine.", "anonymous", false), writer).status());
    }

    @Test
    void theDatabaseKeepsWindowsUnderKeyedHashesThatNameNoMember() throws Exception {
        Api api = new Api(base);
        Api.Member writer = api.newMember("Hashed");
        api.startThread(writer, TOPIC, "Hello", "First post here.", false);
        String member = Long.toString(memberId(writer.pseudonym()));
        String bucket = secondNode.bucket("posts", member);

        try (Connection db = Database.connect();
                PreparedStatement q = db.prepareStatement("SELECT bucket, hits FROM rate_limit WHERE bucket = ?")) {
            q.setString(1, bucket);
            try (ResultSet r = q.executeQuery()) {
                assertTrue(r.next(), "the server counted the post under the bucket the second node derives");
                assertEquals(1, r.getInt("hits"));
            }
        }
        try (Connection db = Database.connect();
                PreparedStatement q = db.prepareStatement("SELECT bucket FROM rate_limit");
                ResultSet r = q.executeQuery()) {
            while (r.next()) {
                // 32 bytes of HMAC in base64url: room for nothing else, so no address, pseudonym or member id
                assertTrue(r.getString(1).matches("[A-Za-z0-9_-]{43}"), r.getString(1));
            }
        }
    }
}
