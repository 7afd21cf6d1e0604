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
}
