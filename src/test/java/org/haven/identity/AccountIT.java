package org.haven.identity;

import static org.haven.testing.Problems.assertProblem;
import static org.haven.testing.Problems.assertProblemNaming;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
 * A member's own data (DESIGN.md): they can download everything they wrote, and delete their account, choosing
 * to erase their posts or to leave them under "[deleted member]". Checked through the API, the pages, and in the
 * database itself.
 */
@ExtendWith(ArquillianExtension.class)
class AccountIT {

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

    private static Api.Answer delete(Api api, Api.Member member, String passphrase, String posts) {
        return api.json("DELETE", "api/v1/me", Api.object("passphrase", passphrase, "posts", posts), member);
    }

    private static long count(String sql, Object... parameters) throws Exception {
        try (Connection db = Database.connect(); PreparedStatement q = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                q.setObject(i + 1, parameters[i]);
            }
            try (ResultSet r = q.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    private static JsonObject postIn(JsonObject thread, long postId) {
        return thread.getJsonArray("posts").getValuesAs(JsonObject.class).stream()
                .filter(p -> id(p) == postId).findFirst().orElseThrow(() -> new AssertionError("post " + postId + " in " + thread));
    }

    @Test
    void theExportHoldsWhatTheMemberWroteAsWrittenAndNothingOfOthers() {
        Api api = new Api(base);
        Api.Member writer = api.newMember("Exporter");
        Api.Member other = api.newMember("Neighbour");
        JsonObject started = api.startThread(writer, TOPIC, "Ninety days", "Ninety days **today**.", false);
        long thread = id(started);
        long othersReply = id(api.reply(other, thread, "So proud of you, from someone else entirely", false));
        long ownReply = id(api.reply(writer, thread, "Thank you. Said _anonymously_.", true));
        assertEquals(200, api.json("POST", "api/v1/posts/" + othersReply + "/helpful", null, writer).status());

        Api.Answer export = api.get("api/v1/me/export", writer);

        assertEquals(200, export.status(), export.body());
        assertTrue(export.header("Content-Disposition").startsWith("attachment"), export.header("Content-Disposition"));
        assertEquals("no-store", export.header("Cache-Control"));
        JsonObject document = export.json();
        assertEquals(writer.pseudonym(), document.getJsonObject("member").getString("pseudonym"));
        JsonArray threads = document.getJsonArray("threads");
        assertEquals(1, threads.size(), document.toString());
        assertEquals("Ninety days", threads.getJsonObject(0).getString("title"));
        List<String> bodies = document.getJsonArray("posts").getValuesAs(JsonObject.class).stream()
                .map(p -> p.getString("body")).toList();
        assertEquals(List.of("Ninety days **today**.", "Thank you. Said _anonymously_."), bodies, "as written, in Markdown");
        assertTrue(document.getJsonArray("posts").getValuesAs(JsonObject.class).stream()
                .anyMatch(p -> id(p) == ownReply && p.getBoolean("anonymous")), "anonymous posts are theirs too");
        JsonObject reaction = document.getJsonArray("reactions").getJsonObject(0);
        assertEquals(othersReply, reaction.getJsonNumber("postId").longValue());
        assertEquals("helpful", reaction.getString("kind"));
        assertFalse(export.body().contains("someone else entirely"), "another member's words are not in the export");
        assertFalse(export.body().contains("passphrase_hash") || export.body().contains("pbkdf2"), "no hashes");

        assertProblem(401, api.get("api/v1/me/export"));
    }

    @Test
    void deletingNeedsThePassphraseAndAChoiceAndAWrongOneChangesNothing() {
        Api api = new Api(base);
        Api.Member member = api.newMember("Hesitant");

        assertProblemNaming(403, "passphrase", delete(api, member, "not my passphrase at all", "keep"));
        assertProblemNaming(400, "posts", delete(api, member, Api.PASSPHRASE, null));
        assertProblemNaming(400, "posts", delete(api, member, Api.PASSPHRASE, "burn"));
        assertProblemNaming(400, "passphrase", delete(api, member, "", "erase"));
        assertProblem(400, api.json("DELETE", "api/v1/me", null, member));
        assertProblem(401, api.json("DELETE", "api/v1/me", Api.object("passphrase", Api.PASSPHRASE, "posts", "keep"), (String) null));

        assertEquals(200, api.get("api/v1/me", member).status(), "the account is still there");
    }

    @Test
    void keptPostsStayUnderDeletedMemberAndNothingNamesTheMemberAnyMore() throws Exception {
        Api api = new Api(base);
        Api.Member leaving = api.newMember("Leaving");
        Api.Member staying = api.newMember("Staying");
        long thread = id(api.startThread(leaving, TOPIC, "What got me through", "Walking, every evening.", false));
        long reply = id(api.reply(staying, thread, "Walking works for me too.", false));
        assertEquals(200, api.json("POST", "api/v1/posts/" + reply + "/helpful", null, leaving).status());
        assertEquals(200, api.json("POST", "api/v1/posts/" + reply + "/support", null, leaving).status());
        assertEquals(200, api.json("POST", "api/v1/posts/" + reply + "/support", null, staying).status());
        assertEquals(1, postIn(api.thread(thread, null), reply).getInt("helpfulCount"));
        assertEquals(2, postIn(api.thread(thread, null), reply).getInt("supportCount"));

        Api.Answer deleted = delete(api, leaving, Api.PASSPHRASE, "keep");

        assertEquals(204, deleted.status(), deleted.body());
        assertTrue(deleted.setCookie("haven_session").isPresent(), "the session cookie is cleared");
        assertProblem(401, api.get("api/v1/me", leaving));
        JsonObject read = api.thread(thread, null);
        JsonObject opening = read.getJsonArray("posts").getJsonObject(0);
        assertEquals("[deleted member]", opening.getString("author"));
        assertTrue(opening.getString("bodyHtml").contains("Walking, every evening."), "kept: the words stay for the replies");
        assertEquals("[deleted member]", read.getString("author"));
        assertEquals("What got me through", read.getString("title"));
        assertEquals(0, postIn(read, reply).getInt("helpfulCount"), "the member's helpful mark left with them");
        assertEquals(1, postIn(read, reply).getInt("supportCount"), "their support too, and only theirs");
        String page = api.get("threads/" + thread).body();
        assertTrue(page.contains("[deleted member]") && page.contains("Walking, every evening."), page);
        assertFalse(page.contains(leaving.pseudonym()), "the page no longer names them");
        String key = leaving.pseudonym().toLowerCase(Locale.ROOT);
        assertEquals(0, count("SELECT COUNT(*) FROM member WHERE pseudonym_key = ?", key));
        assertEquals(0, count("SELECT COUNT(*) FROM post WHERE thread_id = ? AND author_id IS NOT NULL AND id <> ?", thread, reply));
        assertEquals(201, api.json("POST", "api/v1/members",
                Api.object("pseudonym", leaving.pseudonym(), "passphrase", Api.PASSPHRASE), (String) null).status(),
                "the pseudonym is free again");
    }

    @Test
    void erasedPostsLeaveNoWordBehindAndOthersRepliesStay() throws Exception {
        Api api = new Api(base);
        Api.Member leaving = api.newMember("Erasing");
        Api.Member staying = api.newMember("Replier");
        String marker = Api.newPseudonym("mark");
        JsonObject started = api.startThread(leaving, TOPIC, "Tonight " + marker, "i took all my pills and i'm scared " + marker, false);
        long thread = id(started);
        long opening = id(started.getJsonObject("post"));
        long reply = id(api.reply(staying, thread, "Please call someone now. We are here.", false));
        long ownReply = id(api.reply(leaving, thread, "thank you " + marker, true));
        assertEquals(1, count("SELECT COUNT(*) FROM moderation_item WHERE post_id = ?", opening), "a care item was made");

        assertEquals(204, delete(api, leaving, Api.PASSPHRASE, "erase").status());

        JsonObject read = api.thread(thread, null);
        assertEquals("(title removed by its writer)", read.getString("title"));
        for (long erased : new long[] {opening, ownReply}) {
            JsonObject post = postIn(read, erased);
            assertTrue(post.getBoolean("deleted"), post.toString());
            assertEquals("", post.getString("bodyHtml"));
        }
        assertTrue(postIn(read, reply).getString("bodyHtml").contains("We are here."), "the reply stays");
        String like = "%" + marker + "%";
        assertEquals(0, count("SELECT COUNT(*) FROM post WHERE body_markdown LIKE ? OR body_html LIKE ?", like, like));
        assertEquals(0, count("SELECT COUNT(*) FROM discussion_thread WHERE title LIKE ?", like));
        assertEquals(1, count("SELECT COUNT(*) FROM moderation_item WHERE post_id = ? AND crisis_level = 'IMMINENT' "
                + "AND status = 'PENDING'", opening), "the care item stays for the moderators: someone in danger left");
        assertEquals(0, count("SELECT COUNT(*) FROM moderation_item WHERE post_id = ? AND spans <> '[]'", opening),
                "but without the spans that quoted the erased words");
    }

    @Test
    void aNewPassphraseEndsEverySessionHandsANewOneAndTheOldPassphraseNoLongerSignsIn() {
        Api api = new Api(base);
        Api.Member here = api.newMember("Changer");
        Api.Member elsewhere = api.signInAs(here.pseudonym(), Api.PASSPHRASE);
        String newPassphrase = "a new lantern by the harbour";

        assertProblemNaming(403, "currentPassphrase", api.json("PUT", "api/v1/me/passphrase",
                Api.object("currentPassphrase", "not the one", "newPassphrase", newPassphrase), here));
        assertProblemNaming(400, "newPassphrase", api.json("PUT", "api/v1/me/passphrase",
                Api.object("currentPassphrase", Api.PASSPHRASE, "newPassphrase", "short"), here));
        assertEquals(200, api.get("api/v1/me", elsewhere).status(), "nothing changed yet");

        Api.Answer changed = api.json("PUT", "api/v1/me/passphrase",
                Api.object("currentPassphrase", Api.PASSPHRASE, "newPassphrase", newPassphrase), here);

        assertEquals(200, changed.status(), changed.body());
        String fresh = changed.json().getString("token");
        assertProblem(401, api.get("api/v1/me", elsewhere));
        assertProblem(401, api.get("api/v1/me", here)); // this session's token too: someone may have copied it
        assertEquals(200, api.get("api/v1/me", Api.bearer(fresh)).status(), "the member carries on in a new session");
        assertTrue(changed.setCookie("haven_session").isPresent(), "and a browser gets its cookie");
        assertProblem(401, api.json("POST", "api/v1/sessions",
                Api.object("pseudonym", here.pseudonym(), "passphrase", Api.PASSPHRASE), (String) null));
        assertEquals(here.pseudonym(), api.signIn(here.pseudonym(), newPassphrase).getString("pseudonym"));
    }

    @Test
    void theAccountPageChangesThePassphraseWithoutJavaScript() {
        Api api = new Api(base);
        Api.Member member = api.newMember("PageChanger");
        Api.Member elsewhere = api.signInAs(member.pseudonym(), Api.PASSPHRASE);
        String csrf = api.get("account", Api.cookie("haven_session", member.token())).cookieValue("haven_csrf");
        Map<String, String> cookies = Api.headers(Map.of("Cookie", "haven_session=" + member.token() + "; haven_csrf=" + csrf));

        Api.Answer wrong = api.form("account/passphrase", Map.of("csrf", csrf, "currentPassphrase", "a wrong guess here",
                "newPassphrase", "evening tea on the step"), cookies);
        assertEquals(403, wrong.status());
        assertTrue(wrong.body().contains("id=\"currentPassphrase-error\""), wrong.body());

        Api.Answer done = api.form("account/passphrase", Map.of("csrf", csrf, "currentPassphrase", Api.PASSPHRASE,
                "newPassphrase", "evening tea on the step"), cookies);

        assertEquals(303, done.status(), done.body());
        String location = done.header("Location");
        assertTrue(location.endsWith("/account?changed"), location);
        String fresh = done.cookieValue("haven_session");
        assertProblem(401, api.get("api/v1/me", member));
        assertProblem(401, api.get("api/v1/me", elsewhere));
        assertTrue(api.get("account?changed", Api.cookie("haven_session", fresh)).body()
                .contains("Your passphrase is changed."), "this browser carries on, in its new session");
        assertEquals(member.pseudonym(), api.signIn(member.pseudonym(), "evening tea on the step").getString("pseudonym"));
    }

    @Test
    void theOnlyAdministratorCannotLeave() throws Exception {
        Api api = new Api(base);

        Api.Answer refused = delete(api, api.administrator(), Api.ADMIN_PASSPHRASE, "keep");

        assertProblem(409, refused);
        assertTrue(refused.json().getString("detail").contains("only administrator"), refused.body());
        assertEquals(1, count("SELECT COUNT(*) FROM member WHERE pseudonym_key = ?", Api.ADMIN_PSEUDONYM.toLowerCase(Locale.ROOT)));
        assertEquals(200, api.get("api/v1/me", api.administrator()).status());
    }

    @Test
    void theAccountPageDeletesWithoutJavaScriptAndShowsMistakesWithTheChoiceKept() {
        Api api = new Api(base);
        Api.Member member = api.newMember("PageLeaver");
        Map<String, String> session = Api.cookie("haven_session", member.token());
        assertEquals(303, api.get("account").status(), "signed out: to sign-in first");
        Api.Answer page = api.get("account", session);
        assertEquals(200, page.status());
        assertTrue(page.body().contains("Delete my account") && page.body().contains("/api/v1/me/export"), page.body());
        String csrf = page.cookieValue("haven_csrf");
        Map<String, String> cookies = Api.headers(Map.of("Cookie", "haven_session=" + member.token() + "; haven_csrf=" + csrf));

        assertEquals(403, api.form("account/delete", Map.of("posts", "keep", "passphrase", Api.PASSPHRASE), cookies).status(),
                "a form without its CSRF token changes nothing");
        assertEquals(403, api.send("DELETE", "api/v1/me", "application/json",
                Api.object("passphrase", Api.PASSPHRASE, "posts", "keep"), session).status(),
                "the session cookie alone, without X-CSRF-Token, cannot delete the account");
        assertEquals(200, api.get("api/v1/me", member).status());

        Api.Answer wrong = api.form("account/delete", Map.of("csrf", csrf, "posts", "erase", "passphrase", "a wrong guess here"), cookies);
        assertEquals(403, wrong.status());
        assertTrue(wrong.body().contains("That is not your passphrase. Nothing was changed."), wrong.body());
        assertTrue(wrong.body().contains("value=\"erase\" checked"), "the choice is kept");
        Api.Answer noChoice = api.form("account/delete", Map.of("csrf", csrf, "passphrase", Api.PASSPHRASE), cookies);
        assertEquals(400, noChoice.status());
        assertTrue(noChoice.body().contains("Choose what becomes of your posts"), noChoice.body());

        Api.Answer done = api.form("account/delete", Map.of("csrf", csrf, "posts", "keep", "passphrase", Api.PASSPHRASE), cookies);

        assertEquals(303, done.status(), done.body());
        assertTrue(done.header("Location").endsWith("/account/deleted"), done.header("Location"));
        assertTrue(done.setCookie("haven_session").isPresent());
        assertTrue(api.get("account/deleted").body().contains("Your account is deleted"));
        assertProblem(401, api.get("api/v1/me", member));
    }
}
