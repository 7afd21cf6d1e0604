package org.haven.discussion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.haven.testing.Api;
import org.haven.testing.HavenDeployment;
import org.haven.testing.Problems;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Moderators move threads between topics, over the API and the thread page; search follows at once. */
@ExtendWith(ArquillianExtension.class)
class ThreadMovesIT {

    private static final String FROM = "introductions";
    private static final String TO = "cravings-and-triggers";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return HavenDeployment.war();
    }

    @ArquillianResource
    URL base;

    private static int threadCount(Api api, String slug) {
        return api.get("api/v1/topics").jsonStructure().asJsonArray().getValuesAs(JsonObject.class).stream()
                .filter(t -> t.getString("slug").equals(slug)).findFirst().orElseThrow().getInt("threadCount");
    }

    private static long found(Api api, String word, String topic) {
        Api.Answer answer = api.get("api/v1/search?q=" + word + "&topic=" + topic);
        assertEquals(200, answer.status(), answer.body());
        return answer.json().getJsonNumber("total").longValue();
    }

    private static List<JsonObject> moves(Api api, Api.Member moderator, long threadId) {
        return api.get("api/v1/moderation/audit", moderator).jsonStructure().asJsonArray().getValuesAs(JsonObject.class)
                .stream().filter(e -> "move".equals(e.getString("action"))
                        && !Api.isNull(e, "threadId") && e.getJsonNumber("threadId").longValue() == threadId)
                .toList();
    }

    @Test
    void aModeratorMovesAThreadItsCountsSearchAndTheAuditLogFollow() {
        Api api = new Api(base);
        String word = "zq" + UUID.randomUUID().toString().replaceAll("[^a-z]", "");
        Api.Member writer = api.newMember("Mover");
        long threadId = api.startThread(writer, FROM, "Urges after work", "Every day at six " + word, false)
                .getJsonNumber("id").longValue();
        api.reply(api.newMember("Answerer"), threadId, "Same here " + word, true);
        int fromBefore = threadCount(api, FROM);
        int toBefore = threadCount(api, TO);
        String path = "api/v1/threads/" + threadId + "/topic";

        Problems.assertProblem(401, api.json("PUT", path, Api.object("topic", TO), (String) null));
        Problems.assertProblem(403, api.json("PUT", path, Api.object("topic", TO), writer));
        Api.Member moderator = api.newModerator("TopicMover");
        Problems.assertProblemNaming(400, "topic", api.json("PUT", path, Api.object("topic", "no-such-topic"), moderator));
        Problems.assertProblemNaming(400, "topic", api.json("PUT", path, "{}", moderator));
        Problems.assertProblem(404, api.json("PUT", "api/v1/threads/999999999/topic", Api.object("topic", TO), moderator));
        assertEquals(2, found(api, word, FROM), "nothing moved yet");

        assertEquals(204, api.json("PUT", path, Api.object("topic", TO, "reason", "It is about cravings."), moderator)
                .status());
        assertEquals(TO, api.thread(threadId, null).getJsonObject("topic").getString("slug"));
        assertEquals(fromBefore - 1, threadCount(api, FROM));
        assertEquals(toBefore + 1, threadCount(api, TO));
        assertEquals(2, found(api, word, TO), "search files both posts under the new topic at once");
        assertEquals(0, found(api, word, FROM));
        List<JsonObject> audit = moves(api, moderator, threadId);
        assertEquals(1, audit.size(), audit.toString());
        assertEquals("Moved from " + FROM + " to " + TO + ". It is about cravings.", audit.get(0).getString("reason"));

        assertEquals(204, api.json("PUT", path, Api.object("topic", TO), moderator).status());
        assertEquals(1, moves(api, moderator, threadId).size(), "moving a thread where it is records nothing");
        Problems.assertProblemNaming(400, "reason", api.json("PUT", path, Api.object("topic", FROM, "reason",
                "y".repeat(361)), moderator));
        assertEquals(toBefore + 1, threadCount(api, TO));
    }

    @Test
    void theThreadPageGivesModeratorsTheFormAndShowsItAgainWithTheMessage() {
        Api api = new Api(base);
        Api.Member writer = api.newMember("PageMover");
        long threadId = api.startThread(writer, FROM, "Hello", "New here.", false).getJsonNumber("id").longValue();
        assertFalse(api.get("threads/" + threadId, Api.cookie("haven_session", writer.token())).body()
                .contains("Moderator tools"), "members are offered no moderator tools");

        Api.Member moderator = api.newModerator("PageTopicMover");
        Api.Answer page = api.get("threads/" + threadId, Api.cookie("haven_session", moderator.token()));
        assertTrue(page.body().contains("Move the thread to"), page.body());
        String csrf = page.cookieValue("haven_csrf");
        Map<String, String> cookies = Api.headers(Map.of("Cookie", "haven_session=" + moderator.token()
                + "; haven_csrf=" + csrf));

        String longReason = "because " + "x".repeat(360);
        Api.Answer refused = api.form("threads/" + threadId + "/move", Map.of("csrf", csrf, "topic", TO,
                "reason", longReason), cookies);
        Problems.assertPage(400, refused);
        assertTrue(refused.body().contains("A reason for a move has at most 360 characters."), refused.body());
        assertTrue(refused.body().contains("value=\"" + longReason + "\"")
                && refused.body().contains("<option value=\"" + TO + "\" selected>"), "what was entered is kept");
        assertEquals(FROM, api.thread(threadId, null).getJsonObject("topic").getString("slug"), "refused: not moved");

        Api.Answer brokenForm = api.send("POST", "threads/" + threadId + "/move", "application/x-www-form-urlencoded",
                "csrf=" + csrf + "&topic=" + TO + "&reason=50%", cookies);
        assertEquals(400, brokenForm.status(), "a stray % in a form is a 400, not a 500: " + brokenForm.body());
        Problems.assertNoStackTrace(brokenForm.body());

        Api.Answer moved = api.form("threads/" + threadId + "/move", Map.of("csrf", csrf, "topic", TO, "reason", ""),
                cookies);
        assertEquals(303, moved.status(), moved.body());
        assertEquals(TO, api.thread(threadId, null).getJsonObject("topic").getString("slug"));

        Api.Answer locked = api.form("threads/" + threadId + "/lock", Map.of("csrf", csrf, "locked", "true"), cookies);
        assertEquals(303, locked.status(), locked.body());
        assertTrue(api.thread(threadId, null).getBoolean("locked"));
        assertEquals(403, api.form("threads/" + threadId + "/move", Map.of("csrf", csrf, "topic", FROM),
                Api.headers(Map.of("Cookie", "haven_session=" + writer.token() + "; haven_csrf=" + csrf))).status());
    }
}
