package org.haven.crisis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.haven.testing.Api;
import org.haven.testing.HavenDeployment;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Crisis help through the API: writers, readers, moderators, the hotline directory and the lexicon. */
@ExtendWith(ArquillianExtension.class)
class CrisisApiIT {

    private static final String ADMIN = "ItAdministrator";
    private static final String ADMIN_PASSPHRASE = "integration tests only, never deployed";
    private static final Path LEXICON_FILE = Path.of("target/liberty/wlp/usr/servers",
            System.getProperty("it.server.name", "arquillianServer"), "it-lexicon.json");

    @Deployment(testable = false)
    static WebArchive deployment() {
        return HavenDeployment.war();
    }

    @ArquillianResource
    URL base;

    private Api api;

    @BeforeEach
    void client() {
        api = new Api(base);
    }

    private String adminToken() {
        return api.signIn(ADMIN, ADMIN_PASSPHRASE).getString("token");
    }

    private JsonObject startThread(String token, String topic, String title, String body) {
        Api.Answer answer = api.json("POST", "api/v1/topics/" + topic + "/threads",
                "{\"title\":" + Api.str(title) + ",\"body\":" + Api.str(body) + ",\"anonymous\":true}", token);
        assertEquals(201, answer.status(), answer.body());
        return answer.json();
    }

    private JsonArray careQueue(String token) {
        Api.Answer queue = api.get("api/v1/moderation/queue?lane=care", Api.bearer(token));
        assertEquals(200, queue.status(), queue.body());
        return queue.json().getJsonArray("items");
    }

    private static JsonObject itemFor(JsonArray items, long postId) {
        return items.stream().map(JsonObject.class::cast)
                .filter(i -> i.getJsonNumber("postId").longValue() == postId).findFirst().orElse(null);
    }

    private static List<String> names(JsonArray resources) {
        return resources.stream().map(JsonObject.class::cast).map(r -> r.getString("name")).toList();
    }

    @Test
    void aCrisisPostIsPublishedWithHelpForTheWritersCountryABannerForReadersAndACareItemForModerators() {
        String writer = api.newMemberToken("Writer");
        assertEquals(200, api.json("PUT", "api/v1/me/country", "{\"country\":\"GB\"}", writer).status());

        JsonObject created = startThread(writer, "relapse-and-starting-again", "tonight",
                "i took all my pills and i'm scared");

        JsonObject crisis = created.getJsonObject("crisis");
        assertEquals("IMMINENT", crisis.getString("level"));
        assertEquals("GB", crisis.getString("country"));
        JsonArray resources = crisis.getJsonArray("resources");
        assertEquals("emergency", resources.getJsonObject(0).getString("kind"), "the emergency number comes first");
        assertEquals("999", resources.getJsonObject(0).getString("call"));
        assertTrue(names(resources).contains("Samaritans"), names(resources).toString());

        long threadId = created.getJsonNumber("id").longValue();
        long postId = created.getJsonObject("post").getJsonNumber("id").longValue();
        String reader = api.newMemberToken("Reader");
        JsonObject thread = api.get("api/v1/threads/" + threadId, Api.bearer(reader)).json();
        assertTrue(thread.getJsonArray("posts").getJsonObject(0).getString("bodyHtml").contains("pills"),
                "the post is published and visible to other members");
        JsonObject banner = thread.getJsonObject("crisisBanner");
        assertNotNull(banner, "readers see the resource banner");
        assertFalse(banner.getJsonArray("resources").isEmpty());

        JsonObject item = itemFor(careQueue(adminToken()), postId);
        assertNotNull(item, "a care item is listed for moderators");
        assertEquals("care", item.getString("lane"));
        assertEquals("IMMINENT", item.getString("level"));
        assertEquals(threadId, item.getJsonNumber("threadId").longValue());
        assertFalse(item.getJsonArray("reasons").isEmpty());
        assertTrue(item.getJsonArray("matches").stream().map(JsonObject.class::cast)
                .anyMatch(m -> m.getString("text").toLowerCase().contains("pills")), item.toString());
        assertTrue(item.getString("excerpt").contains("pills"));
    }

    @Test
    void aPostWithoutCrisisLanguageCarriesNoHelpNoBannerAndNoCareItem() {
        String writer = api.newMemberToken("Calm");
        JsonObject created = startThread(writer, "cravings-and-triggers", "Evenings",
                "This craving is killing me after dinner. Relapse feels close, I used to drink every night. What helps?");

        assertTrue(Api.isNull(created, "crisis"), created.toString());
        long threadId = created.getJsonNumber("id").longValue();
        assertTrue(Api.isNull(api.get("api/v1/threads/" + threadId).json(), "crisisBanner"));
        assertEquals(null, itemFor(careQueue(adminToken()), created.getJsonObject("post").getJsonNumber("id").longValue()));
    }

