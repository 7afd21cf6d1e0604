package org.haven.moderation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URL;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.haven.testing.Api;
import org.haven.testing.HavenDeployment;
import org.haven.testing.Problems;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Moderators warn, suspend, ban and lift through a post, never learning whose post it is; the writer reads why, and a
 * suspended writer in crisis language is still published.
 */
@ExtendWith(ArquillianExtension.class)
class SanctionsIT {

    private static final String TOPIC = "relapse-and-starting-again";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return HavenDeployment.war();
    }

    @ArquillianResource
    URL base;

    private static Api.Answer act(Api api, Api.Member moderator, long postId, String action, String reason,
                                  Integer days) {
        return api.json("POST", "api/v1/moderation/posts/" + postId + "/sanctions",
                Api.object("action", action, "reason", reason, "days", days), moderator);
    }

    private static List<JsonObject> notices(Api api, Api.Member member) {
        Api.Answer answer = api.get("api/v1/me/notices", member);
        assertEquals(200, answer.status(), answer.body());
        return answer.json().getJsonArray("notices").getValuesAs(JsonObject.class);
    }

    private static long postOf(JsonObject created) {
        return created.getJsonObject("post").getJsonNumber("id").longValue();
    }

    private static List<JsonObject> auditOf(Api api, Api.Member moderator, long postId) {
        return api.get("api/v1/moderation/audit", moderator).jsonStructure().asJsonArray().getValuesAs(JsonObject.class)
                .stream().filter(e -> !Api.isNull(e, "postId") && e.getJsonNumber("postId").longValue() == postId)
                .toList();
    }

    @Test
    void aWarningReachesTheAnonymousWriterAndNamesNoOne() {
        Api api = new Api(base);
        Api.Member writer = api.newMember("Warned");
        Api.Member moderator = api.newModerator("Warner");
        JsonObject started = api.startThread(writer, TOPIC, "Day one again", "Anyone else selling their old meds?",
                true);
        long postId = postOf(started);

        Problems.assertProblem(401, api.json("POST", "api/v1/moderation/posts/" + postId + "/sanctions",
                Api.object("action", "warn", "reason", "x"), (String) null));
        Problems.assertProblem(403, act(api, api.newMember("NotAModerator"), postId, "warn", "x", null));
        Problems.assertProblemNaming(400, "action", act(api, moderator, postId, "shame", "x", null));
        Problems.assertProblemNaming(400, "reason", act(api, moderator, postId, "warn", " ", null));
        Problems.assertProblemNaming(400, "days", act(api, moderator, postId, "suspend", "x", null));
        Problems.assertProblemNaming(400, "days", act(api, moderator, postId, "suspend", "x", 366));
        Problems.assertProblemNaming(400, "days", api.json("POST", "api/v1/moderation/posts/" + postId + "/sanctions",
                "{\"action\":\"suspend\",\"reason\":\"x\",\"days\":2.5}", moderator));
        Problems.assertProblemNaming(400, "days", api.json("POST", "api/v1/moderation/posts/" + postId + "/sanctions",
                "{\"action\":\"suspend\",\"reason\":\"x\",\"days\":\"seven\"}", moderator));
        Problems.assertProblem(404, act(api, moderator, 999_999_999L, "warn", "x", null));
        assertTrue(notices(api, writer).isEmpty(), "nothing refused reached the writer");
        // lifting what does not run answers as any lift does: a refusal would tell whether two posts share a writer
        Api.Answer lifted = act(api, moderator, postId, "lift", null, null);
        assertEquals(200, lifted.status(), lifted.body());
        assertTrue(notices(api, writer).isEmpty(), "and the writer hears of nothing that did not happen");

        String reason = "Offering medication is not allowed here. Please talk to a pharmacist about disposal.";
        Api.Answer warned = act(api, moderator, postId, "warn", reason, null);
        assertEquals(200, warned.status(), warned.body());
        assertFalse(warned.body().contains(writer.pseudonym()), "the moderator does not learn who: " + warned.body());
        assertTrue(api.get("help", Api.cookie("haven_session", writer.token())).body()
                .contains("Messages from the moderators (1)"), "every page says a message waits");
        assertFalse(api.get("account", Api.cookie("haven_session", writer.token())).body()
                .contains("Messages from the moderators (1)"), "but the page that shows them");

        List<JsonObject> read = notices(api, writer);
        assertEquals(1, read.size());
        assertEquals("warning", read.get(0).getString("kind"));
        assertEquals(reason, read.get(0).getString("message"));
        assertEquals(postId, read.get(0).getJsonNumber("postId").longValue());
        assertFalse(read.toString().contains(moderator.pseudonym()), "nor the writer who warned them");
        assertFalse(api.get("help", Api.cookie("haven_session", writer.token())).body()
                .contains("Messages from the moderators ("), "read once, no longer new");
        assertTrue(api.get("api/v1/me/export", writer).body().contains(reason), "the writer's export holds it");

        JsonObject audit = auditOf(api, moderator, postId).get(0);
        assertEquals("warn", audit.getString("action"));
        assertEquals(reason, audit.getString("reason"));
        api.reply(writer, started.getJsonNumber("id").longValue(), "Sorry, I did not know.", false);
    }

    @Test
    void aSuspendedWriterReadsAndReportsButDoesNotWriteUnlessInCrisis() {
        Api api = new Api(base);
        Api.Member writer = api.newMember("Suspended");
        Api.Member moderator = api.newModerator("Suspender");
        Api.Member other = api.newMember("Neighbour");
        JsonObject started = api.startThread(writer, TOPIC, "Whatever", "You are all pathetic.", false);
        long threadId = started.getJsonNumber("id").longValue();
        long otherPost = api.reply(other, threadId, "That hurts to read.", false).getJsonNumber("id").longValue();

        Api.Answer suspended = act(api, moderator, postOf(started), "suspend", "Harassing members.", 3);
        assertEquals(200, suspended.status(), suspended.body());
        OffsetDateTime until = OffsetDateTime.parse(suspended.json().getString("until"));
        assertTrue(until.isAfter(OffsetDateTime.now().plus(Duration.ofDays(2))), "three days from now: " + until);

        JsonObject refused = Problems.assertProblem(403, api.json("POST", "api/v1/threads/" + threadId + "/posts",
                Api.object("body", "Whatever."), writer));
        assertTrue(refused.getString("detail").contains("suspended your account until"), refused.toString());
        Problems.assertProblem(403, api.json("POST", "api/v1/topics/" + TOPIC + "/threads",
                Api.object("title", "New", "body", "Hello"), writer));
        Problems.assertProblem(403, api.send("POST", "api/v1/posts/" + otherPost + "/support", "application/json",
                "{}", writer.bearer()));
        assertEquals(201, api.json("POST", "api/v1/posts/" + otherPost + "/reports", Api.object("reason", "at-risk"),
                writer).status(), "a worry about someone is still heard");
        Api.Answer page = api.get("threads/" + threadId, Api.cookie("haven_session", writer.token()));
        assertEquals(200, page.status(), "and the thread is still read");

        // help comes before sanctions: crisis language is published, with help, and reaches the care lane
        Api.Answer crisis = api.json("POST", "api/v1/threads/" + threadId + "/posts",
                Api.object("body", "i took all my pills and i'm scared"), writer);
        assertEquals(201, crisis.status(), crisis.body());
        assertFalse(Api.isNull(crisis.json(), "crisis"));
        assertNotNull(api.queueItem(moderator, "care", crisis.json().getJsonNumber("id").longValue()));

        assertEquals(200, act(api, moderator, postOf(started), "lift", null, null).status());
        api.reply(writer, threadId, "I am sorry for what I wrote.", false);
        List<String> kinds = notices(api, writer).stream().map(n -> n.getString("kind")).toList();
        assertEquals(List.of("lifted", "suspension"), kinds, "newest first");
        List<String> actions = auditOf(api, moderator, postOf(started)).stream().map(e -> e.getString("action"))
                .toList();
        assertEquals(List.of("lift", "suspend"), actions);
        assertTrue(auditOf(api, moderator, postOf(started)).get(1).getString("reason").startsWith("For 3 days."));
    }

    @Test
    void aBanHasNoEndModeratorsAreNotBannedAndAHiddenPostsWriterIsToldWhy() {
        Api api = new Api(base);
        Api.Member writer = api.newMember("Banned");
        Api.Member moderator = api.newModerator("Banner");
        JsonObject started = api.startThread(writer, TOPIC, "Cheap pills", "DM me for cheap pills.", false);
        long postId = postOf(started);

        // a report opens a review item; hiding it tells the writer why
        assertEquals(201, api.json("POST", "api/v1/posts/" + postId + "/reports", Api.object("reason", "drug-sourcing"),
                api.newMember("Reporter")).status());
        JsonObject item = api.queueItem(moderator, "review", postId);
        Api.Answer hidden = api.json("POST", "api/v1/moderation/items/" + item.getJsonNumber("id") + "/decisions",
                Api.object("action", "hide", "reason", "Selling drugs is not allowed.", "version",
                        item.getJsonNumber("version").longValue()), moderator);
        assertEquals(200, hidden.status(), hidden.body());
        JsonObject told = notices(api, writer).get(0);
        assertEquals("hidden", told.getString("kind"));
        assertEquals("Selling drugs is not allowed.", told.getString("message"));

        Api.Answer banned = act(api, moderator, postId, "ban", "Selling drugs.", null);
        assertEquals(200, banned.status(), banned.body());
        assertTrue(Api.isNull(banned.json(), "until"));
        JsonObject refused = Problems.assertProblem(403, api.json("POST", "api/v1/topics/" + TOPIC + "/threads",
                Api.object("title", "Again", "body", "Cheap"), writer));
        assertTrue(refused.getString("detail").contains("banned"), refused.toString());
        Api.Answer status = api.get("api/v1/me/notices", writer);
        assertTrue(status.json().getBoolean("banned"), status.body());

        // a shorter suspension through another of the writer's posts does not shorten the ban: the moderator could not
        // know it is the same writer
        assertEquals(200, act(api, moderator, postOf(api.startThread(writer, TOPIC, "Crisis", "i took all my pills and "
                + "i'm scared", true)), "suspend", "Spam.", 1).status());
        assertTrue(api.get("api/v1/me/notices", writer).json().getBoolean("banned"), "still banned");
        assertEquals("ban", notices(api, writer).get(0).getString("kind"), "and the writer reads that they still are");
        assertTrue(api.get("api/v1/me/export", writer).body().contains("bannedFromWriting"));

        // the same answer whoever wrote the post: a moderator posting anonymously is suspended like anyone (from
        // writing, not from moderating), or the answer would tell who wrote it
        JsonObject byModerator = api.startThread(moderator, TOPIC, "House rules", "Be kind.", true);
        Api.Answer staff = act(api, api.newModerator("Other"), postOf(byModerator), "suspend", "Testing.", 1);
        assertEquals(200, staff.status(), staff.body());
        Problems.assertProblem(403, api.json("POST", "api/v1/topics/" + TOPIC + "/threads",
                Api.object("title", "More rules", "body", "Be kinder."), moderator));
        assertEquals(200, api.get("api/v1/moderation/queue?lane=review", moderator).status(), "still moderating");
    }

    @Test
    void theFormShowsARefusalAgainAndSendsTheAction() {
        Api api = new Api(base);
        Api.Member writer = api.newMember("FormWarned");
        Api.Member moderator = api.newModerator("FormWarner");
        long postId = postOf(api.startThread(writer, TOPIC, "Hi", "Hello there.", false));
        String path = "moderation/posts/" + postId + "/sanction";
        assertEquals(403, api.get(path, Api.cookie("haven_session", writer.token())).status());
        Api.Answer form = api.get(path, Api.cookie("haven_session", moderator.token()));
        Problems.assertPage(200, form);
        assertTrue(form.body().contains("Hello there."), "the post is quoted");
        String csrf = form.cookieValue("haven_csrf");
        Map<String, String> cookies = Api.headers(Map.of("Cookie", "haven_session=" + moderator.token()
                + "; haven_csrf=" + csrf));

        Api.Answer refused = api.form(path, Map.of("csrf", csrf, "action", "suspend", "days", "many",
                "reason", "Spam links."), cookies);
        Problems.assertPage(400, refused);
        assertTrue(refused.body().contains("A suspension lasts 1 to 365 days") && refused.body().contains("Spam links."),
                "the message, and what was typed kept");
        Api.Answer sent = api.form(path, Map.of("csrf", csrf, "action", "suspend", "days", "1",
                "reason", "Spam links."), cookies);
        assertEquals(303, sent.status(), sent.body());
        assertEquals("suspension", notices(api, writer).get(0).getString("kind"));
    }
}
