package org.haven.identity;

import static org.haven.testing.Api.object;
import static org.haven.testing.Problems.assertProblem;
import static org.haven.testing.Problems.assertProblemNaming;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URL;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Sign-up, sign-in, sessions, the CSRF rule for cookie sessions, and the administrator's role changes. */
@ExtendWith(ArquillianExtension.class)
class IdentityApiIT {

    /** 20 characters of Crockford base32 in groups of four. */
    private static final String RECOVERY_CODE = "[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){4}";
    private static final String SUGGESTION = "[A-Z][a-z]+[A-Z][a-z]+[0-9]{3,4}";

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

    private Api.Answer signUp(String pseudonym, String passphrase) {
        return api.json("POST", "api/v1/members", object("pseudonym", pseudonym, "passphrase", passphrase), (String) null);
    }

    private Api.Answer signIn(String pseudonym, String passphrase) {
        return api.json("POST", "api/v1/sessions", object("pseudonym", pseudonym, "passphrase", passphrase), (String) null);
    }

    @Test
    void signingUpAnswersThePseudonymAndAOneTimeRecoveryCode() {
        String pseudonym = Api.newPseudonym("Joiner");

        Api.Answer answer = signUp(pseudonym, Api.PASSPHRASE);

        assertEquals(201, answer.status(), answer.body());
        assertEquals(pseudonym, answer.json().getString("pseudonym"));
        assertTrue(answer.json().getString("recoveryCode").matches(RECOVERY_CODE), answer.body());
        assertEquals(2, answer.json().size(), "nothing but the pseudonym and the recovery code: " + answer.body());
    }

    @Test
    void signingUpWithoutAPseudonymGivesAGeneratedOneThatWorks() {
        Api.Answer answer = api.json("POST", "api/v1/members", object("passphrase", Api.PASSPHRASE), (String) null);

        assertEquals(201, answer.status(), answer.body());
        String generated = answer.json().getString("pseudonym");
        assertTrue(generated.matches(SUGGESTION), generated);
        assertTrue(answer.json().getString("recoveryCode").matches(RECOVERY_CODE), answer.body());
        assertEquals(generated, api.signIn(generated, Api.PASSPHRASE).getString("pseudonym"));
    }

    @Test
    void aPseudonymIsTakenWhateverItsCase() {
        String pseudonym = api.signUp("Taken");

        Api.Answer answer = signUp(pseudonym.toUpperCase(Locale.ROOT), Api.PASSPHRASE);

        assertProblemNaming(409, "pseudonym", answer);
    }

    @Test
    void aPassphraseShorterThanTenCharactersIsRefused() {
        Api.Answer answer = signUp(Api.newPseudonym("Short"), "too short");

        JsonObject problem = assertProblemNaming(400, "passphrase", answer);
        assertTrue(problem.getString("detail").contains("10"), answer.body());
    }

