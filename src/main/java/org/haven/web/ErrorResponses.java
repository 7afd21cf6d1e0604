package org.haven.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonParsingException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns any failure into a clear answer: problem+json under /api, a friendly page elsewhere. Unexpected
 * failures get a 500 with an incident id; the log line carries that id and the exception types and
 * frames, never an exception message (messages can quote user input).
 */
@ApplicationScoped
public class ErrorResponses {

    private static final Logger LOG = Logger.getLogger(ErrorResponses.class.getName());

    @Inject
    Pages pages;

    public Response toResponse(Throwable failure, UriInfo uri) {
        Problem problem = classify(failure);
        boolean api = uri == null || uri.getPath().startsWith("api/") || uri.getPath().startsWith("/api/");
        Response.ResponseBuilder answer = Response.status(problem.status());
        if (problem.status() == 429) {
            answer.header("Retry-After", failure instanceof RateLimitedException r ? r.retryAfterSeconds() : 60);
        }
        if (problem.status() == 405 && failure instanceof NotAllowedException notAllowed) {
            answer.allow(notAllowed.getResponse().getAllowedMethods());
        }
        if (api) {
            return answer.type(Problem.MEDIA_TYPE).entity(problem).build();
        }
        String page;
        try {
            page = pages.render("error.jte", Map.of("problem", problem));
        } catch (RuntimeException renderingFailed) {
            // the error page itself failed: still answer with a page, never the server's stack trace
            LOG.log(Level.SEVERE, "error page failed: {0}", renderingFailed.getClass().getName());
            page = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Haven</title></head><body><h1>"
                    + escape(problem.title()) + "</h1><p>" + escape(problem.detail()) + "</p><p><a href=\"/\">Haven</a></p></body></html>";
        }
        return answer.type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(page).build();
    }

    private static String escape(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    Problem classify(Throwable failure) {
        if (failure instanceof ApiException api) {
            return api.toProblem();
        }
        if (failure instanceof ConstraintViolationException violations) {
            return invalid(violations);
        }
        if (causedBy(failure, OptimisticLockException.class)
                || causedByClassNamed(failure, "org.eclipse.persistence.exceptions.OptimisticLockException")) {
            return Problem.of(409, "Conflict",
                    "Someone changed this at the same time. Reload to see the latest version, then try again.");
        }
        if (failure instanceof NotFoundException) {
            return Problem.of(404, "Not found", "There is nothing at this address.");
        }
        if (failure instanceof NotAllowedException) {
            return Problem.of(405, "Method not allowed", "This address does not accept that method.");
        }
        if (failure instanceof NotSupportedException) {
            return Problem.of(415, "Unsupported media type",
                    "Send the request body as application/json (API) or as a form (pages).");
        }
        if (failure instanceof NotAcceptableException) {
            return Problem.of(406, "Not acceptable", "This address answers with JSON or HTML only.");
        }
        if (causedBy(failure, JsonbException.class) || causedBy(failure, JsonParsingException.class)
                || failure instanceof ProcessingException
                || (failure instanceof WebApplicationException w && w.getResponse().getStatus() == 400)) {
            return Problem.of(400, "Malformed request",
                    "The request body could not be read. Send valid JSON (UTF-8) with the documented fields.");
        }
        if (failure instanceof WebApplicationException w && w.getResponse().getStatus() < 500) {
            int status = w.getResponse().getStatus();
            return Problem.of(status, Response.Status.fromStatusCode(status) == null ? "Request refused"
                    : Response.Status.fromStatusCode(status).getReasonPhrase(), "The request was refused.");
        }
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "incident {0}: {1}", new Object[] {incident, describe(failure)});
        return new Problem("about:blank", "Something went wrong on our side", 500,
                "Nothing you did caused this. Please try again in a moment.", null, incident);
    }

    private static Problem invalid(ConstraintViolationException violations) {
        List<Problem.FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<?> v : violations.getConstraintViolations()) {
            errors.add(new Problem.FieldError(fieldName(v.getPropertyPath()), "body", v.getMessage()));
        }
        errors.sort(Comparator.comparing(Problem.FieldError::field));
        String detail = errors.isEmpty() ? "The request is not valid." : errors.get(0).message();
        return new Problem("about:blank", "Invalid input", 400, detail, errors, null);
    }

    /**
     * The name a client knows: for a method parameter path like {@code create.request.title} that is
     * {@code title}; for a bare parameter ({@code list.page}) it is the parameter name.
     */
    static String fieldName(Path path) {
        List<String> names = new ArrayList<>();
        boolean sawParameter = false;
        String parameter = null;
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.CONSTRUCTOR) {
                continue;
            }
            if (node.getKind() == ElementKind.PARAMETER) {
                sawParameter = true;
                parameter = node.getName();
                continue;
            }
            if (node.getName() != null) {
                names.add(node.getName());
            }
        }
        if (names.isEmpty()) {
            return sawParameter && parameter != null ? parameter : "request";
        }
        return String.join(".", names);
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    /** For exceptions of a provider's own classes, which Haven does not compile against. */
    private static boolean causedByClassNamed(Throwable failure, String className) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            for (Class<?> c = t.getClass(); c != null; c = c.getSuperclass()) {
                if (c.getName().equals(className)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Exception types and the top frames of the chain, without messages. */
    private static String describe(Throwable failure) {
        StringBuilder out = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            out.append(t.getClass().getName());
            StackTraceElement[] frames = t.getStackTrace();
            for (int i = 0; i < Math.min(8, frames.length); i++) {
                out.append("\n    at ").append(frames[i]);
            }
            out.append("\ncaused by ");
        }
        out.setLength(out.length() - "\ncaused by ".length());
        return out.toString();
    }
}
