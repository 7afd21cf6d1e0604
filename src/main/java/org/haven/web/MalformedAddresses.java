package org.haven.web;

import jakarta.annotation.Priority;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import java.net.URI;
import java.util.regex.Pattern;

/**
 * Makes the address safe to read before anything reads it. A broken percent escape ({@code /search?q=100%}) is a
 * 400: read later, the address failed to parse as a 500 with a stack trace, and Liberty's log line quoted it (a
 * search query in the log). Characters a typed address may carry unencoded ({@code ?q=walk|tea}, quotes, braces) are
 * encoded, as a browser's form would have sent them: the same failure, for a query that is not wrong.
 */
@PreMatching
@jakarta.ws.rs.ext.Provider
@Priority(100) // before every other filter
public class MalformedAddresses implements ContainerRequestFilter {

    /** A {@code %} not followed by two hexadecimal digits: no browser sends one, and decoding it fails. */
    static final Pattern BAD_ESCAPE = Pattern.compile("%(?![0-9A-Fa-f]{2})");

    @Context
    HttpServletRequest servletRequest;

    @Override
    public void filter(ContainerRequestContext request) {
        String query = servletRequest.getQueryString();
        if ((query != null && BAD_ESCAPE.matcher(query).find())
                || BAD_ESCAPE.matcher(servletRequest.getRequestURI()).find()) {
            throw new ApiException(400, "Malformed address",
                    "The address has a % that is not followed by two hexadecimal digits (write %25 for a % sign).",
                    null);
        }
        String encoded = query == null ? null : encodeUnsafe(query);
        if (encoded != null && !encoded.equals(query)) {
            request.setRequestUri(URI.create(servletRequest.getRequestURL() + "?" + encoded));
        }
    }

    /** The query with the ASCII characters a URI may not hold as they are written as {@code %XX}. */
    static String encodeUnsafe(String query) {
        StringBuilder out = null;
        for (int i = 0; i < query.length(); i++) {
            char c = query.charAt(i);
            boolean unsafe = c <= 0x20 || c == 0x7f || UNSAFE.indexOf(c) >= 0;
            if (unsafe && out == null) {
                out = new StringBuilder(query.length() + 16).append(query, 0, i);
            }
            if (out != null) {
                if (unsafe) {
                    out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
                } else {
                    out.append(c);
                }
            }
        }
        return out == null ? query : out.toString();
    }

    private static final String UNSAFE = "\"<>\\^`{|}";
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();
}
