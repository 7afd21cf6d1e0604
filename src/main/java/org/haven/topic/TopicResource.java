package org.haven.topic;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * {@code GET /api/v1/topics}. Every API resource is rooted at {@code api/v1} with method paths below it:
 * JAX-RS picks the root class with the longest literal path first, so a root of {@code api/v1/topics}
 * would hide {@code api/v1/topics/{slug}/threads} in the discussion resource.
 */
@Path("api/v1")
@Produces(MediaType.APPLICATION_JSON)
public class TopicResource {

    @Inject
    TopicService topics;

    @GET
    @Path("topics")
    @Operation(summary = "All recovery topics with their thread counts")
    public List<TopicService.TopicView> list() {
        return topics.all();
    }
}
