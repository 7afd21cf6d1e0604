package org.haven.discussion;

import static org.haven.testing.Api.object;
import static org.haven.testing.Problems.assertProblem;
import static org.haven.testing.Problems.assertProblemNaming;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.ByteArrayOutputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.haven.testing.Api;
import org.haven.testing.HavenDeployment;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Threads and posts over the API: writing, reading, paging, editing, deleting, reactions and locking. */
@ExtendWith(ArquillianExtension.class)
class DiscussionApiIT {

    private static final String TOPIC = "cravings-and-triggers";
    private static final long NO_SUCH_ID = 999_999_999_999_999_999L;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return HavenDeployment.war();
    }

    @ArquillianResource
    URL base;

    Api api;

    /**
     * Two members for the tests where any two will do: signing up and in costs two slow passphrase hashes, so
     * they are made once per class. Each test still makes its own threads and posts; tests that need a member
     * nobody else has used (anonymity, roles) make their own.
     */
    static Api.Member writer;
    static Api.Member neighbour;

    @BeforeEach
    void client() {
        api = new Api(base);
        if (writer == null) {
            writer = api.newMember("Writer");
            neighbour = api.newMember("Neighbour");
        }
    }

    private Api.Answer startThread(Api.Member author, String topic, String json) {
        return api.json("POST", "api/v1/topics/" + topic + "/threads", json, author);
    }

    private static String newThread(String title, String body) {
        return object("title", title, "body", body, "anonymous", false);
    }

    private static List<JsonObject> posts(JsonObject thread) {
        return thread.getJsonArray("posts").stream().map(JsonValue::asJsonObject).toList();
    }

    private static JsonObject postWithId(JsonObject thread, long id) {
        return posts(thread).stream().filter(p -> p.getJsonNumber("id").longValue() == id).findFirst()
                .orElseThrow(() -> new AssertionError("no post " + id + " in " + thread));
    }

    private static long id(JsonObject o) {
        return o.getJsonNumber("id").longValue();
    }

    @Test
    void aMemberStartsAThreadWithItsOpeningPost() {
        Api.Member author = writer;

        Api.Answer answer = startThread(author, TOPIC,
                newThread("Evenings are the hardest", "Does anyone have a **routine** for 6 pm?"));

        assertEquals(201, answer.status(), answer.body());
        JsonObject created = answer.json();
        assertEquals("Evenings are the hardest", created.getString("title"));
        assertEquals(TOPIC, created.getJsonObject("topic").getString("slug"));
        assertEquals("Cravings & triggers", created.getJsonObject("topic").getString("name"));
        assertTrue(Api.isNull(created, "crisis"), answer.body());
        JsonObject post = created.getJsonObject("post");
        assertEquals(author.pseudonym(), post.getString("author"));
        assertTrue(post.getBoolean("opening"));
        assertTrue(post.getBoolean("yours"));
        assertTrue(post.getString("bodyHtml").contains("<strong>routine</strong>"), answer.body());
        assertTrue(Api.isNull(post, "editedAt"), answer.body());

        JsonObject read = api.thread(id(created), null);
        assertEquals("Evenings are the hardest", read.getString("title"));
        assertFalse(read.getBoolean("locked"));
        assertEquals(id(post), id(posts(read).get(0)));
        assertFalse(posts(read).get(0).getBoolean("yours"), "a visitor owns nothing");
    }

    @Test
    void aThreadInAnUnknownTopicIsNotFound() {
        Api.Member author = writer;

        assertProblem(404, startThread(author, "no-such-topic", newThread("Where am I?", "Hello?")));
        assertProblem(404, api.get("api/v1/topics/no-such-topic/threads"));
    }

    @Test
    void aThreadNeedsATitleAndABodyWithinTheirLimits() {
        Api.Member author = writer;

        assertProblemNaming(400, "title", startThread(author, TOPIC, newThread("", "A body")));
        assertProblemNaming(400, "title", startThread(author, TOPIC, newThread("   \t ", "A body")));
        assertProblemNaming(400, "title", startThread(author, TOPIC, object("body", "A body")));
        assertProblemNaming(400, "title", startThread(author, TOPIC, newThread("t".repeat(201), "A body")));
        assertProblemNaming(400, "body", startThread(author, TOPIC, newThread("A title", " \n ")));
        assertProblemNaming(400, "body", startThread(author, TOPIC, newThread("A title", "b".repeat(20_001))));
        assertEquals(201, startThread(author, TOPIC, newThread("t".repeat(200), "b".repeat(20_000))).status(),
                "exactly at the limits is fine");
    }

    @Test
    void aTitleOfControlCharactersOnlyIsBlank() {
        Api.Member author = writer;

        assertProblemNaming(400, "title", startThread(author, TOPIC, newThread("\u200B\u202E\u0007", "A body")));
    }

    @Test
    void aRequestOver64KiBIsRefusedBeforeItIsRead() {
        Api.Member author = writer;
        String hundredKiB = newThread("Too much", "b".repeat(100 * 1024));

        assertProblem(413, startThread(author, TOPIC, hundredKiB));
        assertProblem(413, api.sendChunked("POST", "api/v1/topics/" + TOPIC + "/threads", "application/json",
                hundredKiB.getBytes(StandardCharsets.UTF_8), author.bearer()));
    }

    @Test
    void startingAThreadNeedsASignedInMember() {
        assertProblem(401, startThread(null, TOPIC, newThread("Anyone there?", "Hello")));
    }

    @Test
    void aBodyThatIsNotJsonIsRefusedPlainly() {
        Api.Member author = writer;
        String path = "api/v1/topics/" + TOPIC + "/threads";

        assertProblem(415, api.send("POST", path, "text/plain", "title=Hi&body=Hello", author.bearer()));
        assertProblem(400, startThread(author, TOPIC, "{\"title\": \"Unfinished"));
        assertProblem(400, startThread(author, TOPIC, "[1, 2, 3]"));
        assertProblem(400, startThread(author, TOPIC, ""));
    }

    @Test
    void anAnonymousFlagThatIsNotTrueOrFalseIsRefusedRatherThanIgnored() {
        Api.Answer answer = startThread(writer, TOPIC, "{\"title\": \"Please keep me anonymous\", \"body\": \"Hello\", "
                + "\"anonymous\": \"yes\"}");

        assertProblem(400, answer);
    }

    @Test
    void aBodyThatIsNotValidUtf8IsRefused() {
        Api.Member author = writer;
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        json.writeBytes("{\"title\": \"Broken ".getBytes(StandardCharsets.US_ASCII));
        json.writeBytes(new byte[] {(byte) 0xC3, (byte) 0x28}); // a lead byte without its continuation
        json.writeBytes("\", \"body\": \"Hello\"}".getBytes(StandardCharsets.US_ASCII));

        assertProblem(400, api.sendBytes("POST", "api/v1/topics/" + TOPIC + "/threads", "application/json",
                json.toByteArray(), author.bearer()));
    }

    @Test
    void aMemberRepliesToAThread() {
        Api.Member author = writer;
        Api.Member helper = neighbour;
        long thread = id(api.startThread(author, TOPIC, "Urges after work", "What helps you?", false));

        Api.Answer answer = api.json("POST", "api/v1/threads/" + thread + "/posts",
                object("body", "A walk _before_ going home.", "anonymous", false), helper);

        assertEquals(201, answer.status(), answer.body());
        JsonObject reply = answer.json();
        assertEquals(thread, reply.getJsonNumber("threadId").longValue());
        assertEquals(helper.pseudonym(), reply.getJsonObject("post").getString("author"));
        assertFalse(reply.getJsonObject("post").getBoolean("opening"));
        assertTrue(Api.isNull(reply, "crisis"), answer.body());
        JsonObject read = api.thread(thread, helper);
        assertEquals(1, read.getInt("replyCount"));
        JsonObject shown = postWithId(read, id(reply));
        assertTrue(shown.getString("bodyHtml").contains("<em>before</em>"), read.toString());
        assertTrue(shown.getBoolean("yours"));
    }

    @Test
    void aReplyToAnUnknownThreadIsNotFound() {
        Api.Member member = writer;

        assertProblem(404, api.json("POST", "api/v1/threads/" + NO_SUCH_ID + "/posts", object("body", "Hello?"), member));
        assertProblem(404, api.get("api/v1/threads/" + NO_SUCH_ID));
    }

    @Test
    void aReplyNeedsABodyAndASignedInMember() {
        Api.Member author = writer;
        long thread = id(api.startThread(author, TOPIC, "Silence", "Just checking in.", false));
        String path = "api/v1/threads/" + thread + "/posts";

        assertProblemNaming(400, "body", api.json("POST", path, object("body", ""), author));
        assertProblemNaming(400, "body", api.json("POST", path, object("body", "r".repeat(20_001)), author));
        assertProblem(401, api.json("POST", path, object("body", "Hello"), (String) null));
    }

    @Test
    void aLongThreadIsReadTwentyPostsAPage() {
        Api.Member author = writer;
        long thread = id(api.startThread(author, TOPIC, "Day counting", "Day 1.", false));
        long last = 0;
        for (int day = 2; day <= 21; day++) {
            last = id(api.reply(author, thread, "Day " + day + ".", false));
        }

        JsonObject first = api.thread(thread, null);
        Api.Answer second = api.get("api/v1/threads/" + thread + "?page=2");

        assertEquals(2, first.getInt("pageCount"));
        assertEquals(1, first.getInt("page"));
        assertEquals(20, posts(first).size());
        assertTrue(posts(first).get(0).getBoolean("opening"));
        assertEquals(20, first.getInt("replyCount"));
        assertEquals(200, second.status(), second.body());
        assertEquals(2, second.json().getInt("page"));
        assertEquals(1, posts(second.json()).size());
        assertEquals(last, id(posts(second.json()).get(0)));
        assertTrue(posts(second.json()).get(0).getString("bodyHtml").contains("Day 21."));
    }

    @Test
    void aPageNumberMustBeAWholeNumberFromOne() {
        Api.Member author = writer;
        long thread = id(api.startThread(author, TOPIC, "Paging", "Page me.", false));

        for (String page : new String[] {"0", "-1", "abc", "1.5", "10001", "99999999999"}) {
            JsonObject problem = assertProblemNaming(400, "page", api.get("api/v1/threads/" + thread + "?page=" + page));
            assertEquals("query", problem.getJsonArray("errors").getJsonObject(0).getString("in"));
            assertProblemNaming(400, "page", api.get("api/v1/topics/" + TOPIC + "/threads?page=" + page));
        }
    }

    @Test
    void aTopicListsItsThreadsWithTheLatestActivityFirst() {
        Api.Member author = writer;
        long older = id(api.startThread(author, TOPIC, "Older thread", "First.", false));
        long newer = id(api.startThread(author, TOPIC, "Newer thread", "Second.", false));
        List<Long> before = threadIdsOf(TOPIC);

        api.reply(author, older, "A reply brings it back up.", false);
        List<Long> after = threadIdsOf(TOPIC);

        assertTrue(before.indexOf(newer) < before.indexOf(older), before.toString());
        assertEquals(older, after.get(0), after.toString());
        assertTrue(after.indexOf(older) < after.indexOf(newer), after.toString());
    }

    private List<Long> threadIdsOf(String topic) {
        Api.Answer answer = api.get("api/v1/topics/" + topic + "/threads");
        assertEquals(200, answer.status(), answer.body());
        assertEquals(topic, answer.json().getJsonObject("topic").getString("slug"));
        assertTrue(answer.json().getJsonNumber("total").longValue() >= 2);
        return answer.json().getJsonArray("threads").stream().map(t -> id(t.asJsonObject())).toList();
    }

    @Test
    void anAnonymousPostNeverShowsItsAuthorsPseudonym() {
        Api.Member author = api.newMember("Hidden");
        Api.Member reader = neighbour;
        JsonObject created = api.startThread(author, TOPIC, "Something I have not told anyone", "It is hard to say.", true);
        long thread = id(created);
        api.reply(author, thread, "Thank you for reading.", true);

        List<Api.Answer> everywhere = List.of(
                api.get("api/v1/threads/" + thread, reader),
                api.get("api/v1/threads/" + thread),
                api.get("api/v1/topics/" + TOPIC + "/threads", reader),
                api.get("threads/" + thread, reader),
                api.get("topics/" + TOPIC),
                api.get("/"));

        assertEquals("Anonymous member", created.getJsonObject("post").getString("author"));
        for (Api.Answer answer : everywhere) {
            assertEquals(200, answer.status(), answer.body());
            assertFalse(answer.body().contains(author.pseudonym()), () -> "the pseudonym leaked in: " + answer.body());
        }
        JsonObject read = everywhere.get(0).json();
        assertEquals("Anonymous member", read.getString("author"));
        posts(read).forEach(p -> assertEquals("Anonymous member", p.getString("author")));
        posts(read).forEach(p -> assertFalse(p.getBoolean("yours")));
    }

    @Test
    void anAuthorEditsTheirPostAgainstTheVersionTheySaw() {
        Api.Member author = writer;
        JsonObject created = api.startThread(author, TOPIC, "Typo", "I mean to say thnaks.", false);
        JsonObject post = created.getJsonObject("post");
        String path = "api/v1/posts/" + id(post);

        Api.Answer edited = api.json("PUT", path,
                object("body", "I meant to say **thanks**.", "version", post.getJsonNumber("version").longValue()), author);
        Api.Answer stale = api.json("PUT", path,
                object("body", "A second edit from an old tab.", "version", post.getJsonNumber("version").longValue()), author);

        assertEquals(200, edited.status(), edited.body());
        JsonObject written = edited.json().getJsonObject("post");
        assertFalse(Api.isNull(written, "editedAt"), edited.body());
        assertTrue(written.getString("bodyHtml").contains("<strong>thanks</strong>"), edited.body());
        assertNotEquals(post.getJsonNumber("version").longValue(), written.getJsonNumber("version").longValue());
        assertTrue(Api.isNull(edited.json(), "crisis"), "no help for a harmless edit");
        assertProblem(409, stale);
        JsonObject shown = postWithId(api.thread(id(created), null), id(post));
        assertTrue(shown.getString("bodyHtml").contains("thanks"), shown.toString());
        assertFalse(shown.getString("bodyHtml").contains("old tab"), shown.toString());
        assertFalse(Api.isNull(shown, "editedAt"));
    }

    @Test
    void anEditNeedsABodyAndTheVersion() {
        Api.Member author = writer;
        JsonObject post = api.startThread(author, TOPIC, "Edits", "Original.", false).getJsonObject("post");
        String path = "api/v1/posts/" + id(post);

        assertProblemNaming(400, "version", api.json("PUT", path, object("body", "New text"), author));
        assertProblemNaming(400, "body", api.json("PUT", path, object("body", "", "version", 0L), author));
        assertProblem(404, api.json("PUT", "api/v1/posts/" + NO_SUCH_ID, object("body", "x", "version", 0L), author));
    }

    @Test
    void nobodyEditsOrDeletesSomeoneElsesPost() {
        Api.Member author = writer;
        Api.Member other = neighbour;
        JsonObject created = api.startThread(author, TOPIC, "Mine", "My words.", false);
        JsonObject post = created.getJsonObject("post");
        String path = "api/v1/posts/" + id(post);

        assertProblem(403, api.json("PUT", path, object("body", "Your words now.", "version",
                post.getJsonNumber("version").longValue()), other));
        assertProblem(403, api.send("DELETE", path, null, null, other.bearer()));
        assertProblem(401, api.send("DELETE", path, null, null, Map.of()));
        JsonObject unchanged = postWithId(api.thread(id(created), null), id(post));
        assertTrue(unchanged.getString("bodyHtml").contains("My words."), unchanged.toString());
        assertFalse(unchanged.getBoolean("deleted"));
    }

    @Test
    void anAuthorDeletesTheirPostAndItsTextIsGone() {
        Api.Member author = neighbour;
        Api.Member asker = writer;
        long thread = id(api.startThread(asker, TOPIC, "Tell me", "What happened?", false));
        long reply = id(api.reply(author, thread, "Something I should not have shared.", false));

        Api.Answer answer = api.send("DELETE", "api/v1/posts/" + reply, null, null, author.bearer());

        assertEquals(204, answer.status(), answer.body());
        JsonObject read = api.thread(thread, asker);
        JsonObject deleted = postWithId(read, reply);
        assertTrue(deleted.getBoolean("deleted"));
        assertEquals("", deleted.getString("bodyHtml"));
        assertFalse(read.toString().contains("should not have shared"), read.toString());
        assertFalse(read.toString().contains(author.pseudonym()), read.toString());
        assertProblem(409, api.json("PUT", "api/v1/posts/" + reply,
                object("body", "Back again", "version", deleted.getJsonNumber("version").longValue()), author));
        assertFalse(api.get("threads/" + thread).body().contains("should not have shared"));
    }

    @Test
    void aMemberMarksAnotherMembersReplyHelpfulOnce() {
        Api.Member asker = writer;
        Api.Member helper = neighbour;
        long thread = id(api.startThread(asker, TOPIC, "Sleep", "I cannot sleep without it.", false));
        long reply = id(api.reply(helper, thread, "Magnesium and a boring podcast.", false));
        String path = "api/v1/posts/" + reply + "/helpful";

        Api.Answer first = api.json("POST", path, null, asker);
        Api.Answer second = api.json("POST", path, null, asker);

        assertEquals(200, first.status(), first.body());
        assertEquals(1, first.json().getInt("helpfulCount"));
        assertEquals(thread, first.json().getJsonNumber("threadId").longValue());
        assertEquals(200, second.status(), second.body());
        assertEquals(1, second.json().getInt("helpfulCount"));
        assertEquals(1, postWithId(api.thread(thread, null), reply).getInt("helpfulCount"));
    }

    @Test
    void helpfulIsForOtherMembersReplies() {
        Api.Member asker = writer;
        Api.Member helper = neighbour;
        long thread = id(api.startThread(asker, TOPIC, "Opening", "The question.", false));
        long opening = id(posts(api.thread(thread, null)).get(0));
        long reply = id(api.reply(helper, thread, "An answer.", false));

        assertProblem(403, api.json("POST", "api/v1/posts/" + reply + "/helpful", null, helper));
        assertProblem(409, api.json("POST", "api/v1/posts/" + opening + "/helpful", null, helper));
        assertProblem(401, api.json("POST", "api/v1/posts/" + reply + "/helpful", null, (String) null));
        assertProblem(404, api.json("POST", "api/v1/posts/" + NO_SUCH_ID + "/helpful", null, asker));
        assertEquals(0, postWithId(api.thread(thread, null), reply).getInt("helpfulCount"));
    }

    @Test
    void aMemberSendsSupportOnceToAnyPost() {
        Api.Member friend = neighbour;
        long thread = id(api.startThread(writer, TOPIC, "Day 3", "Still here, one day at a time.", false));
        long opening = id(posts(api.thread(thread, null)).get(0));
        String path = "api/v1/posts/" + opening + "/support";

        Api.Answer first = api.json("POST", path, null, friend);
        Api.Answer again = api.json("POST", path, null, friend);

        assertEquals(200, first.status(), first.body());
        assertEquals(1, first.json().getInt("supportCount"));
        assertEquals(1, again.json().getInt("supportCount"));
        assertEquals(1, postWithId(api.thread(thread, null), opening).getInt("supportCount"));
    }

    @Test
    void aModeratorLocksAThreadAndItTakesNoMoreRepliesUntilOpenedAgain() {
        Api.Member moderator = api.newModerator("Steward");
        Api.Member member = writer;
        long thread = id(api.startThread(member, TOPIC, "Heated", "Let us keep it kind.", false));
        String path = "api/v1/threads/" + thread + "/locked";

        Api.Answer lock = api.json("PUT", path, object("locked", true), moderator);

        assertEquals(204, lock.status(), lock.body());
        assertTrue(api.thread(thread, null).getBoolean("locked"));
        assertProblem(409, api.json("POST", "api/v1/threads/" + thread + "/posts", object("body", "One more thing"), member));
        assertEquals(0, api.thread(thread, null).getInt("replyCount"));

        assertEquals(204, api.json("PUT", path, object("locked", false), moderator).status());
        assertEquals(201, api.json("POST", "api/v1/threads/" + thread + "/posts", object("body", "Thank you"), member).status());
    }

    @Test
    void onlyModeratorsLockThreads() {
        Api.Member member = writer;
        long thread = id(api.startThread(member, TOPIC, "My thread", "Mine to lock?", false));
        String path = "api/v1/threads/" + thread + "/locked";

        assertProblem(403, api.json("PUT", path, object("locked", true), member));
        assertProblem(401, api.json("PUT", path, object("locked", true), (String) null));
        assertFalse(api.thread(thread, null).getBoolean("locked"));
    }

    @Test
    void lockingNeedsToSayLockedOrNot() {
        Api.Member moderator = api.newModerator("Precise");
        Api.Member member = writer;
        long thread = id(api.startThread(member, TOPIC, "Lock?", "Hm.", false));

        assertProblemNaming(400, "locked", api.json("PUT", "api/v1/threads/" + thread + "/locked", "{}", moderator));
        assertProblem(404, api.json("PUT", "api/v1/threads/" + NO_SUCH_ID + "/locked", object("locked", true), moderator));
    }
}
