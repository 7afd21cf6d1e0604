package org.haven.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.Locale;
import org.haven.testing.Api;
import org.haven.testing.HavenDeployment;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** With no email to reset with, the one-time recovery code is the way back into an account. */
@ExtendWith(ArquillianExtension.class)
class RecoveryIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return HavenDeployment.war();
    }

    @ArquillianResource
    URL base;

    private static String recovery(String pseudonym, String code, String passphrase) {
        return "{\"pseudonym\":\"" + pseudonym + "\",\"recoveryCode\":" + Api.str(code) + ",\"newPassphrase\":"
                + Api.str(passphrase) + "}";
    }

    @Test
    void theRecoveryCodeSetsANewPassphraseEndsEverySessionAndIsUsedUp() {
        Api api = new Api(base);
        String pseudonym = Api.newPseudonym("Forgetful");
        Api.Answer signedUp = api.json("POST", "api/v1/members",
                "{\"pseudonym\":\"" + pseudonym + "\",\"passphrase\":\"" + Api.PASSPHRASE + "\"}", (String) null);
        String code = signedUp.json().getString("recoveryCode");
        String oldSession = api.signIn(pseudonym, Api.PASSPHRASE).getString("token");

        Api.Answer wrong = api.json("POST", "api/v1/members/recovery",
                recovery(pseudonym, "AAAA-BBBB-CCCC-DDDD-EEEE", "a brand new passphrase"), (String) null);
        assertEquals(401, wrong.status(), wrong.body());

        Api.Answer recovered = api.json("POST", "api/v1/members/recovery",
                recovery(pseudonym, code.toLowerCase(Locale.ROOT).replace("-", " "), "a brand new passphrase"), (String) null);
        assertEquals(200, recovered.status(), recovered.body());
        String nextCode = recovered.json().getString("recoveryCode");
        assertNotEquals(code, nextCode, "a new one-time code replaces the used one");

        assertEquals(401, api.get("api/v1/me", Api.bearer(oldSession)).status(), "every open session ended");
        assertEquals(401, api.json("POST", "api/v1/sessions",
                "{\"pseudonym\":\"" + pseudonym + "\",\"passphrase\":\"" + Api.PASSPHRASE + "\"}", (String) null).status());
        assertTrue(api.signIn(pseudonym, "a brand new passphrase").getString("token").length() > 20);
        assertEquals(401, api.json("POST", "api/v1/members/recovery",
                recovery(pseudonym, code, "yet another passphrase"), (String) null).status(), "the used code is spent");
    }

    @Test
    void aRecoveryNeedsAllItsFields() {
        Api.Answer missing = new Api(base).json("POST", "api/v1/members/recovery", "{\"pseudonym\":\"Someone\"}", (String) null);

        assertEquals(400, missing.status());
        assertEquals(2, missing.json().getJsonArray("errors").size(), missing.body());
    }

    @Test
    void theRecoveryPageWorksWithoutJavaScriptAndShowsTheNewCodeOnce() {
        Api api = new Api(base);
        String pseudonym = Api.newPseudonym("PageForgot");
        String code = api.json("POST", "api/v1/members", Api.object("pseudonym", pseudonym, "passphrase", Api.PASSPHRASE),
                (String) null).json().getString("recoveryCode");
        assertTrue(api.get("sign-in").body().contains("href=\"/recover\""), "the sign-in page leads here");
        Api.Answer form = api.get("recover");
        assertEquals(200, form.status());
        String csrf = form.cookieValue("haven_csrf");
        java.util.Map<String, String> cookie = Api.cookie("haven_csrf", csrf);

        Api.Answer wrong = api.form("recover", java.util.Map.of("csrf", csrf, "pseudonym", pseudonym,
                "recoveryCode", "AAAA-BBBB-CCCC-DDDD-EEEE", "newPassphrase", "a calm new passphrase"), cookie);
        assertEquals(401, wrong.status());
        assertTrue(wrong.body().contains("That pseudonym and recovery code do not match."), wrong.body());
        assertTrue(wrong.body().contains("id=\"recoveryCode-error\""), "the message sits by the code's field");
        assertTrue(wrong.body().contains("value=\"" + pseudonym + "\""), "the pseudonym is kept");
        Api.Answer tooShort = api.form("recover", java.util.Map.of("csrf", csrf, "pseudonym", pseudonym,
                "recoveryCode", code, "newPassphrase", "short"), cookie);
        assertEquals(400, tooShort.status());
        assertTrue(tooShort.body().contains("id=\"newPassphrase-error\""), tooShort.body());

        Api.Answer done = api.form("recover", java.util.Map.of("csrf", csrf, "pseudonym", pseudonym,
                "recoveryCode", code, "newPassphrase", "a calm new passphrase"), cookie);

        assertEquals(200, done.status(), done.body());
        java.util.regex.Matcher shown = java.util.regex.Pattern.compile("id=\"recovery-code\">([A-Z0-9-]+)<").matcher(done.body());
        assertTrue(shown.find(), done.body());
        assertNotEquals(code, shown.group(1), "a new code, shown once");
        assertEquals("no-store", done.header("Cache-Control"), "and never kept by a cache");
        assertTrue(api.signIn(pseudonym, "a calm new passphrase").getString("token").length() > 20);
        assertEquals(401, api.form("recover", java.util.Map.of("csrf", csrf, "pseudonym", pseudonym,
                "recoveryCode", code, "newPassphrase", "yet another one here"), cookie).status(), "the used code is spent");
    }
}
