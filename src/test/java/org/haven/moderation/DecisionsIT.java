package org.haven.moderation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
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
 * Moderators act on items: a claim keeps other moderators off while it runs, a decision closes the item against the
 * version the moderator saw, and every action is in the audit log with who, what, on which post and why.
 */
@ExtendWith(ArquillianExtension.class)
class DecisionsIT {

    private static final String TOPIC = "relapse-and-starting-again";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return HavenDeployment.war();
    }

    @ArquillianResource
    URL base;

    private static long crisisPost(Api api, String writerPrefix) {
        Api.Member writer = api.newMember(writerPrefix);
        JsonObject thread = api.startThread(writer, TOPIC, "Tonight", "honestly i want to die, i can't do this anymore",
                false);
        return thread.getJsonObject("post").getJsonNumber("id").longValue();
    }

    private static Api.Answer claim(Api api, Api.Member moderator, long itemId) {
        return api.json("POST", "api/v1/moderation/items/" + itemId + "/claim", "{}", moderator);
    }

    private static Api.Answer decide(Api api, Api.Member moderator, long itemId, String action, String reason,
                                     Long version) {
        return api.json("POST", "api/v1/moderation/items/" + itemId + "/decisions",
                Api.object("action", action, "reason", reason, "version", version), moderator);
    }

    /** The newest audit entries about {@code postId}, newest first. */
    private static List<JsonObject> auditOf(Api api, Api.Member moderator, long postId) {
        Api.Answer audit = api.get("api/v1/moderation/audit", moderator);
        assertEquals(200, audit.status(), audit.body());
        return audit.jsonStructure().asJsonArray().getValuesAs(JsonObject.class).stream()
                .filter(e -> !Api.isNull(e, "postId") && e.getJsonNumber("postId").longValue() == postId).toList();
    }

    @Test
    void aModeratorClosesACareItemThePostStaysAndTheAuditLogSaysWhoWhatAndWhy() {
        Api api = new Api(base);
        long postId = crisisPost(api, "ClosedWriter");
        Api.Member moderator = api.newModerator("Closer");
        JsonObject item = api.queueItem(moderator, "care", postId);
        assertNotNull(item, "the crisis post waits in the care lane");
        long itemId = item.getJsonNumber("id").longValue();

        Api.Answer decided = decide(api, moderator, itemId, "approve", "Replied in the thread; they are with family.",
                item.getJsonNumber("version").longValue());
        assertEquals(200, decided.status(), decided.body());
        assertEquals("decided", decided.json().getString("status"));
        assertNull(api.queueItem(moderator, "care", postId), "a decided item leaves the lane");

        List<JsonObject> audit = auditOf(api, moderator, postId);
        assertEquals(1, audit.size(), audit.toString());
        JsonObject entry = audit.get(0);
        assertEquals(moderator.pseudonym(), entry.getString("moderator"));
        assertEquals("approve", entry.getString("action"));
        assertEquals("care", entry.getString("lane"));
        assertEquals("Replied in the thread; they are with family.", entry.getString("reason"));
        assertTrue(entry.getString("target").contains("post " + postId), entry.toString());
        assertFalse(entry.toString().contains("want to die"), "the audit never quotes the post: " + entry);
        JsonObject exported = api.get("api/v1/me/export", moderator).json().getJsonArray("moderatorActions")
                .getJsonObject(0);
        assertEquals("Replied in the thread; they are with family.", exported.getString("reason"),
                "a moderator's export holds their own actions: " + exported);

        Api.Answer again = decide(api, moderator, itemId, "approve", null, decided.json().getJsonNumber("version")
                .longValue());
        assertEquals(409, again.status(), "a decided item is decided once: " + again.body());
        assertTrue(again.body().contains("already decided"), again.body());
    }

    @Test
    void aClaimKeepsOtherModeratorsOffAndAStaleVersionIsRefused() {
        Api api = new Api(base);
        long postId = crisisPost(api, "ClaimedWriter");
        Api.Member first = api.newModerator("FirstOnIt");
        Api.Member second = api.newModerator("SecondToIt");
        JsonObject item = api.queueItem(first, "care", postId);
        long itemId = item.getJsonNumber("id").longValue();
        long seen = item.getJsonNumber("version").longValue();

        Api.Answer claimed = claim(api, first, itemId);
        assertEquals(200, claimed.status(), claimed.body());
        assertEquals(first.pseudonym(), claimed.json().getString("claimedBy"));
        JsonObject listed = api.queueItem(second, "care", postId);
        assertEquals(first.pseudonym(), listed.getString("claimedBy"), "the lane shows who is on it: " + listed);
        assertFalse(Api.isNull(listed, "claimedUntil"), listed.toString());

        Api.Answer taken = claim(api, second, itemId);
        assertEquals(409, taken.status(), taken.body());
        assertTrue(taken.body().contains("Another moderator has claimed this item"), taken.body());
        long current = listed.getJsonNumber("version").longValue();
        Api.Answer overruled = decide(api, second, itemId, "approve", null, current);
        assertEquals(409, overruled.status(), "the claim holds against a decision too: " + overruled.body());

        Api.Answer stale = decide(api, first, itemId, "approve", null, seen);
        assertEquals(409, stale.status(), "the version from before the claim is stale: " + stale.body());
        assertTrue(stale.body().contains("changed since you opened it"), stale.body());

        Api.Answer extended = claim(api, first, itemId);
        assertEquals(200, extended.status(), "the holder may claim again: " + extended.body());
        Api.Answer decided = decide(api, first, itemId, "approve", null,
                extended.json().getJsonNumber("version").longValue());
        assertEquals(200, decided.status(), decided.body());

        List<String> actions = auditOf(api, first, postId).stream().map(e -> e.getString("action")).toList();
        assertEquals(List.of("approve", "claim", "claim"), actions, "refused attempts leave no entry");
    }

    @Test
    void aModeratorHidesAReportedPostWithAReasonReadersSeeAPlaceholderAndTheAuthorKeepsTheirText() {
        Api api = new Api(base);
        Api.Member author = api.newMember("Seller");
        JsonObject thread = api.startThread(author, TOPIC, "Spare", "DM me if you want some of my leftover bars.",
                false);
        long threadId = thread.getJsonNumber("id").longValue();
        long postId = thread.getJsonObject("post").getJsonNumber("id").longValue();
        Api.Member reader = api.newMember("Noticer");
        assertEquals(201, api.json("POST", "api/v1/posts/" + postId + "/reports",
                Api.object("reason", "drug-sourcing", "note", null), reader).status());
        Api.Member moderator = api.newModerator("Hider");
        JsonObject item = api.queueItem(moderator, "review", postId);
        long itemId = item.getJsonNumber("id").longValue();
        long version = item.getJsonNumber("version").longValue();

        Api.Answer noReason = decide(api, moderator, itemId, "hide", "  ", version);
        assertEquals(400, noReason.status(), noReason.body());
        assertTrue(noReason.body().contains("Say why the post is hidden"), noReason.body());
        assertTrue(api.thread(threadId, null).getJsonArray("posts").getJsonObject(0).getString("bodyHtml")
                .contains("leftover bars"), "a refused hide hides nothing");

        // refusals after the post was hidden within the decision roll the hiding back
        Api.Member other = api.newModerator("OtherHider");
        assertEquals(200, claim(api, other, itemId).status());
        Api.Answer claimedByOther = decide(api, moderator, itemId, "hide", "Offering to sell pills.", version + 1);
        assertEquals(409, claimedByOther.status(), claimedByOther.body());
        JsonObject afterClaim = api.queueItem(moderator, "review", postId);
        Api.Answer stale = decide(api, other, itemId, "hide", "Offering to sell pills.", version);
        assertEquals(409, stale.status(), stale.body());
        assertTrue(stale.body().contains("changed since you opened it"), stale.body());
        JsonObject still = api.thread(threadId, null);
        assertTrue(still.getJsonArray("posts").getJsonObject(0).getString("bodyHtml").contains("leftover bars")
                && "Spare".equals(still.getString("title")), "a refused hide hides nothing: " + still);
        assertEquals(List.of("claim"), auditOf(api, moderator, postId).stream().map(e -> e.getString("action"))
                .toList(), "and leaves no decision in the audit log");

        Api.Answer hidden = decide(api, other, itemId, "hide", "Offering to sell pills.",
                afterClaim.getJsonNumber("version").longValue());
        assertEquals(200, hidden.status(), hidden.body());
        JsonObject read = api.thread(threadId, null);
        JsonObject post = read.getJsonArray("posts").getJsonObject(0);
        assertTrue(post.getBoolean("hidden"), post.toString());
        assertEquals("", post.getString("bodyHtml"), "readers no longer get the text: " + post);
        assertEquals("(thread hidden by a moderator)", read.getString("title"), "an opening post takes its title");
        assertFalse(read.toString().contains("Seller") || api.get("api/v1/topics/" + TOPIC + "/threads").body()
                .contains("\"Spare\""), "nor its writer, in the thread or the topic's list: " + read);
        assertTrue(api.thread(threadId, moderator).getJsonArray("posts").getJsonObject(0).getString("bodyHtml")
                .contains("leftover bars"), "moderators still read what was hidden");
        assertTrue(api.thread(threadId, author).getJsonArray("posts").getJsonObject(0).getString("bodyHtml")
                .contains("leftover bars"), "and so does its writer, whom a notice tells why");
        Api.Answer answer = api.json("POST", "api/v1/threads/" + threadId + "/posts", Api.object("body",
                "I'll take some", "anonymous", false), reader);
        assertEquals(409, answer.status(), "a thread whose opening post is hidden takes no replies: " + answer.body());
        String page = api.get("threads/" + threadId, Api.cookie("haven_session", reader.token())).body();
        assertTrue(page.contains("This post was hidden by a moderator.") && !page.contains("leftover bars"), page);
        assertNull(api.queueItem(moderator, "review", postId), "the item is closed");
        assertEquals("hide", auditOf(api, moderator, postId).get(0).getString("action"));
        assertEquals(other.pseudonym(), auditOf(api, moderator, postId).get(0).getString("moderator"));

        Api.Answer edit = api.json("PUT", "api/v1/posts/" + postId, Api.object("body", "changed my mind",
                "version", post.getJsonNumber("version").longValue()), author);
        assertEquals(409, edit.status(), edit.body());
        assertTrue(edit.body().contains("A moderator hid this post"), edit.body());
        Api.Answer again = api.json("POST", "api/v1/posts/" + postId + "/reports",
                Api.object("reason", "spam", "note", null), api.newMember("Late"));
        assertEquals(409, again.status(), "a hidden post has nothing more to report: " + again.body());
        JsonObject exported = api.get("api/v1/me/export", author).json().getJsonArray("posts").getJsonObject(0);
        assertTrue(exported.getString("body").contains("leftover bars") && exported.getBoolean("hiddenByModerator"),
                "the author's export still holds what they wrote: " + exported);
        // a moderator shows it again, saying why; the form is on the thread page, for moderators only
        String restorePath = "api/v1/moderation/posts/" + postId + "/restore";
        assertEquals(403, api.json("POST", restorePath, Api.object("reason", "please"), reader).status());
        Api.Answer noWhy = api.json("POST", restorePath, Api.object("reason", null), moderator);
        assertEquals(400, noWhy.status(), noWhy.body());
        assertTrue(noWhy.body().contains("Say why the post is shown again"), noWhy.body());
        Map<String, String> modSession = Api.cookie("haven_session", moderator.token());
        assertTrue(api.get("threads/" + threadId, modSession).body()
                .contains("href=\"/moderation/posts/" + postId + "/restore\""), "moderators find the way back");
        Api.Answer form = api.get("moderation/posts/" + postId + "/restore", modSession);
        assertEquals(200, form.status(), form.body());
        assertTrue(form.body().contains("leftover bars"), "the form quotes the hidden post: " + form.body());
        Api.Answer restored = api.json("POST", restorePath, Api.object("reason", "Appeal: it was a joke between "
                + "friends, and they took it down themselves."), moderator);
        assertEquals(204, restored.status(), restored.body());
        JsonObject back = api.thread(threadId, null);
        assertTrue(back.getJsonArray("posts").getJsonObject(0).getString("bodyHtml").contains("leftover bars")
                && "Spare".equals(back.getString("title")), "shown again, title and all: " + back);
        assertEquals("restore", auditOf(api, moderator, postId).get(0).getString("action"));
        assertEquals(409, api.json("POST", restorePath, Api.object("reason", "again"), moderator).status(),
                "a post that is not hidden cannot be shown again");
        assertEquals(409, api.get("moderation/posts/" + postId + "/restore", modSession).status());

        assertEquals(204, api.send("DELETE", "api/v1/posts/" + postId, null, null, author.bearer()).status(),
                "the author may delete it");
    }

    @Test
    void badInputGetsClearAnswersAndMembersCannotAct() {
        Api api = new Api(base);
        long postId = crisisPost(api, "GuardedWriter");
        Api.Member moderator = api.newModerator("CarefulModerator");
        JsonObject item = api.queueItem(moderator, "care", postId);
        long itemId = item.getJsonNumber("id").longValue();
        long version = item.getJsonNumber("version").longValue();

        Api.Answer unknownAction = decide(api, moderator, itemId, "delete-everything", null, version);
        assertEquals(400, unknownAction.status(), unknownAction.body());
        assertTrue(unknownAction.body().contains("Choose an action: approve, hide"), unknownAction.body());
        Api.Answer noVersion = decide(api, moderator, itemId, "approve", null, null);
        assertEquals(400, noVersion.status(), noVersion.body());
        Api.Answer longReason = decide(api, moderator, itemId, "approve", "x".repeat(501), version);
        assertEquals(400, longReason.status(), longReason.body());
        assertTrue(longReason.body().contains("at most 500 characters"), longReason.body());
        Api.Answer careHide = decide(api, moderator, itemId, "hide", "method details", version);
        assertEquals(409, careHide.status(), careHide.body());
        assertTrue(careHide.body().contains("stays in its thread"), careHide.body());
        assertEquals(404, decide(api, moderator, 999_999_999L, "approve", null, 0L).status());
        assertEquals(404, claim(api, moderator, 999_999_999L).status());

        Api.Answer fraction = api.json("POST", "api/v1/moderation/items/" + itemId + "/decisions",
                "{\"action\":\"approve\",\"version\":" + version + ".5}", moderator);
        assertEquals(400, fraction.status(), "a version is a whole number, not rounded: " + fraction.body());
        Api.Answer plain = api.send("POST", "api/v1/moderation/posts/" + postId + "/restore", "text/plain",
                "any text at all", moderator.bearer());
        assertEquals(415, plain.status(), "only JSON is read: " + plain.body());
        assertEquals(401, api.json("POST", "api/v1/moderation/items/" + itemId + "/decisions", "{}", (String) null)
                .status(), "who asks comes before what they sent");

        Api.Member member = api.newMember("JustAMember");
        assertEquals(403, api.json("POST", "api/v1/moderation/items/" + itemId + "/decisions", "{}", member)
                .status());
        assertEquals(403, claim(api, member, itemId).status());
        assertEquals(403, decide(api, member, itemId, "approve", null, version).status());
        assertEquals(403, api.get("api/v1/moderation/audit", member).status());
        assertEquals(401, api.json("POST", "api/v1/moderation/items/" + itemId + "/claim", "{}", (String) null)
                .status());
        assertNotNull(api.queueItem(moderator, "care", postId), "nothing refused touched the item");
        assertTrue(auditOf(api, moderator, postId).isEmpty(), "and nothing refused reached the audit log");
    }

    @Test
    void theLanePageClaimsAndClosesAnItemWithoutJavaScript() {
        Api api = new Api(base);
        long postId = crisisPost(api, "PageWriter");
        Api.Member moderator = api.newModerator("PageCloser");
        Map<String, String> session = Api.cookie("haven_session", moderator.token());
        long itemId = api.queueItem(moderator, "care", postId).getJsonNumber("id").longValue();

        Api.Answer lane = api.get("moderation", session);
        String csrf = lane.cookieValue("haven_csrf");
        Map<String, String> cookies = Api.headers(Map.of("Cookie", "haven_session=" + moderator.token()
                + "; haven_csrf=" + csrf));
        Api.Answer claimed = api.form("moderation/items/" + itemId + "/claim", Map.of("csrf", csrf, "lane", "care"),
                cookies);
        assertEquals(303, claimed.status(), claimed.body());
        assertTrue(claimed.header("Location").endsWith("/moderation?done=claimed"), claimed.header("Location"));
        JsonObject item = api.queueItem(moderator, "care", postId);
        assertEquals(moderator.pseudonym(), item.getString("claimedBy"));

        Api.Answer stale = api.form("moderation/items/" + itemId + "/decisions", Map.of("csrf", csrf, "lane", "care",
                "action", "approve", "version", "0"), cookies);
        assertEquals(409, stale.status(), "the form re-shows the lane with the refusal: " + stale.body());
        assertTrue(stale.body().contains("changed since you opened it"), stale.body());
        assertTrue(stale.body().contains("<h1>Care lane</h1>"), stale.body());

        Api.Answer closed = api.form("moderation/items/" + itemId + "/decisions", Map.of("csrf", csrf, "lane", "care",
                "action", "approve", "version", Long.toString(item.getJsonNumber("version").longValue()),
                "reason", "Checked in with them."), cookies);
        assertEquals(303, closed.status(), closed.body());
        assertNull(api.queueItem(moderator, "care", postId));

        Api.Answer audit = api.get("moderation/audit", session);
        assertEquals(200, audit.status(), audit.body());
        assertTrue(audit.body().contains("Checked in with them.") && audit.body().contains(moderator.pseudonym()),
                audit.body());
        assertEquals(403, api.get("moderation/audit", Api.cookie("haven_session", api.newMember("Curious").token()))
                .status());
    }

    @Test
    void aModeratorWhoLeavesEndsTheirClaimsAndTheirEntriesStayAsADeletedMember() {
        Api api = new Api(base);
        long postId = crisisPost(api, "LeftWriter");
        Api.Member leaving = api.newModerator("LeavingModerator");
        long itemId = api.queueItem(leaving, "care", postId).getJsonNumber("id").longValue();
        assertEquals(200, claim(api, leaving, itemId).status());

        Api.Answer deleted = api.json("DELETE", "api/v1/me", Api.object("passphrase", Api.PASSPHRASE, "posts", "keep"),
                leaving);
        assertEquals(204, deleted.status(), deleted.body());

        Api.Member stays = api.newModerator("StayingModerator");
        JsonObject item = api.queueItem(stays, "care", postId);
        assertTrue(Api.isNull(item, "claimedBy"), "the claim ended with the account: " + item);
        JsonObject entry = auditOf(api, stays, postId).get(0);
        assertEquals("claim", entry.getString("action"));
        assertEquals("[deleted member]", entry.getString("moderator"), entry.toString());
        assertEquals(200, claim(api, stays, itemId).status(), "the item is anyone's again");
    }

    /**
     * A report arrives while a moderator's claim is committing. The report must wait for the item and join it as the
     * claim left it: read from before, its update would fail the item's version check and the worry would be lost.
     */
    @Test
    void aReportThatArrivesWhileAClaimCommitsJoinsTheItem() throws Exception {
        Api api = new Api(base);
        Api.Member writer = api.newMember("RaceWriter");
        long postId = api.startThread(writer, TOPIC, "Things", "Sorting out my things this week.", false)
                .getJsonObject("post").getJsonNumber("id").longValue();
        Api.Member first = api.newMember("FirstRacer");
        assertEquals(201, api.json("POST", "api/v1/posts/" + postId + "/reports",
                Api.object("reason", "at-risk", "note", null), first).status());
        Api.Member moderator = api.newModerator("RaceModerator");
        long itemId = api.queueItem(moderator, "care", postId).getJsonNumber("id").longValue();

        Api.Member second = api.newMember("SecondRacer");
        try (java.sql.Connection db = org.haven.testing.Database.connect()) {
            db.setAutoCommit(false);
            try (java.sql.PreparedStatement lock = db.prepareStatement(
                    "SELECT id FROM moderation_item WHERE id = ? FOR UPDATE")) {
                lock.setLong(1, itemId);
                lock.executeQuery().close();
            }
            java.util.concurrent.CompletableFuture<Api.Answer> report = java.util.concurrent.CompletableFuture
                    .supplyAsync(() -> api.json("POST", "api/v1/posts/" + postId + "/reports",
                            Api.object("reason", "at-risk", "note", "second worry"), second));
            org.haven.testing.RowLocks.awaitWaitingOr(report, 1, "moderation_item");
            try (java.sql.PreparedStatement claim = db.prepareStatement(
                    "UPDATE moderation_item SET version = version + 1 WHERE id = ?")) {
                claim.setLong(1, itemId); // what a claim commits: the item at its next version
                assertEquals(1, claim.executeUpdate());
            }
            db.commit();

            Api.Answer answer = org.haven.testing.RowLocks.join(report);
            assertEquals(201, answer.status(), "the worry is kept: " + answer.body());
        }
        JsonObject item = api.queueItem(moderator, "care", postId);
        assertEquals(2, item.getInt("reportCount"), item.toString());
    }

    @Test
    void lockingAThreadAndOpeningItAgainAreInTheAuditLog() {
        Api api = new Api(base);
        Api.Member writer = api.newMember("HeatedWriter");
        long threadId = api.startThread(writer, TOPIC, "Heated", "This got heated.", false).getJsonNumber("id")
                .longValue();
        Api.Member moderator = api.newModerator("Locker");
        Api.Answer locked = api.json("PUT", "api/v1/threads/" + threadId + "/locked",
                Api.object("locked", true, "reason", "Cooling off overnight."), moderator);
        assertEquals(204, locked.status(), locked.body());
        assertEquals(204, api.json("PUT", "api/v1/threads/" + threadId + "/locked", Api.object("locked", true),
                moderator).status(), "locking a locked thread is no change, and no entry");
        assertEquals(204, api.json("PUT", "api/v1/threads/" + threadId + "/locked", Api.object("locked", false),
                moderator).status());
        Api.Answer unclear = api.json("PUT", "api/v1/threads/" + threadId + "/locked", "{\"locked\":\"yes\"}",
                moderator);
        assertEquals(400, unclear.status(), "only true or false: " + unclear.body());
        Api.Answer tooLong = api.json("PUT", "api/v1/threads/" + threadId + "/locked",
                Api.object("locked", true, "reason", "x".repeat(501)), moderator);
        assertEquals(400, tooLong.status(), tooLong.body());

        List<JsonObject> entries = api.get("api/v1/moderation/audit", moderator).jsonStructure().asJsonArray()
                .getValuesAs(JsonObject.class).stream().filter(e -> !Api.isNull(e, "threadId")
                        && e.getJsonNumber("threadId").longValue() == threadId).toList();
        assertEquals(List.of("unlock", "lock"), entries.stream().map(e -> e.getString("action")).toList(),
                "newest first, and the refused change is not there: " + entries);
        assertEquals("Cooling off overnight.", entries.get(1).getString("reason"));
        assertEquals("thread " + threadId, entries.get(1).getString("target"));
        assertEquals(moderator.pseudonym(), entries.get(1).getString("moderator"));
        JsonObject exported = api.get("api/v1/me/export", moderator).json().getJsonArray("moderatorActions")
                .getJsonObject(0);
        assertEquals(threadId, exported.getJsonNumber("threadId").longValue(), exported.toString());
        assertFalse(exported.containsKey("itemId"), "a thread's lock belongs to no item: " + exported);
    }

    @Test
    void theDashboardCountsWhatWaitsAndHowLongItWaitedForAFirstAction() {
        Api api = new Api(base);
        Api.Member moderator = api.newModerator("Counter");
        JsonObject before = api.get("api/v1/moderation/dashboard", moderator).json();
        long postId = crisisPost(api, "CountedWriter");
        JsonObject waiting = api.get("api/v1/moderation/dashboard", moderator).json();
        JsonObject care = waiting.getJsonArray("lanes").getJsonObject(0);
        assertEquals("care", care.getString("lane"));
        assertEquals(careOf(before).getJsonNumber("pending").longValue() + 1, care.getJsonNumber("pending").longValue(),
                waiting.toString());
        assertTrue(care.getJsonNumber("oldestWaitingSeconds").longValue() >= 0, waiting.toString());
        JsonObject first = waiting.getJsonObject("firstAction");
        assertEquals(30, first.getInt("days"));
        assertEquals(before.getJsonObject("firstAction").getJsonNumber("waitingUntouched").longValue() + 1,
                first.getJsonNumber("waitingUntouched").longValue(), "the new item waits untouched: " + waiting);

        long itemId = api.queueItem(moderator, "care", postId).getJsonNumber("id").longValue();
        assertEquals(200, claim(api, moderator, itemId).status());
        JsonObject acted = api.get("api/v1/moderation/dashboard", moderator).json().getJsonObject("firstAction");
        assertEquals(first.getInt("items") + 1, acted.getInt("items"), "a claim is a first action: " + acted);
        assertEquals(first.getJsonNumber("waitingUntouched").longValue() - 1,
                acted.getJsonNumber("waitingUntouched").longValue(), acted.toString());
        assertFalse(Api.isNull(acted, "medianSeconds"), acted.toString());

        String page = api.get("moderation", Api.cookie("haven_session", moderator.token())).body();
        assertTrue(page.contains("Care lane: ") && page.contains("a moderator first acted after"), page);
        assertEquals(403, api.get("api/v1/moderation/dashboard", api.newMember("Nosy")).status());
    }

    private static JsonObject careOf(JsonObject dashboard) {
        return dashboard.getJsonArray("lanes").getJsonObject(0);
    }

    @Test
    void aModeratorTakesIdentifyingDetailsOutOfACrisisPostWhichStaysUpAndInTheCareLane() throws Exception {
        Api api = new Api(base);
        Api.Member writer = api.newMember("DetailWriter");
        JsonObject thread = api.startThread(writer, TOPIC, "Tonight at Elm Street", "Can't sleep.", false);
        long threadId = thread.getJsonNumber("id").longValue();
        long openingId = thread.getJsonObject("post").getJsonNumber("id").longValue();
        JsonObject reply = api.reply(writer, threadId, "i'm at 14 Elm Street and i took all 60 of my oxys", false);
        long postId = reply.getJsonObject("post").getJsonNumber("id").longValue();
        long version = reply.getJsonObject("post").getJsonNumber("version").longValue();
        Api.Member moderator = api.newModerator("Redactor");
        assertEquals(201, api.json("POST", "api/v1/posts/" + postId + "/reports", Api.object("reason",
                "identifying-details", "note", "they gave their address, 14 Elm Street"), api.newMember("Spotter"))
                .status());
        JsonObject before = api.queueItem(moderator, "care", postId);
        assertTrue(before.getJsonArray("matches").toString().contains("60"),
                "the care item quotes what the detector read: " + before);
        String path = "api/v1/moderation/posts/" + postId;
        String edited = "i took all my pills (details taken out by a moderator)";

        assertEquals(403, api.json("PUT", path, Api.object("body", edited, "title", null, "reason", "x",
                "version", version), writer).status());
        Api.Answer noReason = api.json("PUT", path, Api.object("body", edited, "title", null, "reason", " ",
                "version", version), moderator);
        assertEquals(400, noReason.status(), noReason.body());
        assertTrue(noReason.body().contains("Say what was taken out"), noReason.body());
        assertEquals(409, api.json("PUT", path, Api.object("body", edited, "title", null, "reason", "an address",
                "version", version + 5), moderator).status(), "a stale version is refused");
        assertEquals(400, api.json("PUT", path, Api.object("body", edited, "title", "New title", "reason",
                "an address", "version", version), moderator).status(), "a reply has no title to change");

        Api.Answer done = api.json("PUT", path, Api.object("body", edited, "title", null, "reason",
                "an address and an amount", "version", version), moderator);
        assertEquals(200, done.status(), done.body());
        assertEquals(200, api.json("PUT", "api/v1/moderation/posts/" + openingId, Api.object("body", "Can't sleep.",
                "title", "Tonight", "reason", "a street name", "version", thread.getJsonObject("post")
                        .getJsonNumber("version").longValue()), moderator).status());

        JsonObject read = api.thread(threadId, null);
        assertFalse(read.toString().contains("Elm Street") || read.toString().contains("60 of my"),
                "what was taken out is gone from the thread, its title included: " + read);
        assertEquals("Tonight", read.getString("title"));
        JsonObject shown = read.getJsonArray("posts").getJsonObject(1);
        assertTrue(shown.getString("bodyHtml").contains("details taken out by a moderator"), shown.toString());
        assertEquals("an address and an amount", shown.getString("moderatorNote"));
        assertTrue(api.get("threads/" + threadId).body().contains("Edited by a moderator: an address and an amount"));
        try (java.sql.Connection db = org.haven.testing.Database.connect();
             java.sql.PreparedStatement q = db.prepareStatement("SELECT count(*) FROM post WHERE body_markdown LIKE ? "
                     + "OR body_html LIKE ?")) {
            q.setString(1, "%Elm Street%");
            q.setString(2, "%Elm Street%");
            try (java.sql.ResultSet r = q.executeQuery()) {
                r.next();
                assertEquals(0, r.getInt(1), "the words taken out are kept nowhere in the posts");
            }
        }
        JsonObject care = api.queueItem(moderator, "care", postId);
        assertNotNull(care, "the person still waits for care");
        assertEquals(before.getInt("priority"), care.getInt("priority"), "at the same place");
        assertTrue(care.getJsonArray("matches").isEmpty() && !care.toString().contains("60 of my"),
                "the phrases the detector quoted go with the edit, the rules stay: " + care);
        assertFalse(care.getJsonArray("reasons").isEmpty(), care.toString());
        JsonObject review = api.queueItem(moderator, "review", postId);
        assertFalse(review.toString().contains("Elm Street"), "members' notes on it go too: " + review);
        try (java.sql.Connection db = org.haven.testing.Database.connect();
             java.sql.PreparedStatement q = db.prepareStatement("SELECT (SELECT count(*) FROM discussion_thread "
                     + "WHERE title LIKE ?) + (SELECT count(*) FROM moderation_item WHERE spans LIKE ?) "
                     + "+ (SELECT count(*) FROM post_report WHERE note LIKE ?)")) {
            q.setString(1, "%Elm Street%");
            q.setString(2, "%60 of my%");
            q.setString(3, "%Elm Street%");
            try (java.sql.ResultSet r = q.executeQuery()) {
                r.next();
                assertEquals(0, r.getInt(1), "nor in the thread's title, the care items or the reports");
            }
        }
        assertEquals("redact", auditOf(api, moderator, postId).get(0).getString("action"));

        Api.Answer authorEdit = api.json("PUT", "api/v1/posts/" + postId, Api.object("body", "i'm at 14 Elm Street",
                "version", done.json().getJsonNumber("version").longValue()), writer);
        assertEquals(409, authorEdit.status(), authorEdit.body());
        assertTrue(authorEdit.body().contains("A moderator edited this post"), authorEdit.body());

        Map<String, String> modSession = Api.cookie("haven_session", moderator.token());
        assertTrue(api.get("threads/" + threadId, modSession).body()
                .contains("href=\"/moderation/posts/" + postId + "/edit\""), "moderators find the form under the post");
        Api.Answer form = api.get("moderation/posts/" + postId + "/edit", modSession);
        assertEquals(200, form.status(), form.body());
        assertEquals(403, api.get("moderation/posts/" + postId + "/edit", Api.cookie("haven_session",
                writer.token())).status());
        String writerPage = api.get("threads/" + threadId, Api.cookie("haven_session", writer.token())).body();
        assertFalse(writerPage.contains("href=\"/posts/" + postId + "/edit\""), "the author is offered no edit");
        String csrf = form.cookieValue("haven_csrf");
        Api.Answer refused = api.form("moderation/posts/" + postId + "/edit", Map.of("csrf", csrf, "body", edited,
                "version", form.hiddenField("version")), Api.headers(Map.of("Cookie", "haven_session="
                + moderator.token() + "; haven_csrf=" + csrf)));
        assertEquals(400, refused.status(), "without a reason the form comes back: " + refused.body());
        assertTrue(refused.body().contains("Say what was taken out") && refused.body().contains(edited),
                refused.body());
        // a form opened before another moderator's edit: saved, it would put back what that edit took out
        Api.Answer stale = api.form("moderation/posts/" + postId + "/edit", Map.of("csrf", csrf, "body",
                "i'm at 14 Elm Street and i took all 60 of my oxys", "reason", "typo", "version",
                Long.toString(version)), Api.headers(Map.of("Cookie", "haven_session=" + moderator.token()
                + "; haven_csrf=" + csrf)));
        assertEquals(409, stale.status(), stale.body());
        assertTrue(stale.body().contains(edited) && !stale.body().contains("14 Elm Street"),
                "the form starts again from the post as it now stands: " + stale.body());
    }

    @Test
    void theCareLaneSaysWhenThePostOfSomeoneAtRiskWasHiddenFromTheReviewLane() {
        Api api = new Api(base);
        Api.Member writer = api.newMember("MixedWriter");
        long postId = api.startThread(writer, TOPIC, "Tonight", "i took all my pills and i'm scared. "
                + "anyone want my leftover bars, dm me", false).getJsonObject("post").getJsonNumber("id").longValue();
        assertEquals(201, api.json("POST", "api/v1/posts/" + postId + "/reports", Api.object("reason",
                "drug-sourcing", "note", null), api.newMember("Seeing")).status());
        Api.Member moderator = api.newModerator("TwoLanes");
        assertFalse(api.queueItem(moderator, "care", postId).getBoolean("postHidden"));
        JsonObject review = api.queueItem(moderator, "review", postId);
        assertEquals(200, decide(api, moderator, review.getJsonNumber("id").longValue(), "hide", "Selling",
                review.getJsonNumber("version").longValue()).status());
        JsonObject care = api.queueItem(moderator, "care", postId);
        assertTrue(care.getBoolean("postHidden"), "the care lane knows the post was hidden: " + care);
        assertTrue(api.get("moderation", Api.cookie("haven_session", moderator.token())).body()
                .contains("A moderator hid this post from its thread"));
    }
}
