package org.haven.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;
import org.haven.testing.Api;
import org.haven.testing.Database;
import org.haven.testing.HavenDeployment;
import org.haven.testing.Problems;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Search through the API and the page, on the real index on disk: what is written is found as soon as it is
 * acknowledged; what is edited, deleted or hidden stops being found; another node's change arrives by the poll; bad
 * parameters are answered clearly; a query in crisis language gets help.
 */
@ExtendWith(ArquillianExtension.class)
class SearchIT {

    private static final String TOPIC = "cravings-and-triggers";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return HavenDeployment.war();
    }

    @ArquillianResource
    URL base;

    /** A word no other test writes, so that each test sees its own posts only. */
    private static String word() {
        StringBuilder w = new StringBuilder("zq");
        for (int i = 0; i < 8; i++) {
            w.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return w.toString();
    }

    private static JsonObject search(Api api, String query) {
        Api.Answer answer = api.get("api/v1/search?" + query);
        assertEquals(200, answer.status(), answer.body());
        return answer.json();
    }

    private static List<Long> postIds(JsonObject results) {
        return results.getJsonArray("hits").getValuesAs(JsonObject.class).stream()
                .map(h -> h.getJsonNumber("postId").longValue()).toList();
    }

    private static String q(String words) {
        return "q=" + URLEncoder.encode(words, StandardCharsets.UTF_8);
    }

    @Test
    void aMemberSearchingTooFastIsAskedToWaitButACrisisQueryIsAlwaysAnswered() {
        Api api = new Api(base);
        Api.Member member = api.newMember("FastSearcher");
        for (int i = 0; i < 60; i++) {
            Api.Answer answer = api.get("api/v1/search?q=craving+" + i, member);
            assertEquals(200, answer.status(), "search " + (i + 1) + ": " + answer.body());
        }
        Api.Answer refused = api.get("api/v1/search?q=craving", member);
        Problems.assertProblem(429, refused);
        assertNotNull(refused.header("Retry-After"), "says when to try again");
        Api.Answer page = api.get("search?q=craving", Api.cookie("haven_session", member.token()));
        Problems.assertPage(429, page);
        assertTrue(page.body().contains("You have searched many times in the last minute"), page.body());

        Api.Answer crisis = api.get("api/v1/search?q=how+many+pills+to+not+wake+up", member);
        assertEquals(200, crisis.status(), "a query in crisis language is never refused: " + crisis.body());
        assertFalse(Api.isNull(crisis.json(), "crisis"), "and its help comes first");
        assertEquals(200, api.get("api/v1/search?q=craving", api.newMember("OtherSearcher")).status(),
                "the limit is the member's own");
    }

    @Test
    void aPostIsFoundAsSoonAsItIsAcknowledgedWithItsWordsMarkedAndAnEditReplacesItsWords() {
        Api api = new Api(base);
        String word = word();
        String later = word();
        Api.Member writer = api.newMember("Finder");
        JsonObject thread = api.startThread(writer, TOPIC, "Evenings " + word,
                "What helps me is a walk. <b>Not</b> bold, " + word + " & tea.", true);
        long threadId = thread.getJsonNumber("id").longValue();
        long postId = thread.getJsonObject("post").getJsonNumber("id").longValue();

        JsonObject found = search(api, q(word)); // a visitor, straight after the 201
        assertEquals(1, found.getJsonNumber("total").longValue(), found.toString());
        JsonObject hit = found.getJsonArray("hits").getJsonObject(0);
        assertEquals(postId, hit.getJsonNumber("postId").longValue());
        assertEquals(threadId, hit.getJsonNumber("threadId").longValue());
        assertEquals("Evenings " + word, hit.getString("title"));
        assertEquals(TOPIC, hit.getJsonObject("topic").getString("slug"));
        assertTrue(hit.getString("snippet").contains("<mark>" + word + "</mark>"), hit.toString());
        assertTrue(hit.getString("snippet").contains("&lt;b&gt;Not&lt;/b&gt;") || !hit.getString("snippet").contains("<b>"),
                "the member's markup is text in the snippet: " + hit);
        assertTrue(Api.isNull(found, "crisis"), "an everyday search carries no crisis help");

        JsonObject reply = api.reply(writer, threadId, "Replying about " + word + " again", true);
        long replyId = reply.getJsonNumber("id").longValue();
        assertEquals(Set.of(postId, replyId), Set.copyOf(postIds(search(api, q(word)))));

        long version = reply.getJsonObject("post").getJsonNumber("version").longValue();
        assertEquals(200, api.json("PUT", "api/v1/posts/" + replyId,
                Api.object("body", "Edited to say " + later, "version", version), writer).status());
        assertEquals(List.of(replyId), postIds(search(api, q(later))));
        assertEquals(List.of(postId), postIds(search(api, q(word))), "the edit took the old words out");

        assertEquals(204, api.json("DELETE", "api/v1/posts/" + replyId, "", writer).status());
        assertEquals(0, search(api, q(later)).getJsonNumber("total").longValue(), "a deleted post is not found");
    }

    @Test
    void aThreadWhoseOpeningPostWasDeletedIsStillFoundByItsTitle() {
        Api api = new Api(base);
        String inTitle = word();
        String inBody = word();
        Api.Member writer = api.newMember("Regretful");
        JsonObject thread = api.startThread(writer, TOPIC, "Weekends " + inTitle, "Too much said here " + inBody, false);
        long threadId = thread.getJsonNumber("id").longValue();
        long openingId = thread.getJsonObject("post").getJsonNumber("id").longValue();
        api.reply(api.newMember("Stayer"), threadId, "Weekends are long for me too", true);

        assertEquals(204, api.json("DELETE", "api/v1/posts/" + openingId, "", writer).status());
        assertEquals(0, search(api, q(inBody)).getJsonNumber("total").longValue(), "the deleted words are not found");
        JsonObject found = search(api, q(inTitle));
        assertEquals(List.of(openingId), postIds(found), "the title readers still see is found: " + found);
        JsonObject hit = found.getJsonArray("hits").getJsonObject(0);
        assertEquals("Weekends " + inTitle, hit.getString("title"));
        assertTrue(hit.getString("snippet").contains("deleted by its author") && !hit.getString("snippet")
                .contains(inBody), hit.toString());
        JsonObject byCommonWords = search(api, q(inTitle + " opening post deleted"));
        assertFalse(byCommonWords.getJsonArray("hits").getJsonObject(0).getString("snippet").contains("<mark>"),
                "the placeholder is not the post: nothing in it is marked as found");
        assertFalse(hit.getBoolean("reply"));

        Api.Answer rebuilt = api.json("POST", "api/v1/admin/search/rebuild", "", api.administrator());
        assertEquals(200, rebuilt.status(), rebuilt.body());
        assertEquals(rebuilt.json().getInt("databasePosts"), rebuilt.json().getInt("posts"),
                "the index and the database count the same posts, or every start-up would rebuild: " + rebuilt.body());
        assertEquals(List.of(openingId), postIds(search(api, q(inTitle))), "a rebuild keeps the title too");
    }

    @Test
    void aPostAModeratorHidesIsNotFoundUntilItIsShownAgain() {
        Api api = new Api(base);
        String word = word();
        Api.Member author = api.newMember("Hidden");
        long postId = api.startThread(author, TOPIC, "Spare", "DM me for " + word + " bars", false)
                .getJsonObject("post").getJsonNumber("id").longValue();
        Api.Member reader = api.newMember("Noticer");
        assertEquals(201, api.json("POST", "api/v1/posts/" + postId + "/reports",
                Api.object("reason", "drug-sourcing", "note", null), reader).status());
        Api.Member moderator = api.newModerator("SearchHider");
        JsonObject item = api.queueItem(moderator, "review", postId);
        long itemId = item.getJsonNumber("id").longValue();
        assertEquals(200, api.json("POST", "api/v1/moderation/items/" + itemId + "/decisions",
                Api.object("action", "hide", "reason", "Offering to sell.", "version",
                        item.getJsonNumber("version").longValue()), moderator).status());
        assertEquals(0, search(api, q(word)).getJsonNumber("total").longValue());

        assertEquals(204, api.json("POST", "api/v1/moderation/posts/" + postId + "/restore",
                Api.object("reason", "Misread: they were offering a book."), moderator).status());
        assertEquals(List.of(postId), postIds(search(api, q(word))));
    }

    @Test
    void anotherNodesChangeArrivesByThePoll() throws Exception {
        Api api = new Api(base);
        String word = word();
        Api.Member writer = api.newMember("OtherNode");
        long postId = api.startThread(writer, TOPIC, "Mornings", "Coffee first", true)
                .getJsonObject("post").getJsonNumber("id").longValue();
        // another node edits the post: the database changes and this node hears nothing of it
        try (Connection db = Database.connect()) {
            db.setAutoCommit(false);
            try (PreparedStatement counter = db.prepareStatement(
                    "UPDATE change_counter SET current_value = current_value + 1 WHERE name = 'post'");
                    PreparedStatement read = db.prepareStatement(
                            "SELECT current_value FROM change_counter WHERE name = 'post'");
                    PreparedStatement edit = db.prepareStatement(
                            "UPDATE post SET body_markdown = ?, change_seq = ? WHERE id = ?")) {
                counter.executeUpdate();
                long seq;
                try (ResultSet r = read.executeQuery()) {
                    r.next();
                    seq = r.getLong(1);
                }
                edit.setString(1, "Coffee first, then " + word);
                edit.setLong(2, seq);
                edit.setLong(3, postId);
                edit.executeUpdate();
            }
            db.commit();
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (search(api, q(word)).getJsonNumber("total").longValue() == 0) {
            assertTrue(System.nanoTime() < deadline, "another node's edit never reached this node's index");
            LockSupport.parkNanos(Duration.ofMillis(50).toNanos()); // polling a condition, not waiting for time
        }
        assertEquals(List.of(postId), postIds(search(api, q(word))));
    }

    @Test
    void aReplyMarkedHelpfulRanksAboveAnEqualOne() {
        Api api = new Api(base);
        String word = word();
        Api.Member asker = api.newMember("Asker");
        long threadId = api.startThread(asker, TOPIC, "Evenings", "What helps you in the evening?", true)
                .getJsonNumber("id").longValue();
        long first = api.reply(api.newMember("FirstHelper"), threadId, "Tea with honey " + word, true)
                .getJsonNumber("id").longValue();
        long second = api.reply(api.newMember("SecondHelper"), threadId, "Tea with honey " + word, true)
                .getJsonNumber("id").longValue();
        assertEquals(List.of(first, second), postIds(search(api, q(word))), "equal posts: the first written first");

        assertEquals(200, api.json("POST", "api/v1/posts/" + second + "/helpful", null, asker).status());
        assertEquals(List.of(second, first), postIds(search(api, q(word))), "the helpful mark reached the index");

        assertEquals(204, api.json("DELETE", "api/v1/me", Api.object("passphrase", Api.PASSPHRASE, "posts", "keep"),
                asker).status());
        assertEquals(List.of(first, second), postIds(search(api, q(word))),
                "the mark went with the member who left, and the index knows");
    }

    @Test
    void topicsFilterDatesBoundAndNewestFirstSorts() {
        Api api = new Api(base);
        String word = word();
        Api.Member writer = api.newMember("Sorter");
        long first = api.startThread(writer, TOPIC, "One", word + " first", true)
                .getJsonObject("post").getJsonNumber("id").longValue();
        long second = api.startThread(writer, "relapse-and-starting-again", "Two", word + " second", true)
                .getJsonObject("post").getJsonNumber("id").longValue();

        JsonObject all = search(api, q(word) + "&sort=newest");
        assertEquals(List.of(second, first), postIds(all));
        List<JsonObject> facets = all.getJsonArray("facets").getValuesAs(JsonObject.class);
        assertEquals(2, facets.size(), all.toString());
        assertTrue(facets.stream().allMatch(f -> f.getInt("count") == 1), all.toString());

        assertEquals(List.of(first), postIds(search(api, q(word) + "&topic=" + TOPIC)));
        assertEquals(0, search(api, q(word) + "&to=2020-01-01").getJsonNumber("total").longValue());
        assertEquals(2, search(api, q(word) + "&from=2020-01-01").getJsonNumber("total").longValue());
    }

    @Test
    void aQueryInCrisisLanguageGetsHelpAboveTheResultsAndIsNotStored() {
        Api api = new Api(base);
        JsonObject results = search(api, q("how many pills to not wake up"));
        JsonObject crisis = results.getJsonObject("crisis");
        assertNotNull(crisis, results.toString());
        assertEquals("IMMINENT", crisis.getString("level"));
        assertFalse(crisis.getJsonArray("resources").isEmpty());

        Api.Answer page = api.get("search?" + q("how many pills to not wake up"));
        assertEquals(200, page.status());
        assertTrue(page.body().contains("help-panel"), "the page shows the help card");
        assertTrue(Api.isNull(search(api, q("this craving is killing me")), "crisis"));
    }

    @Test
    void badParametersAreAnsweredWithWhatIsWrong() {
        Api api = new Api(base);
        Problems.assertProblemNaming(400, "q", api.get("api/v1/search"));
        Problems.assertProblemNaming(400, "q", api.get("api/v1/search?q=" + "a".repeat(201)));
        Problems.assertProblemNaming(400, "from", api.get("api/v1/search?q=tea&from=yesterday"));
        Problems.assertProblemNaming(400, "to", api.get("api/v1/search?q=tea&from=2026-02-01&to=2026-01-01"));
        Problems.assertProblemNaming(400, "sort", api.get("api/v1/search?q=tea&sort=loudest"));
        Problems.assertProblemNaming(400, "page", api.get("api/v1/search?q=tea&page=0"));
        Problems.assertProblemNaming(400, "page", api.get("api/v1/search?q=tea&page=101"));
        Problems.assertProblemNaming(400, "topic", api.get("api/v1/search?q=tea&topic=no-such-topic"));

        JsonObject stopWords = search(api, q("the and of"));
        assertEquals(0, stopWords.getJsonNumber("total").longValue());
        assertFalse(Api.isNull(stopWords, "message"), "a query of common words alone is explained");
        assertEquals(200, api.get("api/v1/search?" + q("\"unclosed (tea -")).status(), "nothing typed is an error");

        Api.Answer page = api.get("search?q=&from=yesterday");
        Problems.assertPage(400, page);
        assertTrue(page.body().contains("Give the day as YYYY-MM-DD"), "the form is shown again with the message");
        assertFalse(page.body().contains("help-panel"));

        Api.Answer brokenEscape = api.rawGet("search?q=my+worst+night+100%");
        assertEquals(400, brokenEscape.status(), brokenEscape.body());
        assertTrue(brokenEscape.body().contains("not followed by two hexadecimal digits"), brokenEscape.body());
        Problems.assertNoStackTrace(brokenEscape.body());
        assertEquals(400, api.rawGet("api/v1/search?q=%ZZ").status());
        Api.Answer typed = api.rawGet("api/v1/search?q=walk|tea+\"one+day\"+{x}");
        assertEquals(200, typed.status(), "characters a typed address leaves unencoded: " + typed.body());
        assertEquals(200, api.rawGet("search?q=walk|tea+^+`").status());

        Api.Answer tooLong = api.get("search?" + q("i took all my pills and i'm scared. ".repeat(8)));
        Problems.assertPage(400, tooLong);
        assertTrue(tooLong.body().contains("Keep the search under 200 characters"));
        assertTrue(tooLong.body().contains("help-panel"), "a search refused for its length still gets help");
    }

    @Test
    void anAdministratorRebuildsTheIndexAndEveryVisiblePostIsStillFound() {
        Api api = new Api(base);
        String word = word();
        Api.Member writer = api.newMember("Rebuilt");
        long postId = api.startThread(writer, TOPIC, "Kept", "still here " + word, true)
                .getJsonObject("post").getJsonNumber("id").longValue();
        Problems.assertProblem(403, api.json("POST", "api/v1/admin/search/rebuild", "", writer));
        Api.Answer rebuilt = api.json("POST", "api/v1/admin/search/rebuild", "", api.administrator());
        assertEquals(200, rebuilt.status(), rebuilt.body());
        assertTrue(rebuilt.json().getInt("posts") > 0);
        assertEquals(rebuilt.json().getInt("databasePosts"), rebuilt.json().getInt("posts"),
                "after every other test's posts, hidden and deleted ones too: " + rebuilt.body());
        assertEquals(List.of(postId), postIds(search(api, q(word))));

        Api.Answer ready = api.get("health/ready");
        assertEquals(200, ready.status(), ready.body());
        assertTrue(ready.body().contains("search-index"), ready.body());
    }

    @Test
    void thePageShowsResultsWithTheWordsMarkedAndFiltersByTopic() {
        Api api = new Api(base);
        String word = word();
        Api.Member writer = api.newMember("PageFinder");
        long postId = api.startThread(writer, TOPIC, "Walks " + word, "A walk after dinner " + word, true)
                .getJsonObject("post").getJsonNumber("id").longValue();
        Api.Answer page = api.get("search?" + q(word));
        assertEquals(200, page.status());
        assertTrue(page.body().contains("href=\"/posts/" + postId + "\""), page.body());
        assertTrue(page.body().contains("<mark>" + word + "</mark>"), "the words found are marked");
        assertTrue(page.body().contains("topic=" + TOPIC), "the topic filter links to the topic");
        assertTrue(api.get("search").body().contains("Words to look for"), "the empty form");
        assertTrue(api.get("search?" + q(word())).body().contains("Nothing found"));
    }
}
