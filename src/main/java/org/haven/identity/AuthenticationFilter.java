package org.haven.identity;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.util.Set;
import org.haven.platform.Secrets;
import org.haven.web.ApiException;

/**
 * Resolves the session of every request from {@code Authorization: Bearer} or the session cookie.
 * An unknown or expired token leaves the request anonymous (a protected action then answers 401).
 * Cookie-authenticated writes to the API must echo the session's CSRF token in {@code X-CSRF-Token};
 * page forms are checked by the web package's form CSRF filter.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public class AuthenticationFilter implements ContainerRequestFilter {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    @Inject
    MemberService members;

    @Inject
    CurrentMember current;

    @Override
    public void filter(ContainerRequestContext request) {
        String token = null;
        boolean viaCookie = false;
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            token = authorization.substring(7).trim();
        } else {
            Cookie cookie = request.getCookies().get(SessionCookies.NAME);
            if (cookie != null && !cookie.getValue().isBlank()) {
                token = cookie.getValue();
                viaCookie = true;
            }
        }
        if (token == null || token.length() > 200) {
            return;
        }
        Viewer viewer = members.resolveSession(token, viaCookie).orElse(null);
        if (viewer == null) {
            return;
        }
        current.signedIn(viewer, token);
        String path = request.getUriInfo().getPath();
        boolean api = path.startsWith("api/") || path.startsWith("/api/");
        if (viaCookie && api && !SAFE_METHODS.contains(request.getMethod())
                && !Secrets.constantTimeEquals(viewer.csrfToken(), request.getHeaderString(SessionCookies.CSRF_HEADER))) {
            throw ApiException.forbidden("This request needs the X-CSRF-Token header from sign-in.");
        }
    }
}
