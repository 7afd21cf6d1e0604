package org.haven.moderation;

import static org.haven.testing.Problems.assertProblemNaming;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URL;
import java.util.List;
import java.util.Map;
import org.haven.testing.Api;
import org.haven.testing.HavenDeployment;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Members report posts: worry about the writer reaches the moderators' care lane (CRISIS.md: "route 'I'm worried
 * about this person' reports to moderators"), every other reason the review lane; the post stays visible.
 */
@ExtendWith(ArquillianExtension.class)
class ReportsIT {

    private static final String TOPIC = "relapse-and-starting-again";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return HavenDeployment.war();
    }

    @ArquillianResource
    URL base;

    private static long id(JsonObject o) {
        return o.getJsonNumber("id").longValue();
    }

    private static Api.Answer report(Api api, Api.Member reporter, long postId, String reason, String note) {
        return api.json("POST", "api/v1/posts/" + postId + "/reports", Api.object("reason", reason, "note", note),
                reporter);
    }

    @Test
    void worryAboutAWriterTheDetectorMissedReachesTheCareLaneWithoutTheReporterAndThePostStays() {
        Api api = new Api(base);
        Api.Member writer = api.newMember("QuietWriter");
        // words the detector does not raise: only a reader who knows the writer can tell
        JsonObject thread = api.startThread(writer, TOPIC, "Quiet week",
                "Quiet week. Cleared out the shed and sorted my papers.", false);
        long postId = id(thread.getJsonObject("post"));
        assertTrue(Api.isNull(thread, "crisis"), "the detector did not raise this post: " + thread);
        Api.Member moderator = api.newModerator("CareModerator");
        assertEquals(null, api.queueItem(moderator, "care", postId), "no care item before the report");

        Api.Member reader = api.newMember("WorriedReader");
        Api.Answer sent = report(api, reader, postId, "at-risk", "They said goodbye to everyone last week.");
        assertEquals(201, sent.status(), sent.body());
        assertEquals("care", sent.json().getString("lane"));

        JsonObject item = api.queueItem(moderator, "care", postId);
        assertTrue(item != null, "the report opened a care item");
        assertEquals("report", item.getString("kind"));
        assertEquals(List.of("at-risk"), item.getJsonArray("reasons").getValuesAs(jakarta.json.JsonString.class)
                .stream().map(jakarta.json.JsonString::getString).toList());
        JsonObject reportView = item.getJsonArray("reports").getJsonObject(0);
        assertEquals("They said goodbye to everyone last week.", reportView.getString("note"));
        assertFalse(item.toString().contains(reader.pseudonym()), "moderators never learn who reported: " + item);
        assertTrue(item.getInt("priority") >= 200, "worry ranks with thoughts of suicide: " + item);

        JsonObject read = api.thread(id(thread), null);
        assertEquals(1, read.getJsonArray("posts").size(), "the post stays visible to everyone");
        assertFalse(api.get("api/v1/me/export", reader).json().getJsonArray("reports").isEmpty(),
                "the reporter's export holds their report");
    }

    @Test
    void aSecondMembersWorryRaisesTheItemAndTheSameMemberCountsOnce() {
        Api api = new Api(base);
        Api.Member writer = api.newMember("Tidying");
        long postId = id(api.startThread(writer, TOPIC, "Loose ends", "Sorting out my things this week.", false)
                .getJsonObject("post"));
        Api.Member first = api.newMember("FirstWorry");
        Api.Member second = api.newMember("SecondWorry");
        Api.Member moderator = api.newModerator("CountingModerator");

        assertEquals(201, report(api, first, postId, "at-risk", null).status());
        int once = api.queueItem(moderator, "care", postId).getInt("priority");
        Api.Answer again = report(api, first, postId, "at-risk", "again");
        assertEquals(409, again.status(), again.body());
        assertEquals(201, report(api, second, postId, "at-risk", null).status());

        JsonObject item = api.queueItem(moderator, "care", postId);
        assertEquals(2, item.getJsonArray("reports").size(), item.toString());
        assertTrue(item.getInt("priority") > once, "a second member's worry raises the item: " + item);
    }

    @Test
    void aCrisisPostThatIsAlsoReportedStaysOneCareItemAtItsLevel() {
        Api api = new Api(base);
        Api.Member writer = api.newMember("OneItem");
        long postId = id(api.startThread(writer, TOPIC, "Tonight", "i took all my pills and i'm scared", false)
                .getJsonObject("post"));
        Api.Member reader = api.newMember("OneItemReader");
        Api.Member moderator = api.newModerator("OneItemModerator");

        assertEquals(201, report(api, reader, postId, "at-risk", null).status());

        JsonObject item = api.queueItem(moderator, "care", postId);
        assertEquals("IMMINENT", item.getString("level"), item.toString());
        assertEquals("crisis", item.getString("kind"));
        assertEquals(1, item.getJsonArray("reports").size());
        assertTrue(item.getInt("priority") > 300, "imminent, and one member worried: " + item);
    }

    @Test
    void aReportGoesWithItsWritersAccountAndTheWorryStaysInTheLane() {
        Api api = new Api(base);
        Api.Member writer = api.newMember("Staying");
        long postId = id(api.startThread(writer, TOPIC, "Week", "Quiet week. Cleared out the shed.", false)
                .getJsonObject("post"));
        Api.Member reader = api.newMember("Leaving");
        Api.Member moderator = api.newModerator("LeavingModerator");
        assertEquals(201, report(api, reader, postId, "at-risk", "note of a member who leaves").status());

        Api.Answer deleted = api.json("DELETE", "api/v1/me", Api.object("passphrase", Api.PASSPHRASE, "posts", "erase"),
                reader);
        assertEquals(204, deleted.status(), deleted.body());

        JsonObject item = api.queueItem(moderator, "care", postId);
        assertTrue(item != null, "the care item stays: someone was worried");
        assertTrue(item.getJsonArray("reports").isEmpty(), "the leaving member's report and note went: " + item);
    }

    @Test
    void otherReasonsGoToTheReviewLaneAndNotToCare() {
        Api api = new Api(base);
        Api.Member writer = api.newMember("Seller");
        long postId = id(api.startThread(writer, TOPIC, "Cheap", "DM me, I can get you anything you want.", false)
                .getJsonObject("post"));
        Api.Member reader = api.newMember("Noticer");
        Api.Member moderator = api.newModerator("ReviewModerator");

        Api.Answer sent = report(api, reader, postId, "drug-sourcing", null);
        assertEquals(201, sent.status(), sent.body());
        assertEquals("review", sent.json().getString("lane"));

        JsonObject item = api.queueItem(moderator, "review", postId);
        assertTrue(item != null, "a review item");
        assertEquals("drug-sourcing", item.getJsonArray("reports").getJsonObject(0).getString("reason"));
        assertEquals(null, api.queueItem(moderator, "care", postId), "no care item for a sale");
    }

    @Test
    void badReportsGetClearAnswersAndOnlyMembersReport() {
        Api api = new Api(base);
        Api.Member writer = api.newMember("Reported");
        long postId = id(api.startThread(writer, TOPIC, "Hello", "Hello all.", false).getJsonObject("post"));
        Api.Member reader = api.newMember("Reporter");

        assertProblemNaming(400, "reason", report(api, reader, postId, "nonsense", null));
        assertProblemNaming(400, "reason", report(api, reader, postId, null, null));
        assertProblemNaming(400, "note", report(api, reader, postId, "spam", "x".repeat(501)));
        assertEquals(404, report(api, reader, 999_999_999L, "spam", null).status());
        assertEquals(401, report(api, null, postId, "spam", null).status());
        assertEquals(403, api.get("api/v1/moderation/queue?lane=review", reader).status());

        api.json("DELETE", "api/v1/posts/" + postId, null, writer);
        assertEquals(404, report(api, reader, postId, "spam", null).status(), "a deleted post is gone");
    }

    @Test
    void theReportFormWorksWithoutJavaScriptKeepsWhatWasTypedAndTellsAWorriedReaderWhatElseTheyCanDo() {
        Api api = new Api(base);
        Api.Member writer = api.newMember("FormWriter");
        JsonObject thread = api.startThread(writer, TOPIC, "Evening", "Long evening ahead.", false);
        long postId = id(thread.getJsonObject("post"));
        Api.Member reader = api.newMember("FormReader");
        Map<String, String> session = Api.cookie("haven_session", reader.token());

        String threadPage = api.get("threads/" + id(thread), session).body();
        assertTrue(threadPage.contains("href=\"/posts/" + postId + "/report\""), "a Report link under the post");
        Api.Answer form = api.get("posts/" + postId + "/report", session);
        assertEquals(200, form.status());
        assertTrue(form.body().contains("I&#39;m worried this person may be at risk")
                || form.body().contains("I'm worried this person may be at risk"), form.body());
        String csrf = form.cookieValue("haven_csrf");
        Map<String, String> cookies = Api.headers(Map.of("Cookie", "haven_session=" + reader.token() + "; haven_csrf=" + csrf));

        Api.Answer noReason = api.form("posts/" + postId + "/report", Map.of("csrf", csrf, "note", "kept note"), cookies);
        assertEquals(400, noReason.status());
        assertTrue(noReason.body().contains("Choose a reason") && noReason.body().contains("kept note"), noReason.body());

        Api.Answer sent = api.form("posts/" + postId + "/report", Map.of("csrf", csrf, "reason", "at-risk",
                "note", "worried"), cookies);
        assertEquals(303, sent.status(), sent.body());
        String thanks = api.get(sent.header("Location").replaceFirst("^.*?/posts/", "posts/"), session).body();
        assertTrue(thanks.contains("Your report reached the moderators") && thanks.contains("href=\"/help\""), thanks);

        Api.Answer twice = api.form("posts/" + postId + "/report", Map.of("csrf", csrf, "reason", "at-risk"), cookies);
        assertEquals(409, twice.status());
        assertTrue(twice.body().contains("already reported"), twice.body());

        assertEquals(303, api.get("posts/" + postId + "/report").status(), "visitors are asked to sign in");
    }
}