    @Test
    void anEditIntoCrisisLanguageIsCheckedLikeANewPost() {
        String writer = api.newMemberToken("Editor");
        JsonObject created = startThread(writer, "relapse-and-starting-again", "Update", "Quiet evening, nothing new.");
        assertTrue(Api.isNull(created, "crisis"), created.toString());
        JsonObject post = created.getJsonObject("post");
        long threadId = created.getJsonNumber("id").longValue();
        long postId = post.getJsonNumber("id").longValue();

        Api.Answer edited = api.json("PUT", "api/v1/posts/" + postId, Json.createObjectBuilder()
                .add("body", "Quiet evening. i took all my pills an hour ago and i'm scared")
                .add("version", post.getJsonNumber("version").longValue()).build().toString(), writer);

        assertEquals(200, edited.status(), edited.body());
        assertTrue(edited.json().getJsonObject("post").getString("bodyHtml").contains("pills"), "the edit is published");
        JsonObject help = edited.json().getJsonObject("crisis");
        assertEquals("IMMINENT", help.getString("level"), edited.body());
        assertEquals("emergency", help.getJsonArray("resources").getJsonObject(0).getString("kind"));
        assertNotNull(api.get("api/v1/threads/" + threadId).json().getJsonObject("crisisBanner"), "readers see the banner");
        JsonObject item = itemFor(careQueue(adminToken()), postId);
        assertNotNull(item, "the edited post reaches the care lane");
        assertEquals("IMMINENT", item.getString("level"));
    }

    /** The title was checked with the first body; an edited opening post is checked with its title again. */
    @Test
    void anEditedOpeningPostIsCheckedTogetherWithItsThreadsTitle() {
        String writer = api.newMemberToken("Farewell");
        JsonObject created = startThread(writer, "relapse-and-starting-again", "Goodbye everyone",
                "Quiet evening, nothing new.");
        assertTrue(Api.isNull(created, "crisis"), created.toString());
        JsonObject post = created.getJsonObject("post");
        long postId = post.getJsonNumber("id").longValue();

        // neither the title nor this body alone is a crisis; together they are a farewell
        Api.Answer edited = api.json("PUT", "api/v1/posts/" + postId, Json.createObjectBuilder()
                .add("body", "Thank you all for everything.")
                .add("version", post.getJsonNumber("version").longValue()).build().toString(), writer);

        assertEquals(200, edited.status(), edited.body());
        assertFalse(Api.isNull(edited.json(), "crisis"), "the writer gets help: " + edited.body());
        assertNotNull(itemFor(careQueue(adminToken()), postId), "the edited opening post reaches the care lane");
    }

    @Test
    void aReplyAtIdeationGetsCrisisLinesFirstAndTheCareQueueListsMostSevereThenOldest() {
        String writer = api.newMemberToken("Replier");
        JsonObject thread = startThread(writer, "mental-health-alongside-recovery", "Hard week",
                "Work has been a lot and I'm tired.");
        long threadId = thread.getJsonNumber("id").longValue();

        Api.Answer ideation = api.json("POST", "api/v1/threads/" + threadId + "/posts",
                "{\"body\":\"honestly I want to die, everyone would be better off without me\"}", writer);
        assertEquals(201, ideation.status(), ideation.body());
        JsonObject help = ideation.json().getJsonObject("crisis");
        assertEquals("IDEATION", help.getString("level"));
        assertFalse(help.getJsonArray("resources").getJsonObject(0).getString("kind").equals("emergency"),
                "for ideation the crisis lines come first");

        Api.Answer imminent = api.json("POST", "api/v1/threads/" + threadId + "/posts",
                "{\"body\":\"i just swallowed the whole bottle of pills, goodbye\"}", writer);
        assertEquals(201, imminent.status(), imminent.body());

        List<Long> order = careQueue(adminToken()).stream().map(JsonObject.class::cast)
                .map(i -> i.getJsonNumber("postId").longValue()).toList();
        long ideationPost = ideation.json().getJsonNumber("id").longValue();
        long imminentPost = imminent.json().getJsonNumber("id").longValue();
        assertTrue(order.contains(ideationPost) && order.contains(imminentPost), order.toString());
        assertTrue(order.indexOf(imminentPost) < order.indexOf(ideationPost), "the imminent item, though newer, comes first");
    }

    @Test
    void onlyModeratorsSeeTheCareQueue() {
        String member = api.newMemberToken("Member");

        assertEquals(403, api.get("api/v1/moderation/queue?lane=care", Api.bearer(member)).status());
        assertEquals(401, api.get("api/v1/moderation/queue?lane=care").status());
        Api.Answer badLane = api.get("api/v1/moderation/queue?lane=other", Api.bearer(adminToken()));
        assertEquals(400, badLane.status());
        assertEquals("lane", badLane.json().getJsonArray("errors").getJsonObject(0).getString("field"));
    }

