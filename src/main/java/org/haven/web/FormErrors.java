package org.haven.web;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Messages to show beside form fields, from Bean Validation or from a refused request. */
public final class FormErrors {

    private FormErrors() {
    }

    /** Validates a request record and answers field → message (empty when valid). */
    public static Map<String, String> check(Validator validator, Object request) {
        Map<String, String> errors = new LinkedHashMap<>();
        Set<? extends ConstraintViolation<?>> violations = validator.validate(request);
        for (ConstraintViolation<?> v : violations) {
            errors.putIfAbsent(v.getPropertyPath().toString(), v.getMessage());
        }
        return errors;
    }

    /** The messages of a refused request: per field when it names fields, else under "form". */
    public static Map<String, String> of(ApiException refused) {
        Map<String, String> errors = new LinkedHashMap<>();
        var problem = refused.toProblem();
        if (problem.errors() != null) {
            problem.errors().forEach(e -> errors.putIfAbsent(e.field(), e.message()));
        } else {
            errors.put("form", problem.detail());
        }
        return errors;
    }
}
