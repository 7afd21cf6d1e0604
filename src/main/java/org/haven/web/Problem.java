package org.haven.web;

import java.util.List;

/**
 * An RFC 9457 problem detail. {@code errors} names each offending field with a message a person
 * understands; {@code incident} lets an operator find the log line of an unexpected failure.
 */
public record Problem(String type, String title, int status, String detail, List<FieldError> errors, String incident) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** Where the bad value came from ({@code body}, {@code query}, {@code path}, {@code form}) and what was wrong. */
    public record FieldError(String field, String in, String message) {
    }

    public static Problem of(int status, String title, String detail) {
        return new Problem("about:blank", title, status, detail, null, null);
    }
}
