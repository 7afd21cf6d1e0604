package org.haven.web;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

/** One JAX-RS application serves both the pages (at /) and the JSON API (under /api/v1). */
@ApplicationPath("/")
@OpenAPIDefinition(info = @Info(title = "Haven API", version = "1",
        description = "A moderated, pseudonymous forum for people in recovery. Errors are application/problem+json."))
public class HavenApplication extends Application {
}
