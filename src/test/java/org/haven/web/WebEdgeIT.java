package org.haven.web;

import static org.haven.testing.Problems.assertNoStackTrace;
import static org.haven.testing.Problems.assertPage;
import static org.haven.testing.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpClient;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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

/**
 * The web edge, seen from a browser and an API client: security headers, error answers, the OpenAPI
 * document, health, form CSRF, and the sign-up and sign-in pages working without JavaScript.
 */
@ExtendWith(ArquillianExtension.class)
class WebEdgeIT {

    private static final String RECOVERY_CODE = "[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){4}";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return HavenDeployment.war();
    }

    @ArquillianResource
    URL base;

    Api api;

    @BeforeEach
    void client() {
        api = new Api(base);
    }

    @Test
    void everyAnswerCarriesTheSecurityHeaders() {
        Map<String, Api.Answer> answers = new LinkedHashMap<>();
        answers.put("a page", api.get("/"));
        answers.put("an API answer", api.get("api/v1/topics"));
        answers.put("an API error", api.get("api/v1/no-such-thing"));
        answers.put("a page error", api.get("no-such-page"));
        answers.put("a refused form", api.form("sign-in", Map.of("pseudonym", "x"), Map.of()));
        answers.put("an oversized request", api.json("POST", "api/v1/members", "{\"p\":\"" + "x".repeat(70_000) + "\"}", (String) null));
        answers.put("the stylesheet", api.get("css/haven.css"));

        answers.forEach((what, answer) -> {
            String csp = answer.header("Content-Security-Policy");
            assertNotNull(csp, what + " has no Content-Security-Policy");
            assertTrue(csp.contains("default-src 'self'"), what + ": " + csp);
            assertTrue(csp.contains("frame-ancestors 'none'"), what + ": " + csp);
            assertTrue(csp.contains("object-src 'none'"), what + ": " + csp);
            assertFalse(csp.contains("unsafe-inline"), what + ": " + csp);
            assertFalse(csp.contains("unsafe-eval"), what + ": " + csp);
            assertEquals("no-referrer", answer.header("Referrer-Policy"), what);
            assertEquals("nosniff", answer.header("X-Content-Type-Options"), what);
            assertEquals("DENY", answer.header("X-Frame-Options"), what);
        });
        assertTrue(answers.get("a page").header("Cache-Control").contains("no-store"), "member pages are never cached");
    }

    @Test
    void aClientSpeakingHttp2SendsBodiesLikeAnyOther() {
        Api http2 = new Api(base, HttpClient.Version.HTTP_2);
        String body = Api.object("pseudonym", "x", "passphrase", "too short");

        List<Api.Answer> answers = List.of(
                http2.json("POST", "api/v1/members", body, (String) null),
                http2.json("POST", "api/v1/members", body, (String) null));

        for (Api.Answer answer : answers) {
            assertProblem(400, answer);
        }
    }

    @Test
    void anUnknownApiAddressIsAProblem() {
        JsonObject problem = assertProblem(404, api.get("api/v1/no-such-thing"));

        assertEquals("Not found", problem.getString("title"));
    }

    @Test
    void anUnknownPageIsAFriendlyPage() {
        Api.Answer answer = api.get("no-such-page/at-all");

        assertPage(404, answer);
        assertTrue(answer.body().contains("Back to the topics"), answer.body());
    }

    @Test
    void aBadPageNumberOnAPageIsAFriendly400Page() {
        Api.Answer answer = api.get("topics/introductions?page=abc");

        assertPage(400, answer);
        assertTrue(answer.body().contains("The page is a whole number from 1 to"), answer.body());
    }

    @Test
    void aMethodAnAddressDoesNotTakeIsRefusedSayingWhichItTakes() {
        Api.Answer answer = api.send("DELETE", "api/v1/topics", null, null, Map.of());

        assertProblem(405, answer);
        assertTrue(answer.header("Allow") != null && answer.header("Allow").contains("GET"), answer.headers().map().toString());
    }

    @Test
    void theOpenApiDocumentDescribesTheJsonApiOnly() {
        Api.Answer answer = api.get("openapi?format=JSON");

        assertEquals(200, answer.status(), answer.body());
        JsonObject paths = answer.json().getJsonObject("paths");
        assertTrue(paths.containsKey("/api/v1/topics"), paths.keySet().toString());
        assertTrue(paths.containsKey("/api/v1/members"), paths.keySet().toString());
        assertTrue(paths.containsKey("/api/v1/threads/{id}"), paths.keySet().toString());
        paths.keySet().forEach(path -> assertTrue(path.startsWith("/api/v1/"), "a page or asset in the API document: " + path));
        assertFalse(answer.body().contains("/sign-in"), "pages are not part of the API");
        // bodies are described field by field, so that a client knows what to send
        JsonObject schemas = answer.json().getJsonObject("components").getJsonObject("schemas");
        assertEquals(java.util.Set.of("title", "body", "anonymous"),
                schemas.getJsonObject("NewThread").getJsonObject("properties").keySet());
        assertTrue(schemas.getJsonObject("DecisionRequest").getJsonObject("properties").keySet()
                .containsAll(java.util.Set.of("action", "reason", "version")), schemas.toString());
    }

    @Test
    void theHealthCheckSaysReadyWhenTheDatabaseAnswers() {
        Api.Answer answer = api.get("health/ready");

        assertEquals(200, answer.status());
        assertTrue(answer.body().contains("\"UP\""), answer.body());
    }

    @Test
    void aPageFormWithoutItsCsrfFieldIsRefusedWithAFriendlyPage() {
        Api.Answer getForm = api.get("sign-in");
        Map<String, String> browserCookie = Api.cookie(FormCsrf.COOKIE, getForm.cookieValue(FormCsrf.COOKIE));
        Map<String, String> credentials = Map.of("pseudonym", Api.ADMIN_PSEUDONYM, "passphrase", Api.ADMIN_PASSPHRASE);

        List<Api.Answer> refused = List.of(
                api.form("sign-in", credentials, Map.of()),
                api.form("sign-in", credentials, browserCookie),
                api.form("sign-in", withField(credentials, "csrf", "a-token-from-another-browser-000"), browserCookie),
                api.form("sign-in", withField(credentials, "csrf", getForm.hiddenField("csrf")), Map.of()));

        for (Api.Answer answer : refused) {
            assertPage(403, answer);
            assertTrue(answer.body().contains("This form has expired"), answer.body());
            assertTrue(answer.setCookie("haven_session").isEmpty(), "no session without the CSRF field");
        }
    }

    @Test
    void aPageTakesFormsOnly() {
        Api.Answer getForm = api.get("sign-in");

        Api.Answer answer = api.send("POST", "sign-in", "application/json", "{\"pseudonym\":\"x\"}",
                Api.cookie(FormCsrf.COOKIE, getForm.cookieValue(FormCsrf.COOKIE)));

        assertPage(415, answer);
    }

    @Test
    void theSignUpPageCreatesAnAccountAndShowsTheRecoveryCodeOnce() {
        Browser browser = openForm("sign-up");
        String pseudonym = Api.newPseudonym("PageJoiner");

        Api.Answer done = browser.submit("sign-up", Map.of("pseudonym", pseudonym, "passphrase", Api.PASSPHRASE));

        assertPage(200, done);
        assertTrue(done.body().contains("Welcome, " + pseudonym), done.body());
        assertTrue(done.body().matches("(?s).*<p class=\"recovery-code\" id=\"recovery-code\">" + RECOVERY_CODE + "</p>.*"), done.body());
        assertFalse(done.body().contains(Api.PASSPHRASE), "the passphrase is never echoed");
        assertEquals(pseudonym, api.signIn(pseudonym, Api.PASSPHRASE).getString("pseudonym"), "the account works");
    }

    @Test
    void theSignUpPageSuggestsAPseudonymAndCarriesTheCsrfTokenOfItsCookie() {
        Api.Answer form = api.get("sign-up");

        assertPage(200, form);
        String cookie = form.setCookie(FormCsrf.COOKIE).orElseThrow().toLowerCase(Locale.ROOT);
        assertTrue(cookie.contains("httponly"), cookie);
        assertTrue(cookie.contains("samesite=strict"), cookie);
        assertEquals(form.cookieValue(FormCsrf.COOKIE), form.hiddenField("csrf"));
        assertTrue(form.body().matches("(?s).*id=\"pseudonym\"[^>]*value=\"[A-Z][a-z]+[A-Z][a-z]+[0-9]{3,4}\".*"), form.body());
    }

    @Test
    void aTooShortPassphraseShowsTheSignUpFormAgainWithTheMessageAndTheTypedPseudonym() {
        Browser browser = openForm("sign-up");
        String pseudonym = Api.newPseudonym("Retry");

        Api.Answer answer = browser.submit("sign-up", Map.of("pseudonym", pseudonym, "passphrase", "short"));

        assertPage(400, answer);
        assertTrue(answer.body().contains("A passphrase has 10 to 200 characters."), answer.body());
        assertTrue(answer.body().contains("id=\"passphrase-error\""), answer.body());
        assertTrue(answer.body().matches("(?s).*id=\"pseudonym\"[^>]*value=\"" + pseudonym + "\".*"), answer.body());
        assertTrue(answer.body().matches("(?s).*id=\"passphrase\"[^>]*aria-invalid=\"true\".*"), answer.body());
        assertFalse(answer.body().contains("value=\"short\""), "a passphrase is never put back into the page");
        assertEquals(browser.csrf, answer.hiddenField("csrf"), "the form can be sent again as it is");
    }

    @Test
    void aTakenPseudonymShowsTheSignUpFormAgainNamingIt() {
        String taken = api.signUp("Occupied");
        Browser browser = openForm("sign-up");

        Api.Answer answer = browser.submit("sign-up", Map.of("pseudonym", taken.toLowerCase(Locale.ROOT), "passphrase", Api.PASSPHRASE));

        assertPage(409, answer);
        assertTrue(answer.body().contains("id=\"pseudonym-error\""), answer.body());
        assertTrue(answer.body().contains("Someone already uses that pseudonym."), answer.body());
    }

    @Test
    void theSignInPageSetsTheSessionAndOnlyEverRedirectsWithinHaven() {
        String pseudonym = api.signUp("PageSignIn");
        Browser browser = openForm("sign-in");

        Api.Answer local = browser.submit("sign-in", Map.of("pseudonym", pseudonym, "passphrase", Api.PASSPHRASE,
                "next", "/topics/introductions"));
        Api.Answer elsewhere = browser.submit("sign-in", Map.of("pseudonym", pseudonym, "passphrase", Api.PASSPHRASE,
                "next", "//evil.example/phish"));

        assertEquals(303, local.status(), local.body());
        assertTrue(local.header("Location").endsWith("/topics/introductions"), local.header("Location"));
        String token = local.cookieValue("haven_session");
        assertEquals(pseudonym, api.get("api/v1/me", Api.cookie("haven_session", token)).json().getString("pseudonym"));
        assertEquals(303, elsewhere.status(), elsewhere.body());
        assertFalse(elsewhere.header("Location").contains("evil.example"), elsewhere.header("Location"));
        assertNotEquals(token, elsewhere.cookieValue("haven_session"), "every sign-in is a new session");
    }

    @Test
    void aFailedPageSignInShowsTheFormAgainWithoutTelling() {
        Browser browser = openForm("sign-in");

        Api.Answer answer = browser.submit("sign-in", Map.of("pseudonym", Api.newPseudonym("Unknown"), "passphrase", "whatever it is"));

        assertPage(401, answer);
        assertTrue(answer.body().contains("That pseudonym and passphrase do not match."), answer.body());
        assertNoStackTrace(answer.body());
    }

    /** A browser that opened a form: its CSRF cookie and the hidden field of the page. */
    private record Browser(Api api, Api.Answer form, String cookie, String csrf) {
        Api.Answer submit(String path, Map<String, String> fields) {
            return api.form(path, withField(fields, "csrf", csrf), Api.cookie(FormCsrf.COOKIE, cookie));
        }
    }

    private Browser openForm(String path) {
        Api.Answer form = api.get(path);
        assertPage(200, form);
        return new Browser(api, form, form.cookieValue(FormCsrf.COOKIE), form.hiddenField("csrf"));
    }

    private static Map<String, String> withField(Map<String, String> fields, String name, String value) {
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put(name, value);
        return all;
    }
}
