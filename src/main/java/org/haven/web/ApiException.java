package org.haven.web;

import jakarta.ws.rs.core.Response.Status;
import java.util.List;

/**
 * A failure with a clear answer for the person who caused it: its status, a short title and a detail.
 * Thrown by services and resources; turned into problem+json (API) or an error page (browser).
 */
public class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String title;
    private final List<Problem.FieldError> errors;

    public ApiException(int status, String title, String detail, List<Problem.FieldError> errors) {
        super(detail, null, false, false);
        this.status = status;
        this.title = title;
        this.errors = errors;
    }

    public static ApiException notFound(String what) {
        return new ApiException(404, "Not found", what + " does not exist or is no longer available.", null);
    }

    public static ApiException unauthorized() {
        return new ApiException(401, "Sign-in required", "Please sign in to do this.", null);
    }

    public static ApiException forbidden(String detail) {
        return new ApiException(403, "Not allowed", detail, null);
    }

    public static ApiException conflict(String detail) {
        return new ApiException(409, "Conflict", detail, null);
    }

    public static ApiException invalid(String field, String message) {
        return new ApiException(400, "Invalid input", message, List.of(new Problem.FieldError(field, "body", message)));
    }

    public static ApiException tooManyRequests(String detail) {
        return new ApiException(429, "Too many requests", detail, null);
    }

    public int status() {
        return status;
    }

    public Problem toProblem() {
        return new Problem("about:blank", title, status, getMessage(), errors, null);
    }

    public Status statusType() {
        return Status.fromStatusCode(status);
    }
}
