package org.haven.screening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URL;
import java.util.List;
import java.util.Map;
import org.haven.testing.Api;
import org.haven.testing.HavenDeployment;
import org.haven.testing.Problems;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Pre-moderation holds a new member's posts until enough are published. It is turned off again after each test,
 * whatever happened, so that no other test's members are held.
 */
@ExtendWith(ArquillianExtension.class)
class PremoderationIT {

    private static final String PATH = "api/v1/moderation/premoderation";
    private static final String TOPIC = "introductions";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return HavenDeployment.war();
    }

    @ArquillianResource
    URL base;

    private Api.Member moderator;

    @AfterEach
    void off() {
        if (moderator != null) {
            new Api(base).json("PUT", PATH, Api.object("firstPosts", 0), moderator);
        }
    }

    private static boolean held(JsonObject created) {
        return created.getJsonObject("post").getBoolean("held");
    }

    @Test
    void aNewMembersPostsWaitUntilOneIsPublished() {
        Api api = new Api(base);
        moderator = api.newModerator("Premoderator");
        Api.Member member = api.newMember("NotAModerator");
        Problems.assertProblem(403, api.get(PATH, member));
        Problems.assertProblem(403, api.json("PUT", PATH, Api.object("firstPosts", 1), member));
        Problems.assertProblemNaming(400, "firstPosts", api.json("PUT", PATH, Api.object("firstPosts", 21), moderator));
        Problems.assertProblemNaming(400, "firstPosts", api.json("PUT", PATH, Api.object("firstPosts", -1), moderator));
        Problems.assertProblemNaming(400, "firstPosts", api.json("PUT", PATH, "{}", moderator));
        assertEquals(0, api.get(PATH, moderator).json().getInt("firstPosts"), "off unless turned on");

        Api.Answer on = api.json("PUT", PATH, Api.object("firstPosts", 1), moderator);
        assertEquals(200, on.status(), on.body());
        Api.Member newcomer = api.newMember("Newcomer");
        JsonObject first = api.startThread(newcomer, TOPIC, "Hello", "Day three and scared of the weekend.", false);
        assertTrue(held(first), first.toString());
        long threadId = api.startThread(moderator, TOPIC, "Welcome thread", "Say hello!", false).getJsonNumber("id")
                .longValue();
        JsonObject second = api.reply(newcomer, threadId, "Hi everyone", false);
        assertTrue(held(second), "nothing of theirs is published yet");
        assertFalse(held(api.reply(moderator, threadId, "Welcome!", false)), "moderators are never held");

        long firstPost = first.getJsonObject("post").getJsonNumber("id").longValue();
        JsonObject item = api.queueItem(moderator, "review", firstPost);
        assertEquals("held", item.getString("kind"));
        assertEquals(List.of(Premoderation.REASON), item.getJsonArray("reasons").getValuesAs(jakarta.json.JsonString.class)
                .stream().map(jakarta.json.JsonString::getString).toList());
        String lane = api.get("moderation?lane=review", Api.cookie("haven_session", moderator.token())).body();
        assertTrue(lane.contains("Waiting for approval (a new member") && lane.contains("s first post)"),
                "the lane says why it waits");
        assertEquals(200, api.json("POST", "api/v1/moderation/items/" + item.getJsonNumber("id") + "/decisions",
                Api.object("action", "approve", "version", item.getJsonNumber("version").longValue()), moderator)
                .status());

        // an edit of their only published post is new words no moderator read: it waits again
        JsonObject approvedFirst = api.thread(first.getJsonNumber("id").longValue(), newcomer).getJsonArray("posts")
                .getJsonObject(0);
        Api.Answer edited = api.json("PUT", "api/v1/posts/" + firstPost, Api.object("body", "Day three. Edited.",
                "version", approvedFirst.getJsonNumber("version").longValue()), newcomer);
        assertEquals(200, edited.status(), edited.body());
        assertTrue(held(edited.json()), "an edit that leaves no other published post is held");
        JsonObject again = api.queueItem(moderator, "review", firstPost);
        assertEquals(200, api.json("POST", "api/v1/moderation/items/" + again.getJsonNumber("id") + "/decisions",
                Api.object("action", "approve", "version", again.getJsonNumber("version").longValue()), moderator)
                .status());

        assertFalse(held(api.reply(newcomer, threadId, "Thank you all", false)), "one published: no longer held");

        // crisis language is never held, however new the writer
        Api.Member another = api.newMember("NewAndStruggling");
        Api.Answer crisis = api.json("POST", "api/v1/threads/" + threadId + "/posts",
                Api.object("body", "i took all my pills and i'm scared"), another);
        assertEquals(201, crisis.status(), crisis.body());
        assertFalse(held(crisis.json()));

        List<JsonObject> audit = api.get("api/v1/moderation/audit", moderator).jsonStructure().asJsonArray()
                .getValuesAs(JsonObject.class).stream().filter(e -> "premoderate".equals(e.getString("action"))
                        && moderator.pseudonym().equals(e.getString("moderator"))).toList();
        assertEquals(1, audit.size(), "the refused changes are not recorded");
    }

    @Test
    void thePageSetsItAndShowsARefusalAgain() {
        Api api = new Api(base);
        moderator = api.newModerator("PagePremoderator");
        Api.Answer page = api.get("moderation/watched-words", Api.cookie("haven_session", moderator.token()));
        Problems.assertPage(200, page);
        String csrf = page.cookieValue("haven_csrf");
        Map<String, String> cookies = Api.headers(Map.of("Cookie", "haven_session=" + moderator.token()
                + "; haven_csrf=" + csrf));
        Api.Answer refused = api.form("moderation/watched-words/premoderation", Map.of("csrf", csrf,
                "firstPosts", "lots"), cookies);
        Problems.assertPage(400, refused);
        assertTrue(refused.body().contains("Hold from 0 (off) to 20 first posts.")
                && refused.body().contains("value=\"lots\""), refused.body());
        assertEquals(303, api.form("moderation/watched-words/premoderation", Map.of("csrf", csrf, "firstPosts", "2"),
                cookies).status());
        assertEquals(2, api.get(PATH, moderator).json().getInt("firstPosts"));
    }
}