    @Test
    void aMissingPassphraseIsRefused() {
        Api.Answer answer = api.json("POST", "api/v1/members", object("pseudonym", Api.newPseudonym("NoPass")), (String) null);

        assertProblemNaming(400, "passphrase", answer);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"ab", "has space", "semi;colon", "dot.ted", "-dash-first", "_underscore_first", "émilie",
        "<script>", "abcdefghijklmnopqrstuvwxyz12345"})
    void aPseudonymOutsideTheRulesIsRefused(String pseudonym) {
        Api.Answer answer = signUp(pseudonym, Api.PASSPHRASE);

        assertProblemNaming(400, "pseudonym", answer);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"admin", "Administrator7", "ADMIN_team", "Anonymous", "anonymous-member", "Moderator1",
        "mod-sam", "HavenTeam", "deleted-member", "System", "staff_on_call"})
    void aPseudonymThatImpersonatesTheServiceOrItsStaffIsReserved(String pseudonym) {
        Api.Answer answer = signUp(pseudonym, Api.PASSPHRASE);

        JsonObject problem = assertProblemNaming(400, "pseudonym", answer);
        assertTrue(problem.getString("detail").contains("reserved"), answer.body());
    }

    @Test
    void aSuggestedPseudonymIsFriendlyAndFree() {
        Api.Answer answer = api.get("api/v1/members/suggestion");

        assertEquals(200, answer.status(), answer.body());
        String suggestion = answer.json().getString("pseudonym");
        assertTrue(suggestion.matches(SUGGESTION), suggestion);
        assertEquals(201, signUp(suggestion, Api.PASSPHRASE).status(), "the suggestion can be taken");
    }

    @Test
    void signingInAnswersATokenAndSetsAnHttpOnlyLaxSessionCookie() {
        String pseudonym = api.signUp("Sessions");

        Api.Answer answer = signIn(pseudonym, Api.PASSPHRASE);

        assertEquals(201, answer.status(), answer.body());
        JsonObject session = answer.json();
        assertEquals(pseudonym, session.getString("pseudonym"));
        assertEquals("member", session.getString("role"));
        assertTrue(session.getString("token").length() >= 32, answer.body());
        assertFalse(session.getString("csrfToken").isBlank(), answer.body());
        assertNotEquals(session.getString("token"), session.getString("csrfToken"));
        String cookie = answer.setCookie("haven_session").orElseThrow(() -> new AssertionError("no session cookie"));
        assertEquals(session.getString("token"), answer.cookieValue("haven_session"));
        String attributes = cookie.toLowerCase(Locale.ROOT);
        assertTrue(attributes.contains("httponly"), cookie);
        assertTrue(attributes.contains("samesite=lax"), cookie);
        assertTrue(attributes.contains("path=/"), cookie);
    }

    @Test
    void signingInIgnoresTheCaseOfThePseudonymAndAnswersItAsChosen() {
        String pseudonym = api.signUp("MixedCase");

        Api.Answer answer = signIn(pseudonym.toLowerCase(Locale.ROOT), Api.PASSPHRASE);

        assertEquals(201, answer.status(), answer.body());
        assertEquals(pseudonym, answer.json().getString("pseudonym"));
    }

    @Test
    void aWrongPassphraseAndAnUnknownPseudonymGetTheSameRefusal() {
        String pseudonym = api.signUp("Guarded");

        JsonObject wrongPassphrase = assertProblem(401, signIn(pseudonym, "not the passphrase at all"));
        JsonObject unknownPseudonym = assertProblem(401, signIn(Api.newPseudonym("Nobody"), Api.PASSPHRASE));

        assertEquals(wrongPassphrase.getString("detail"), unknownPseudonym.getString("detail"),
                "the answer must not tell whether a pseudonym exists");
        assertEquals(wrongPassphrase.getString("title"), unknownPseudonym.getString("title"));
    }

    @Test
    void signingInWithoutAPassphraseIsRefusedNamingIt() {
        Api.Answer answer = api.json("POST", "api/v1/sessions", object("pseudonym", Api.newPseudonym("Blank")), (String) null);

        assertProblemNaming(400, "passphrase", answer);
    }

    @Test
    void theEleventhFailedSignInForAPseudonymMustWaitEvenWithTheRightPassphrase() {
        String pseudonym = api.signUp("Targeted");
        for (int attempt = 1; attempt <= 10; attempt++) {
            assertProblem(401, signIn(pseudonym, "wrong guess number " + attempt));
        }

        Api.Answer eleventh = signIn(pseudonym, "wrong guess number 11");
        Api.Answer rightPassphrase = signIn(pseudonym, Api.PASSPHRASE);

        for (Api.Answer limited : new Api.Answer[] {eleventh, rightPassphrase}) {
            assertProblem(429, limited);
            long retryAfter = Long.parseLong(limited.header("Retry-After"));
            assertTrue(retryAfter >= 1 && retryAfter <= 15 * 60, "Retry-After " + retryAfter);
        }
    }

    @Test
    void aStrangerGuessingFromOnePlaceLocksOnlyThatPlaceNotTheMember() {
        String pseudonym = api.signUp("Harassed");
        // behind a proxy Liberty believes X-Forwarded-For from a trusted one (loopback here): two different clients
        Map<String, String> stranger = Map.of("X-Forwarded-For", "198.51.100.7");
        Map<String, String> member = Map.of("X-Forwarded-For", "203.0.113.42");
        for (int attempt = 1; attempt <= 10; attempt++) {
            assertProblem(401, api.send("POST", "api/v1/sessions", "application/json",
                    object("pseudonym", pseudonym, "passphrase", "guess " + attempt), stranger));
        }

        Api.Answer strangerAgain = api.send("POST", "api/v1/sessions", "application/json",
                object("pseudonym", pseudonym, "passphrase", Api.PASSPHRASE), stranger);
        Api.Answer theMember = api.send("POST", "api/v1/sessions", "application/json",
                object("pseudonym", pseudonym, "passphrase", Api.PASSPHRASE), member);

        assertProblem(429, strangerAgain);
        assertEquals(201, theMember.status(), "the member, from their own address, is not locked out: " + theMember.body());
    }

    @Test
    void aBearerTokenSaysWhoIsSignedIn() {
        Api.Member member = api.newMember("Whoami");

        Api.Answer answer = api.get("api/v1/me", member);

        assertEquals(200, answer.status(), answer.body());
        assertEquals(member.pseudonym(), answer.json().getString("pseudonym"));
        assertEquals("member", answer.json().getString("role"));
    }

    @Test
    void withoutASessionNobodyIsSignedIn() {
        assertProblem(401, api.get("api/v1/me"));
        assertProblem(401, api.get("api/v1/me", Api.bearer("not-a-token-anyone-was-given")));
    }

    @Test
    void signingOutEndsTheSessionAndClearsTheCookie() {
        Api.Member member = api.newMember("Leaving");

        Api.Answer answer = api.send("DELETE", "api/v1/sessions/current", null, null, member.bearer());

        assertEquals(204, answer.status(), answer.body());
        assertTrue(answer.setCookie("haven_session").orElseThrow().toLowerCase(Locale.ROOT).contains("max-age=0"),
                answer.headers().map().toString());
        assertProblem(401, api.get("api/v1/me", member));
    }

    @Test
    void signingOutWithoutASessionIsRefused() {
        assertProblem(401, api.send("DELETE", "api/v1/sessions/current", null, null, Map.of()));
    }

    @Test
    void aCookieSessionReadsWithoutTheCsrfTokenButWritesOnlyWithIt() {
        Api.Member member = api.newMember("Browser");
        Map<String, String> cookie = Api.cookie("haven_session", member.token());
        String thread = object("title", "Written from a browser session", "body", "Hello from the cookie.", "anonymous", false);
        String path = "api/v1/topics/introductions/threads";

        Api.Answer read = api.get("api/v1/me", cookie);
        Api.Answer withoutToken = api.send("POST", path, "application/json", thread, cookie);
        Api.Answer withWrongToken = api.send("POST", path, "application/json", thread,
                Api.headers(cookie, Map.of("X-CSRF-Token", "forged" + member.csrfToken())));
        Api.Answer withToken = api.send("POST", path, "application/json", thread,
                Api.headers(cookie, Map.of("X-CSRF-Token", member.csrfToken())));

        assertEquals(200, read.status(), read.body());
        assertEquals(member.pseudonym(), read.json().getString("pseudonym"));
        assertProblem(403, withoutToken);
        assertProblem(403, withWrongToken);
        assertEquals(201, withToken.status(), withToken.body());
    }

    @Test
    void anAdministratorMakesAMemberAModeratorAndTheirSessionSeesItAtOnce() {
        Api.Member admin = api.administrator();
        Api.Member member = api.newMember("Volunteer");

        Api.Answer answer = api.json("PUT", "api/v1/admin/members/" + member.pseudonym() + "/role",
                object("role", "moderator"), admin);

        assertEquals(200, answer.status(), answer.body());
        assertEquals(member.pseudonym(), answer.json().getString("pseudonym"));
        assertEquals("moderator", answer.json().getString("role"));
        assertEquals("moderator", api.get("api/v1/me", member).json().getString("role"));

        api.changeRole(admin, member.pseudonym(), "member");
        assertEquals("member", api.get("api/v1/me", member).json().getString("role"));
    }

    @Test
    void onlyAnAdministratorChangesRoles() {
        Api.Member member = api.newMember("Climber");
        String path = "api/v1/admin/members/" + member.pseudonym() + "/role";

        assertProblem(403, api.json("PUT", path, object("role", "moderator"), member));
        assertProblem(401, api.json("PUT", path, object("role", "moderator"), (String) null));
        assertEquals("member", api.get("api/v1/me", member).json().getString("role"));
    }

    @Test
    void aRoleChangeForAnUnknownMemberIsNotFound() {
        Api.Answer answer = api.json("PUT", "api/v1/admin/members/" + Api.newPseudonym("Ghost") + "/role",
                object("role", "moderator"), api.administrator());

        assertProblem(404, answer);
    }

    @Test
    void aRoleOtherThanMemberOrModeratorIsRefusedNamingIt() {
        Api.Member admin = api.administrator();
        String path = "api/v1/admin/members/" + api.signUp("Hopeful") + "/role";

        assertProblemNaming(400, "role", api.json("PUT", path, object("role", "superuser"), admin));
        assertProblemNaming(400, "role", api.json("PUT", path, object("role", "admin"), admin));
        assertProblemNaming(400, "role", api.json("PUT", path, object("role", null), admin));
    }

    @Test
    void anAdministratorCannotBeDemotedThroughTheApi() {
        Api.Member admin = api.administrator();

        Api.Answer answer = api.json("PUT", "api/v1/admin/members/" + Api.ADMIN_PSEUDONYM + "/role",
                object("role", "member"), admin);

        assertProblem(409, answer);
        assertEquals("admin", api.get("api/v1/me", admin).json().getString("role"));
    }
}
