package org.haven.moderation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.haven.testing.Api;
import org.haven.testing.HavenDeployment;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The moderators' care lane page, and the post address it links to. */
@ExtendWith(ArquillianExtension.class)
class ModerationPagesIT {

    private static final Pattern PAGE_COUNT = Pattern.compile("Page \\d+ of (\\d+)");

    @Deployment(testable = false)
    static WebArchive deployment() {
        return HavenDeployment.war();
    }

    @ArquillianResource
    URL base;

    private static Map<String, String> session(Api.Member member) {
        return Api.cookie("haven_session", member.token());
    }

    /** Where the care item of {@code postId} shows on the care lane pages: [page, offset in that page's HTML]. */
    private static int[] placeOf(Api api, Api.Member moderator, long postId) {
        String page1 = api.get("moderation", session(moderator)).body();
        Matcher count = PAGE_COUNT.matcher(page1);
        int pages = count.find() ? Integer.parseInt(count.group(1)) : 1;
        for (int page = 1; page <= pages; page++) {
            String body = page == 1 ? page1 : api.get("moderation?page=" + page, session(moderator)).body();
            int at = body.indexOf("href=\"/posts/" + postId + "\"");
            if (at >= 0) {
                return new int[] {page, at};
            }
        }
        return null;
    }

    @Test
    void aModeratorSeesWhoMayBeAtRiskMostSevereFirstWithTheWordsReadAndALinkToThePost() {
        Api api = new Api(base);
        Api.Member writer = api.newMember("CareWriter");
        long threadId = api.startThread(writer, "relapse-and-starting-again", "Tonight", "Rough day at work.", false)
                .getJsonNumber("id").longValue();
        long ideationId = api.reply(writer, threadId, "honestly i want to die, i can't do this anymore", false)
                .getJsonObject("post").getJsonNumber("id").longValue();
        long imminentId = api.reply(writer, threadId, "i took all my pills and i'm scared", false)
                .getJsonObject("post").getJsonNumber("id").longValue();
        long calmId = api.reply(writer, threadId, "this craving is killing me but I'm going to a meeting", false)
                .getJsonObject("post").getJsonNumber("id").longValue();
        Api.Member moderator = api.newModerator("CareReader");

        Api.Answer lane = api.get("moderation", session(moderator));
        assertEquals(200, lane.status(), lane.body());
        assertTrue(lane.body().contains("<h1>Care lane</h1>"), lane.body());
        assertTrue(lane.body().contains("href=\"/moderation\">Care lane</a>"), "moderators find the lane in the header");

        int[] imminent = placeOf(api, moderator, imminentId);
        int[] ideation = placeOf(api, moderator, ideationId);
        assertTrue(imminent != null && ideation != null, "both crisis posts have a care item on the pages");
        assertTrue(imminent[0] < ideation[0] || imminent[0] == ideation[0] && imminent[1] < ideation[1],
                "the later imminent item comes before the earlier ideation one");
        assertEquals(null, placeOf(api, moderator, calmId), "a craving is not a care item");

        String page = api.get("moderation?page=" + imminent[0], session(moderator)).body();
        int start = page.lastIndexOf("<li class=\"care-item", imminent[1]);
        int next = page.indexOf("<li class=\"care-item", imminent[1]);
        String item = page.substring(start, next < 0 ? page.indexOf("</ol>", imminent[1]) : next);
        assertTrue(item.contains("level-imminent") && item.contains("Imminent danger"), item);
        assertTrue(item.contains("i took all my pills and i&#39;m scared")
                || item.contains("i took all my pills and i'm scared"), "the post's words are quoted: " + item);
        assertTrue(item.contains("<q>"), "the words the detector read are listed: " + item);
        assertTrue(java.util.regex.Pattern.compile("Waiting [^<,]+, since <time datetime=").matcher(item).find(), item);

        Api.Answer link = api.get("posts/" + imminentId, session(moderator));
        assertEquals(303, link.status(), link.body());
        String location = link.header("Location");
        assertTrue(location.endsWith("/threads/" + threadId + "?page=1#post-" + imminentId), location);
        assertTrue(api.get("threads/" + threadId + "?page=1", session(moderator)).body()
                .contains("id=\"post-" + imminentId + "\""));
    }

    @Test
    void membersAreRefusedVisitorsAreAskedToSignInAndTheHeaderLinkIsForModeratorsOnly() {
        Api api = new Api(base);
        Api.Member member = api.newMember("NotAModerator");

        Api.Answer refused = api.get("moderation", session(member));
        assertEquals(403, refused.status(), refused.body());
        assertFalse(refused.body().contains("care-item"), refused.body());
        assertFalse(api.get("", session(member)).body().contains("href=\"/moderation\""),
                "members see no link to the care lane");

        Api.Answer visitor = api.get("moderation");
        assertEquals(303, visitor.status());
        assertTrue(visitor.header("Location").endsWith("/sign-in?next=%2Fmoderation"), visitor.header("Location"));
        Api.Answer review = api.get("moderation?lane=review");
        assertTrue(review.header("Location").endsWith("/sign-in?next=%2Fmoderation%3Flane%3Dreview"),
                "the lane asked for is kept: " + review.header("Location"));
    }

    @Test
    void aPageOutOfRangeIsAClearAnswerAndAMissingPostIsNotFound() {
        Api api = new Api(base);
        Api.Member moderator = api.newModerator("PageCounter");

        Api.Answer zero = api.get("moderation?page=0", session(moderator));
        assertEquals(400, zero.status());
        assertTrue(zero.body().contains("The page is a whole number"), zero.body());
        assertFalse(zero.body().contains("Exception"), zero.body());

        assertEquals(404, api.get("posts/999999999", session(moderator)).status());
    }
}
