package org.haven.web;

import jakarta.annotation.Priority;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import java.util.regex.Pattern;

/**
 * Answers 400 to an address with a broken percent escape ({@code /search?q=100%}) before anything reads it. Read
 * later, the address failed to parse as a 500 with a stack trace, and Liberty's log line quoted it: a search query
 * in the log.
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
    }
}
