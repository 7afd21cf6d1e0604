package org.haven.screening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URL;
import java.util.ArrayList;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Moderators keep watched words, and members' posts meet them: refused, held for approval, flagged or censored. Every
 * word here is made up for the test and removed after it, so that no other test's post meets it.
 */
@ExtendWith(ArquillianExtension.class)
class WatchedWordsIT {

    private static final String PATH = "api/v1/moderation/watched-words";
    private static final String TOPIC = "introductions";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return HavenDeployment.war();
    }

    @ArquillianResource
    URL base;

    private final List<Long> added = new ArrayList<>();
    private Api.Member moderator;

    /** A word no other post holds: letters only, so that it is one whole word. */
    private static String word() {
        return "zw" + UUID.randomUUID().toString().replaceAll("[^a-z]", "");
    }

    private long watch(Api api, String phrase, String action) {
        Api.Answer answer = api.json("POST", PATH, Api.object("phrase", phrase, "action", action), moderator);
        assertEquals(201, answer.status(), answer.body());
        long id = answer.json().getJsonNumber("id").longValue();
        added.add(id);
        return id;
    }

    @AfterEach
    void unwatch() {
        if (moderator == null) {
            return;
        }
        Api api = new Api(base);
        for (long id : added) {
            api.send("DELETE", PATH + "/" + id, null, null, moderator.bearer());
        }
    }

    private static JsonObject post(JsonObject thread, long postId) {
        return thread.getJsonArray("posts").getValuesAs(JsonObject.class).stream()
                .filter(p -> p.getJsonNumber("id").longValue() == postId).findFirst().orElseThrow();
    }

    private static boolean listed(Api api, long threadId) {
        return api.get("api/v1/topics/" + TOPIC + "/threads").json().getJsonArray("threads")
                .getValuesAs(JsonObject.class).stream().anyMatch(t -> t.getJsonNumber("id").longValue() == threadId);
    }

    private static int threadCount(Api api) {
        return api.get("api/v1/topics").jsonStructure().asJsonArray().getValuesAs(JsonObject.class).stream()
                .filter(t -> t.getString("slug").equals(TOPIC)).findFirst().orElseThrow().getInt("threadCount");
    }

    private static long found(Api api, String word) {
        return api.get("api/v1/search?q=" + word).json().getJsonNumber("total").longValue();
    }

    private static List<String> reasons(JsonObject item) {
        return item.getJsonArray("reasons").getValuesAs(JsonValue.class).stream()
                .map(v -> ((jakarta.json.JsonString) v).getString()).toList();
    }

    private static List<JsonObject> auditOf(Api api, Api.Member moderator, String phrase) {
        return api.get("api/v1/moderation/audit", moderator).jsonStructure().asJsonArray().getValuesAs(JsonObject.class)
                .stream().filter(e -> e.getString("action").startsWith("words-")
                        && e.getString("reason", "").contains(phrase)).toList();
    }

    @Test
    void moderatorsKeepTheListAndEveryChangeIsAudited() {
        Api api = new Api(base);
        moderator = api.newModerator("WordKeeper");
        Api.Member member = api.newMember("WordCurious");
        String phrase = word();

        Problems.assertProblem(401, api.get(PATH));
        Problems.assertProblem(403, api.get(PATH, member));
        Problems.assertProblem(403, api.json("POST", PATH, Api.object("phrase", phrase, "action", "flag"), member));
        Problems.assertProblemNaming(400, "phrase", api.json("POST", PATH, Api.object("phrase", "*", "action", "flag"),
                moderator));
        Problems.assertProblemNaming(400, "phrase", api.json("POST", PATH, Api.object("phrase", "x".repeat(61),
                "action", "flag"), moderator));
        Problems.assertProblemNaming(400, "phrase", api.json("POST", PATH, Api.object("action", "flag"), moderator));
        Problems.assertProblemNaming(400, "action", api.json("POST", PATH, Api.object("phrase", phrase,
                "action", "delete"), moderator));
        Problems.assertProblem(415, api.send("POST", PATH, "text/plain", phrase, moderator.bearer()));

        long id = watch(api, " " + phrase.toUpperCase(java.util.Locale.ROOT) + " ", "flag");
        Problems.assertProblem(409, api.json("POST", PATH, Api.object("phrase", phrase, "action", "block"), moderator));
        JsonObject listed = api.get(PATH, moderator).json().getJsonArray("words").getValuesAs(JsonObject.class).stream()
                .filter(w -> w.getJsonNumber("id").longValue() == id).findFirst().orElseThrow();
        assertEquals(phrase, listed.getString("phrase"), "kept in lower case, trimmed");
        assertEquals("flag", listed.getString("action"));

        Api.Answer changed = api.json("PUT", PATH + "/" + id, Api.object("phrase", phrase, "action", "censor"),
                moderator);
        assertEquals(200, changed.status(), changed.body());
        assertEquals("censor", changed.json().getString("action"));
        Problems.assertProblem(404, api.json("PUT", PATH + "/999999999", Api.object("phrase", phrase,
                "action", "censor"), moderator));
        assertEquals(204, api.send("DELETE", PATH + "/" + id, null, null, moderator.bearer()).status());
        Problems.assertProblem(404, api.send("DELETE", PATH + "/" + id, null, null, moderator.bearer()));

        List<String> actions = auditOf(api, moderator, phrase).stream().map(e -> e.getString("action")).toList();
        assertEquals(List.of("words-remove", "words-change", "words-add"), actions, "newest first");
        assertEquals(moderator.pseudonym(), auditOf(api, moderator, phrase).get(0).getString("moderator"));
    }

    @Test
    void aBlockedWordRefusesThePostAndNamesItAndNothingIsStored() {
        Api api = new Api(base);
        moderator = api.newModerator("WordBlocker");
        String blocked = word();
        watch(api, blocked + "*", "block");
        Api.Member member = api.newMember("WordWriter");
        long threadId = api.startThread(member, TOPIC, "Hello", "First week sober.", false).getJsonNumber("id")
                .longValue();
        int posts = api.thread(threadId, null).getJsonArray("posts").size();

        JsonObject refused = Problems.assertProblemNaming(400, "body", api.json("POST", "api/v1/threads/" + threadId
                + "/posts", Api.object("body", "Call " + blocked + "s tonight"), member));
        assertTrue(refused.toString().contains(blocked + "*"), "the entry is named: " + refused);
        assertFalse(refused.toString().contains("Call " + blocked), "never the words as written: " + refused);
        assertEquals(posts, api.thread(threadId, null).getJsonArray("posts").size(), "nothing was stored");
        Problems.assertProblemNaming(400, "title", api.json("POST", "api/v1/topics/" + TOPIC + "/threads",
                Api.object("title", "Ask " + blocked, "body", "anyone?"), member));

        // a moderator explaining the rules quotes the word
        api.reply(moderator, threadId, "Please do not post " + blocked + " here.", false);
    }

    @Test
    void aHeldPostWaitsForApprovalReadByItsWriterAndModeratorsOnly() {
        Api api = new Api(base);
        moderator = api.newModerator("WordHolder");
        String held = word();
        watch(api, held, "hold");
        Api.Member writer = api.newMember("HeldWriter");
        Api.Member reader = api.newMember("HeldReader");
        int countBefore = threadCount(api);

        JsonObject started = api.startThread(writer, TOPIC, "Does anyone know " + held, "Looking for " + held
                + " near me.", false);
        long threadId = started.getJsonNumber("id").longValue();
        long postId = started.getJsonObject("post").getJsonNumber("id").longValue();
        assertTrue(started.getJsonObject("post").getBoolean("held"), started.toString());

        assertFalse(listed(api, threadId), "a held thread is listed nowhere");
        assertEquals(countBefore, threadCount(api), "nor counted");
        assertEquals(0, found(api, held), "nor found");
        JsonObject asReader = api.thread(threadId, reader);
        assertFalse(asReader.toString().contains(held), "other members read neither title nor text: " + asReader);
        assertEquals("", post(asReader, postId).getString("bodyHtml"));
        JsonObject asWriter = api.thread(threadId, writer);
        assertTrue(asWriter.getString("title").contains(held) && post(asWriter, postId).getString("bodyHtml")
                .contains(held), "the writer reads their own post");
        assertTrue(api.get("threads/" + threadId, Api.cookie("haven_session", writer.token())).body()
                .contains("Your post is waiting for a moderator's approval"));
        Problems.assertProblem(409, api.json("POST", "api/v1/threads/" + threadId + "/posts",
                Api.object("body", "Welcome!"), reader));
        Problems.assertProblem(409, api.json("POST", "api/v1/posts/" + postId + "/reports",
                Api.object("reason", "spam"), reader));

        JsonObject seen = api.queueItem(moderator, "review", postId);
        assertNotNull(seen, "the held post waits in the review lane");
        assertEquals("held", seen.getString("kind"));
        assertEquals(List.of(held), reasons(seen));
        // the writer changes the held post: an approval of the version the moderator read is refused
        Api.Answer edited = api.json("PUT", "api/v1/posts/" + postId, Api.object("body", "Looking for " + held
                + " near me, tonight.", "version", started.getJsonObject("post").getJsonNumber("version").longValue()),
                writer);
        assertEquals(200, edited.status(), edited.body());
        assertTrue(edited.json().getJsonObject("post").getBoolean("held"), "still held");
        Problems.assertProblem(409, api.json("POST", "api/v1/moderation/items/" + seen.getJsonNumber("id")
                + "/decisions", Api.object("action", "approve", "version", seen.getJsonNumber("version").longValue()),
                moderator));
        JsonObject item = api.queueItem(moderator, "review", postId);
        Api.Answer approved = api.json("POST", "api/v1/moderation/items/" + item.getJsonNumber("id") + "/decisions",
                Api.object("action", "approve", "version", item.getJsonNumber("version").longValue()), moderator);
        assertEquals(200, approved.status(), approved.body());

        assertTrue(listed(api, threadId), "approved: listed");
        assertEquals(countBefore + 1, threadCount(api), "and counted");
        assertEquals(1, found(api, held), "and found");
        JsonObject approvedRead = api.thread(threadId, reader);
        assertTrue(post(approvedRead, postId).getString("bodyHtml").contains(held), approvedRead.toString());
        assertFalse(post(approvedRead, postId).getBoolean("held"));
        assertNull(api.queueItem(moderator, "review", postId), "the item is closed");
        api.reply(reader, threadId, "Welcome!", false);
    }

    @Test
    void anEditIntoAHeldWordHoldsAReplyAndHidingItKeepsItFromReaders() {
        Api api = new Api(base);
        moderator = api.newModerator("EditHolder");
        String held = word();
        watch(api, held, "hold");
        Api.Member writer = api.newMember("EditWriter");
        long threadId = api.startThread(api.newMember("Asker"), TOPIC, "Week two", "Still here.", false)
                .getJsonNumber("id").longValue();
        JsonObject reply = api.reply(writer, threadId, "Good for you", false);
        long postId = reply.getJsonNumber("id").longValue();
        Api.Answer edited = api.json("PUT", "api/v1/posts/" + postId, Api.object("body", "Good for you, ask me about "
                + held, "version", reply.getJsonObject("post").getJsonNumber("version").longValue()), writer);
        assertEquals(200, edited.status(), edited.body());
        assertTrue(edited.json().getJsonObject("post").getBoolean("held"));
        assertEquals("", post(api.thread(threadId, null), postId).getString("bodyHtml"), "held from readers");

        JsonObject item = api.queueItem(moderator, "review", postId);
        assertEquals("held", item.getString("kind"));
        Api.Answer hidden = api.json("POST", "api/v1/moderation/items/" + item.getJsonNumber("id") + "/decisions",
                Api.object("action", "hide", "reason", "Offering drugs.", "version",
                        item.getJsonNumber("version").longValue()), moderator);
        assertEquals(200, hidden.status(), hidden.body());
        JsonObject read = post(api.thread(threadId, null), postId);
        assertTrue(read.getBoolean("hidden") && read.getString("bodyHtml").isEmpty(), read.toString());
        assertEquals(0, found(api, held));
    }

    @Test
    void flaggedPostsArePublishedWithAReviewItemAndCensoredWordsAreStoredNowhere() {
        Api api = new Api(base);
        moderator = api.newModerator("WordFlagger");
        String flagged = word();
        String censored = word();
        watch(api, flagged, "flag");
        watch(api, censored, "censor");
        Api.Member writer = api.newMember("FlagWriter");
        JsonObject started = api.startThread(writer, TOPIC, "About " + censored, "My " + flagged + " and "
                + censored.toUpperCase(java.util.Locale.ROOT) + " story", false);
        long threadId = started.getJsonNumber("id").longValue();
        long postId = started.getJsonObject("post").getJsonNumber("id").longValue();

        JsonObject read = api.thread(threadId, api.newMember("FlagReader"));
        String dots = "•".repeat(censored.length());
        assertEquals("About " + dots, read.getString("title"));
        String body = post(read, postId).getString("bodyHtml");
        assertTrue(body.contains(flagged) && body.contains(dots) && !body.toLowerCase(java.util.Locale.ROOT)
                .contains(censored), body);
        assertFalse(api.get("api/v1/me/export", writer).body().toLowerCase(java.util.Locale.ROOT).contains(censored),
                "censored before it is stored: not even the writer's export holds it");
        assertTrue(listed(api, threadId));

        JsonObject item = api.queueItem(moderator, "review", postId);
        assertNotNull(item);
        assertEquals("watched-word", item.getString("kind"));
        assertEquals(List.of(flagged), reasons(item), "censored words need no review");
    }

    @Test
    void crisisLanguageIsPublishedWhateverWordItHoldsAndReachesBothLanes() {
        Api api = new Api(base);
        moderator = api.newModerator("CrisisWords");
        String blocked = word();
        String held = word();
        String censored = word();
        watch(api, blocked, "block");
        watch(api, held, "hold");
        watch(api, censored, "censor");
        Api.Member writer = api.newMember("CrisisWriter");
        long threadId = api.startThread(api.newMember("CrisisAsker"), TOPIC, "Tonight", "How is everyone?", false)
                .getJsonNumber("id").longValue();

        Api.Answer posted = api.json("POST", "api/v1/threads/" + threadId + "/posts", Api.object("body",
                "i took all my pills and i'm scared. " + blocked + " " + held + " " + censored), writer);
        assertEquals(201, posted.status(), posted.body());
        JsonObject reply = posted.json();
        long postId = reply.getJsonNumber("id").longValue();
        assertFalse(reply.getJsonObject("post").getBoolean("held"), "never held");
        assertFalse(Api.isNull(reply, "crisis"), "the writer gets help");
        String read = post(api.thread(threadId, null), postId).getString("bodyHtml");
        assertTrue(read.contains("pills") && read.contains(censored), "readers see it as written, nothing censored");
        assertNotNull(api.queueItem(moderator, "care", postId), "it reaches the care lane");
        JsonObject review = api.queueItem(moderator, "review", postId);
        assertEquals("watched-word", review.getString("kind"));
        assertEquals(List.of(blocked, held), reasons(review), "and a moderator reads the words it held");
    }

    @Test
    void aHeldThreadsWriterInCrisisIsNeverHeldNorRefused() {
        Api api = new Api(base);
        moderator = api.newModerator("CrisisHolder");
        String held = word();
        watch(api, held, "hold");
        Api.Member writer = api.newMember("HeldInCrisis");
        JsonObject started = api.startThread(writer, TOPIC, "Where to get " + held, "Anyone?", false);
        long threadId = started.getJsonNumber("id").longValue();
        long postId = started.getJsonObject("post").getJsonNumber("id").longValue();
        assertTrue(started.getJsonObject("post").getBoolean("held"));

        String marker = word();
        Api.Answer reply = api.json("POST", "api/v1/threads/" + threadId + "/posts",
                Api.object("body", "i took all my pills and i'm scared " + marker), writer);
        assertEquals(201, reply.status(), "crisis language is never refused: " + reply.body());
        assertNotNull(api.queueItem(moderator, "care", reply.json().getJsonNumber("id").longValue()));
        assertEquals(0, found(api, marker), "nothing of a held thread is found, its replies neither");

        Api.Answer edited = api.json("PUT", "api/v1/posts/" + postId, Api.object("body",
                "I don't want to be here anymore. I have the pills ready tonight.", "version",
                started.getJsonObject("post").getJsonNumber("version").longValue()), writer);
        assertEquals(200, edited.status(), edited.body());
        assertFalse(edited.json().getJsonObject("post").getBoolean("held"), "edited into crisis language: published");
        assertTrue(post(api.thread(threadId, null), postId).getString("bodyHtml").contains("pills"));
        assertTrue(listed(api, threadId), "and its thread with it");
        assertEquals(1, found(api, marker), "and search finds its replies again");
        JsonObject item = api.queueItem(moderator, "review", postId);
        assertEquals("watched-word", item.getString("kind"), "nothing is left to approve; the words are still read");
    }

    private static JsonObject summary(Api api, long threadId) {
        return api.get("api/v1/topics/" + TOPIC + "/threads").json().getJsonArray("threads")
                .getValuesAs(JsonObject.class).stream().filter(t -> t.getJsonNumber("id").longValue() == threadId)
                .findFirst().orElseThrow();
    }

    @Test
    void aHeldReplyTakesItsPlaceButBringsItsThreadUpOnlyOnceApproved() {
        Api api = new Api(base);
        moderator = api.newModerator("QuietHolder");
        String held = word();
        watch(api, held, "hold");
        long threadId = api.startThread(api.newMember("QuietAsker"), TOPIC, "Sleep", "Anyone else awake?", false)
                .getJsonNumber("id").longValue();
        JsonObject before = summary(api, threadId);
        long postId = api.reply(api.newMember("QuietReplier"), threadId, "Try " + held, false).getJsonNumber("id")
                .longValue();
        JsonObject meanwhile = summary(api, threadId);
        assertEquals(before.getInt("replyCount") + 1, meanwhile.getInt("replyCount"), "its place in the thread");
        assertEquals(before.getString("lastActivityAt"), meanwhile.getString("lastActivityAt"),
                "nothing new to read yet: the thread stays where it was");
        JsonObject item = api.queueItem(moderator, "review", postId);
        assertEquals(200, api.json("POST", "api/v1/moderation/items/" + item.getJsonNumber("id") + "/decisions",
                Api.object("action", "approve", "version", item.getJsonNumber("version").longValue()), moderator)
                .status());
        assertTrue(java.time.OffsetDateTime.parse(summary(api, threadId).getString("lastActivityAt"))
                .isAfter(java.time.OffsetDateTime.parse(before.getString("lastActivityAt"))), "approved: brought up");
    }

    @Test
    void aHeldPostsItemOutlivesTheRetentionPeriodAndAModeratorsAnonymousPostIsScreened() throws Exception {
        Api api = new Api(base);
        moderator = api.newModerator("LongHolder");
        String held = word();
        watch(api, held, "hold");
        JsonObject started = api.startThread(api.newMember("LongWaiter"), TOPIC, "Hello", "Looking for " + held,
                false);
        long postId = started.getJsonObject("post").getJsonNumber("id").longValue();
        long itemId = api.queueItem(moderator, "review", postId).getJsonNumber("id").longValue();
        try (java.sql.Connection db = org.haven.testing.Database.connect();
             java.sql.PreparedStatement age = db.prepareStatement(
                     "UPDATE moderation_item SET created_at = ? WHERE id = ?")) {
            age.setObject(1, java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).minusDays(400));
            age.setLong(2, itemId);
            assertEquals(1, age.executeUpdate());
        }
        Api.Member admin = api.administrator();
        assertEquals(200, api.json("POST", "api/v1/admin/care/expire", null, admin).status());
        assertNotNull(api.queueItem(moderator, "review", postId),
                "only a moderator releases a held post: its item waits however long it takes");

        // a moderator's own posts are not screened, but for anonymous ones: one let through would say who wrote it
        assertFalse(api.startThread(moderator, TOPIC, "Rules", "Please do not ask for " + held + ".", false)
                .getJsonObject("post").getBoolean("held"), "a moderator explaining the rules is not held");
        assertTrue(api.startThread(moderator, TOPIC, "Asking", "Who has " + held + "?", true).getJsonObject("post")
                .getBoolean("held"), "written anonymously, screened like anyone's");
    }

    @Test
    void theModeratorsPageKeepsTheListAndShowsARefusedFormAgain() {
        Api api = new Api(base);
        moderator = api.newModerator("WordPage");
        Api.Member member = api.newMember("WordPageMember");
        assertEquals(403, api.get("moderation/watched-words", Api.cookie("haven_session", member.token())).status());
        Api.Answer page = api.get("moderation/watched-words", Api.cookie("haven_session", moderator.token()));
        Problems.assertPage(200, page);
        String csrf = page.cookieValue("haven_csrf");
        Map<String, String> cookies = Api.headers(Map.of("Cookie", "haven_session=" + moderator.token()
                + "; haven_csrf=" + csrf));

        Api.Answer refused = api.form("moderation/watched-words", Map.of("csrf", csrf, "phrase", "a*",
                "action", "block"), cookies);
        Problems.assertPage(400, refused);
        assertTrue(refused.body().contains("would match too much") && refused.body().contains("value=\"a*\""),
                refused.body());

        String phrase = word();
        Api.Answer saved = api.form("moderation/watched-words", Map.of("csrf", csrf, "phrase", phrase,
                "action", "hold"), cookies);
        assertEquals(303, saved.status(), saved.body());
        JsonObject entry = api.get(PATH, moderator).json().getJsonArray("words").getValuesAs(JsonObject.class).stream()
                .filter(w -> w.getString("phrase").equals(phrase)).findFirst().orElseThrow();
        long id = entry.getJsonNumber("id").longValue();
        added.add(id);
        assertEquals("hold", entry.getString("action"));
        assertEquals(303, api.form("moderation/watched-words/" + id, Map.of("csrf", csrf, "phrase", phrase,
                "action", "censor"), cookies).status());
        assertTrue(api.get("moderation/watched-words", cookies).body().contains(phrase));
        assertEquals(303, api.form("moderation/watched-words/" + id + "/remove", Map.of("csrf", csrf), cookies)
                .status());
        assertFalse(api.get(PATH, moderator).body().contains(phrase));
    }
}
