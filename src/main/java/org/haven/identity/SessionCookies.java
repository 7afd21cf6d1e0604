package org.haven.identity;

import jakarta.ws.rs.core.NewCookie;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.haven.platform.Secrets;

/** The session cookie and the CSRF token that goes with a session. */
public final class SessionCookies {

    public static final String NAME = "haven_session";
    public static final String CSRF_HEADER = "X-CSRF-Token";

    private SessionCookies() {
    }

    public static NewCookie issue(String token, int maxAgeSeconds, boolean secure) {
        return new NewCookie.Builder(NAME).value(token).path("/").httpOnly(true).secure(secure)
                .sameSite(NewCookie.SameSite.LAX).maxAge(maxAgeSeconds).build();
    }

    public static NewCookie clear(boolean secure) {
        return new NewCookie.Builder(NAME).value("").path("/").httpOnly(true).secure(secure)
                .sameSite(NewCookie.SameSite.LAX).maxAge(0).build();
    }

    /**
     * The CSRF token for a session: derived from the token (which only the member's browser holds,
     * in an HttpOnly cookie), so nothing more is stored and a page from another site cannot know it.
     */
    public static String csrfFor(String token) {
        byte[] digest = Secrets.sha256(("haven-csrf:" + token).getBytes(StandardCharsets.UTF_8));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    }
}
