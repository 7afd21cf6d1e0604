package org.haven.web;

import jakarta.inject.Inject;
import jakarta.validation.ValidationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Exception mappers. The runtime ships its own mappers for validation and web application exceptions,
 * which are more specific than {@code Throwable}; these replace them so every failure takes one path.
 */
final class ErrorMappers {

    private ErrorMappers() {
    }

    @Provider
    public static class AnyFailure implements ExceptionMapper<Throwable> {
        @Inject
        ErrorResponses errors;
        @Context
        UriInfo uri;

        @Override
        public Response toResponse(Throwable failure) {
            return errors.toResponse(failure, uri);
        }
    }

    @Provider
    public static class WebFailure implements ExceptionMapper<WebApplicationException> {
        @Inject
        ErrorResponses errors;
        @Context
        UriInfo uri;

        @Override
        public Response toResponse(WebApplicationException failure) {
            return errors.toResponse(failure, uri);
        }
    }

    @Provider
    public static class ValidationFailure implements ExceptionMapper<ValidationException> {
        @Inject
        ErrorResponses errors;
        @Context
        UriInfo uri;

        @Override
        public Response toResponse(ValidationException failure) {
            return errors.toResponse(failure, uri);
        }
    }
}
