package org.haven.screening;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.haven.identity.CurrentMember;
import org.haven.web.ApiException;

/** Moderators set pre-moderation of new members. */
@Path("api/v1/moderation/premoderation")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PremoderationResource {

    @Inject
    CurrentMember current;

    @Inject
    Premoderation premoderation;

    /** How many published posts a member needs before their posts go up at once; 0 is off. */
    public record FirstPosts(Integer firstPosts) {
    }

    @GET
    @Operation(summary = "Moderators: pre-moderation of new members {firstPosts}: until that many of a member's posts "
            + "are published, each new one waits for a moderator's approval in the review lane (0: off)")
    public FirstPosts get() {
        current.requireModerator();
        return new FirstPosts(premoderation.firstPostsHeld());
    }

    @PUT
    @Operation(summary = "Moderators: set pre-moderation {firstPosts} from 0 (off) to 20. Crisis language is never "
            + "held, and moderators' posts are never held. Recorded in the audit log")
    public FirstPosts set(FirstPosts request) {
        var moderator = current.requireModerator();
        if (request == null) {
            throw ApiException.invalid("firstPosts", "Send {firstPosts}.");
        }
        return new FirstPosts(premoderation.set(moderator, request.firstPosts()));
    }
}
