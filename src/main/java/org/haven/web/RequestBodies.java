package org.haven.web;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.util.List;
import java.util.Set;

/**
 * Checks a request body after the caller has been checked. With {@code @Valid} on the parameter, JAX-RS validates the
 * body before the method runs, so a visitor or a member sending an empty body to a moderators' endpoint was told what
 * the body lacks (400) instead of that they may not (401, 403).
 */
public final class RequestBodies {

    private RequestBodies() {
    }

    /** {@code body}, valid; a missing body is a 400 saying {@code missing}, a body that breaks its constraints too. */
    public static <T> T valid(Validator validator, T body, String missing) {
        if (body == null) {
            throw new ApiException(400, "Invalid input", missing, List.of());
        }
        Set<ConstraintViolation<T>> violations = validator.validate(body);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return body;
    }
}