    @Test
    void theCheckAnswersTheLevelAndHelpWithoutStoringAnythingAndIgnoresRecoveryTalk() {
        Api.Answer imminent = api.json("POST", "api/v1/crisis/check", "{\"text\":\"i took all my pills and i'm scared\"}", (String) null);
        assertEquals(200, imminent.status());
        assertEquals("IMMINENT", imminent.json().getString("level"));
        assertFalse(imminent.json().getJsonArray("rules").isEmpty());
        assertFalse(imminent.json().getJsonArray("resources").isEmpty());

        Api.Answer calm = api.json("POST", "api/v1/crisis/check", "{\"text\":\"this craving is killing me\"}", (String) null);
        assertEquals("NONE", calm.json().getString("level"));
        assertTrue(calm.json().getJsonArray("resources").isEmpty());

        Api.Answer tooLong = api.json("POST", "api/v1/crisis/check", "{\"text\":" + Api.str("a".repeat(20_001)) + "}", (String) null);
        assertEquals(400, tooLong.status());
        assertEquals("text", tooLong.json().getJsonArray("errors").getJsonObject(0).getString("field"));
    }

    @Test
    void aCountryWithoutLinesGetsTheInternationalDirectories() {
        Api.Answer lines = api.get("api/v1/crisis/hotlines?country=FR");

        assertEquals(200, lines.status());
        assertTrue(names(lines.jsonStructure().asJsonArray()).stream().anyMatch(n -> n.contains("Find A Helpline")));
    }

    @Test
    void anUnverifiedEntryStaysHiddenUntilAnAdministratorConfirmsIt() {
        String admin = adminToken();
        String name = Api.newPseudonym("Test line ");
        Api.Answer added = api.json("POST", "api/v1/admin/hotlines",
                "{\"country\":\"NZ\",\"name\":" + Api.str(name) + ",\"kind\":\"suicide_crisis\",\"call\":\"0800 000 000\",\"verified\":false}",
                admin);
        assertEquals(201, added.status(), added.body());
        long id = added.json().getJsonNumber("id").longValue();
        try {
            assertFalse(names(api.get("api/v1/crisis/hotlines?country=NZ").jsonStructure().asJsonArray()).contains(name));

            Api.Answer confirmed = api.json("POST", "api/v1/admin/hotlines/" + id + "/confirm", null, admin);
            assertEquals(200, confirmed.status(), confirmed.body());
            assertFalse(Api.isNull(confirmed.json(), "lastVerified"));
            assertTrue(names(api.get("api/v1/crisis/hotlines?country=NZ").jsonStructure().asJsonArray()).contains(name));
        } finally {
            assertEquals(204, api.json("DELETE", "api/v1/admin/hotlines/" + id, null, admin).status());
        }
    }

    @Test
    void membersCannotEditTheDirectory() {
        String member = api.newMemberToken("Member");

        assertEquals(403, api.get("api/v1/admin/hotlines", Api.bearer(member)).status());
        assertEquals(403, api.json("POST", "api/v1/admin/crisis/lexicon/reload", null, member).status());
    }

    @Test
    void aMalformedLexiconIsRefusedWithAClearMessageAndThePreviousOneStaysInForce() throws IOException {
        String admin = adminToken();
        try {
            Files.writeString(LEXICON_FILE, "{\"version\": \"broken\", \"triggers\": [");
            Api.Answer refused = api.json("POST", "api/v1/admin/crisis/lexicon/reload", null, admin);
            assertEquals(400, refused.status(), refused.body());
            assertTrue(refused.json().getString("detail").contains("previous lexicon stays in force"), refused.body());
            assertEquals("IMMINENT", api.json("POST", "api/v1/crisis/check",
                    "{\"text\":\"i took all my pills and i'm scared\"}", (String) null).json().getString("level"));

            Files.copy(Path.of("src/main/resources/crisis/lexicon.json"), LEXICON_FILE,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            Api.Answer reloaded = api.json("POST", "api/v1/admin/crisis/lexicon/reload", null, admin);
            assertEquals(200, reloaded.status(), reloaded.body());
            assertFalse(reloaded.json().getString("version").isBlank());
            assertFalse(reloaded.json().containsKey("warning"), reloaded.body());
        } finally {
            Files.deleteIfExists(LEXICON_FILE);
            api.json("POST", "api/v1/admin/crisis/lexicon/reload", null, admin);
        }
    }

    @Test
    void aSlangEditIsAcceptedWithAWarningThatTheWordModelNeedsRetraining() throws IOException {
        String admin = adminToken();
        try {
            String shipped = Files.readString(Path.of("src/main/resources/crisis/lexicon.json"));
            Files.writeString(LEXICON_FILE, LexiconEdits.withSlangAdded(shipped));

            Api.Answer reloaded = api.json("POST", "api/v1/admin/crisis/lexicon/reload", null, admin);

            assertEquals(200, reloaded.status(), reloaded.body());
            assertTrue(reloaded.json().getString("warning").startsWith("Retrain crisis word model"), reloaded.body());
            // the model still weighs in: a post the rules alone leave at NONE still gets help
            Api.Answer checked = api.json("POST", "api/v1/crisis/check",
                    "{\"text\":\"i have the whole bottle here and nobody is home tonight\"}", (String) null);
            assertEquals("IMMINENT", checked.json().getString("level"), checked.body());
            assertTrue(checked.body().contains("model-imminent"), checked.body());
        } finally {
            Files.deleteIfExists(LEXICON_FILE);
            api.json("POST", "api/v1/admin/crisis/lexicon/reload", null, admin);
        }
    }
}
