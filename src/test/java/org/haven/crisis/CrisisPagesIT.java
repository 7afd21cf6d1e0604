package org.haven.crisis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URL;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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

/** The crisis lines page for everyone and the hotline directory page for administrators. */
@ExtendWith(ArquillianExtension.class)
class CrisisPagesIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return HavenDeployment.war();
    }

    @ArquillianResource
    URL base;

    /** The lexicon file the test server is configured to read (see the server's configuration for tests). */
    private static final Path LEXICON_FILE = Path.of("target/liberty/wlp/usr/servers",
            System.getProperty("it.server.name", "arquillianServer"), "it-lexicon.json");

    private static Map<String, String> session(String token) {
        return Api.cookie("haven_session", token);
    }

    @Test
    void theCrisisLinesPageShowsVerifiedLinesOfTheChosenCountryAndTheInternationalOnesElsewhere() {
        Api api = new Api(base);

        Api.Answer gb = api.get("help?country=GB");
        assertEquals(200, gb.status());
        assertTrue(gb.body().contains("Samaritans") && gb.body().contains("href=\"tel:116123\""), gb.body());
        assertFalse(gb.body().contains("Drinkline"), "an unverified line stays hidden");

        Api.Answer elsewhere = api.get("help?country=INTL");
        assertTrue(elsewhere.body().contains("Find A Helpline"), elsewhere.body());
    }

    @Test
    void aSignedInMemberSavesTheirCountryForTheHelpTheySee() {
        Api api = new Api(base);
        String token = api.newMemberToken("Chooser");
        Api.Answer page = api.get("help", session(token));
        String csrfCookie = page.cookieValue("haven_csrf");

        Api.Answer saved = api.form("help", Map.of("csrf", csrfCookie, "country", "AU"),
                Api.headers(Map.of("Cookie", "haven_session=" + token + "; haven_csrf=" + csrfCookie)));

        assertEquals(303, saved.status(), saved.body());
        assertEquals("AU", api.get("api/v1/me", Api.bearer(token)).json().getString("country"));
        assertTrue(api.get("help", session(token)).body().contains("Lifeline"), "Australian lines shown from now on");
    }

    @Test
    void aWriterWhoEditsTheirPostIntoCrisisLanguageIsTakenToTheHelpPanel() {
        Api api = new Api(base);
        String token = api.newMemberToken("PageEditor");
        Api.Answer started = api.json("POST", "api/v1/topics/relapse-and-starting-again/threads",
                "{\"title\":\"Update\",\"body\":\"Quiet evening.\",\"anonymous\":false}", token);
        assertEquals(201, started.status(), started.body());
        jakarta.json.JsonObject created = started.json();
        long threadId = created.getJsonNumber("id").longValue();
        jakarta.json.JsonObject post = created.getJsonObject("post");
        String editPath = "posts/" + post.getJsonNumber("id").longValue() + "/edit";
        String csrfCookie = api.get(editPath, session(token)).cookieValue("haven_csrf");

        Api.Answer edited = api.form(editPath, Map.of("csrf", csrfCookie, "body", "i took all my pills an hour ago",
                        "version", String.valueOf(post.getJsonNumber("version").longValue())),
                Api.headers(Map.of("Cookie", "haven_session=" + token + "; haven_csrf=" + csrfCookie)));

        assertEquals(303, edited.status(), edited.body());
        String location = edited.header("Location");
        assertTrue(location.contains("/threads/" + threadId) && location.contains("help=imminent")
                && location.endsWith("#help-panel"), location);
        String page = api.get(location.substring(location.indexOf("threads/")), session(token)).body();
        assertTrue(page.contains("<section class=\"help-panel\" id=\"help-panel\""), page);
        assertTrue(page.contains("Emergency"), "the emergency number is on the writer's panel");
    }

    @Test
    void aWriterWhoEditsAPostOnALaterPageIsTakenToThatPageWithTheHelpPanel() {
        Api api = new Api(base);
        Api.Member writer = api.newMember("LaterPageEditor");
        long threadId = api.startThread(writer, "relapse-and-starting-again", "Counting days", "Day 1.", false)
                .getJsonNumber("id").longValue();
        // 41 posts, 20 a page: page 2 is neither the first page nor the last, so the redirect can only pass
        // by finding the edited post's own page
        List<JsonObject> replies = new ArrayList<>();
        for (int day = 2; day <= 41; day++) {
            replies.add(api.reply(writer, threadId, "Day " + day + ".", false).getJsonObject("post"));
        }
        String cookies = "haven_session=" + writer.token() + "; haven_csrf=";

        // the first post of page 2, edited into crisis language: the help panel on page 2, with the post under it
        JsonObject firstOnPage2 = replies.get(19);
        long crisisPostId = firstOnPage2.getJsonNumber("id").longValue();
        String crisisEdit = "posts/" + crisisPostId + "/edit";
        String csrf = api.get(crisisEdit, session(writer.token())).cookieValue("haven_csrf");
        Api.Answer edited = api.form(crisisEdit, Map.of("csrf", csrf, "body", "i took all my pills an hour ago",
                        "version", String.valueOf(firstOnPage2.getJsonNumber("version").longValue())),
                Api.headers(Map.of("Cookie", cookies + csrf)));

        assertEquals(303, edited.status(), edited.body());
        String location = edited.header("Location");
        assertTrue(location.contains("/threads/" + threadId + "?page=2&help=imminent") && location.endsWith("#help-panel"),
                location);
        String page = api.get(location.substring(location.indexOf("threads/")), session(writer.token())).body();
        assertTrue(page.contains("<section class=\"help-panel\" id=\"help-panel\""), page);
        assertTrue(page.contains("id=\"post-" + crisisPostId + "\""), "the edited post is on the page the writer lands on");

        // the last post of page 2, edited calmly: the same page, at the post
        JsonObject lastOnPage2 = replies.get(38);
        long calmPostId = lastOnPage2.getJsonNumber("id").longValue();
        String calmEdit = "posts/" + calmPostId + "/edit";
        csrf = api.get(calmEdit, session(writer.token())).cookieValue("haven_csrf");
        Api.Answer calm = api.form(calmEdit, Map.of("csrf", csrf, "body", "Day 40, a good one.",
                        "version", String.valueOf(lastOnPage2.getJsonNumber("version").longValue())),
                Api.headers(Map.of("Cookie", cookies + csrf)));

        assertEquals(303, calm.status(), calm.body());
        assertTrue(calm.header("Location").endsWith("/threads/" + threadId + "?page=2#post-" + calmPostId),
                calm.header("Location"));
    }

    @Test
    void onlyAdministratorsOpenTheDirectoryPageWhichShowsHiddenEntries() {
        Api api = new Api(base);
        assertEquals(303, api.get("admin").status(), "anonymous visitors are sent to sign in");
        assertEquals(403, api.get("admin", session(api.newMemberToken("Curious"))).status());

        String admin = api.signIn("ItAdministrator", "integration tests only, never deployed").getString("token");
        Api.Answer page = api.get("admin", session(admin));

        assertEquals(200, page.status());
        assertTrue(page.body().contains("Hotline directory"), page.body());
        assertTrue(page.body().contains("Drinkline") && page.body().contains("Hidden: not verified"), page.body());
    }

    @Test
    void reloadingALexiconWithEditedSlangTellsTheAdministratorToRetrainTheWordModel() throws IOException {
        Api api = new Api(base);
        String admin = api.signIn("ItAdministrator", "integration tests only, never deployed").getString("token");
        String csrfCookie = api.get("admin", session(admin)).cookieValue("haven_csrf");
        String shipped = Files.readString(Path.of("src/main/resources/crisis/lexicon.json"));
        // a long version too: the notice travels in the URL and the page drops one over 200 characters
        String edited = LexiconEdits.withSlangAdded(shipped.replaceFirst("\"version\": \"[^\"]+\"",
                "\"version\": \"2026.12.1-slang-edited-by-the-moderators-on-a-long-night\""));
        assertTrue(edited.contains("slang-edited"), "the lexicon's version field moved");
        try {
            Files.writeString(LEXICON_FILE, edited);

            Api.Answer reloaded = api.form("admin/lexicon/reload", Map.of("csrf", csrfCookie),
                    Api.headers(Map.of("Cookie", "haven_session=" + admin + "; haven_csrf=" + csrfCookie)));

            assertEquals(303, reloaded.status(), reloaded.body());
            String location = reloaded.header("Location");
            assertTrue(URLDecoder.decode(location, StandardCharsets.UTF_8).contains("Retrain the crisis word model"), location);
            Api.Answer page = api.get(location.substring(location.indexOf("admin?")), session(admin));
            assertTrue(page.body().contains("The new lexicon is in force. Retrain the crisis word model"), page.body());
        } finally {
            Files.deleteIfExists(LEXICON_FILE);
            api.json("POST", "api/v1/admin/crisis/lexicon/reload", null, admin);
        }
    }
}
