package org.haven.web;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.haven.platform.Secrets;

/**
 * CSRF protection for every page form (double submit): each browser holds a random token in an
 * HttpOnly, SameSite=Strict cookie, pages put the same token in a hidden {@code csrf} field, and any
 * unsafe request outside the API must carry a matching field. The API is protected separately
 * (bearer tokens, or the session's X-CSRF-Token with the cookie).
 *
 * <p>Because the request filters read the body (here and in {@link RequestLimits}), the servlet's
 * parameter map is empty afterwards: page resources take the form as a {@code MultivaluedMap} entity,
 * which is read from the replaced entity stream, never with {@code @FormParam}.
 */
@PreMatching
@jakarta.ws.rs.ext.Provider
@Priority(Priorities.AUTHORIZATION)
public class FormCsrf implements ContainerRequestFilter, ContainerResponseFilter {

    public static final String COOKIE = "haven_csrf";
    public static final String FIELD = "csrf";
    /** The request property holding the token pages must embed. */
    public static final String PROPERTY = "haven.csrf";
    private static final String ISSUED = "haven.csrf.issued";
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");


    @Context
    HttpServletRequest servletRequest;

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        Cookie cookie = request.getCookies().get(COOKIE);
        String token = cookie == null || cookie.getValue().length() < 20 ? null : cookie.getValue();
        if (token == null) {
            token = Secrets.randomToken(24);
            request.setProperty(ISSUED, Boolean.TRUE);
        }
        request.setProperty(PROPERTY, token);

        String path = request.getUriInfo().getPath();
        if (SAFE.contains(request.getMethod()) || path.startsWith("api/") || path.startsWith("/api/")) {
            return;
        }
        MediaType type = request.getMediaType();
        if (type == null || !type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE)) {
            throw new ApiException(415, "Unsupported media type", "Pages accept forms only.", null);
        }
        byte[] body = request.getEntityStream().readAllBytes();
        request.setEntityStream(new ByteArrayInputStream(body));
        String form = new String(body, StandardCharsets.UTF_8);
        if (MalformedAddresses.BAD_ESCAPE.matcher(form).find()) {
            throw new ApiException(400, "Malformed form",
                    "The form could not be read: a % must be followed by two hexadecimal digits. Please go back and "
                            + "send it again from the page.", null);
        }
        String sent = field(form);
        if (request.getProperty(ISSUED) != null || !Secrets.constantTimeEquals(token, sent)) {
            throw ApiException.forbidden("This form has expired. Please go back, reload the page and try again.");
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        String path = request.getUriInfo().getPath();
        boolean api = path.startsWith("api/") || path.startsWith("/api/");
        if (!api && request.getProperty(ISSUED) != null && request.getProperty(PROPERTY) instanceof String token) {
            boolean secure = servletRequest.isSecure()
                    || "https".equalsIgnoreCase(request.getHeaderString("X-Forwarded-Proto"));
            response.getHeaders().add("Set-Cookie", new NewCookie.Builder(COOKIE).value(token).path("/")
                    .httpOnly(true).secure(secure).sameSite(NewCookie.SameSite.STRICT).build());
        }
    }

    private static String field(String form) {
        for (String pair : form.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && FIELD.equals(pair.substring(0, eq))) {
                try {
                    return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException e) {
                    return null;
                }
            }
        }
        return null;
    }

}
