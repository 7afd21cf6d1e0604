package org.haven.moderation;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.haven.identity.CurrentMember;
import org.haven.web.ApiException;
import org.haven.web.Paging;
import org.haven.web.Problem;

/** The care queue for moderators, and applying the retention period for administrators. */
@Path("api/v1")
@Produces(MediaType.APPLICATION_JSON)
public class ModerationResource {

    @Inject
    CareQueue care;

    @Inject
    CurrentMember current;

    @GET
    @Path("moderation/queue")
    @Operation(summary = "Moderators: pending items of a lane (care: people who may be at risk), most severe "
            + "first, then oldest first, with the rules and matched phrases behind each")
    public CareQueue.Queue queue(@QueryParam("lane") String lane, @QueryParam("page") String page) {
        current.requireModerator();
        if (lane == null || !lane.toLowerCase(Locale.ROOT).equals("care")) {
            String message = "The lane is 'care' (the review lane comes with full moderation).";
            throw new ApiException(400, "Invalid input", message,
                    List.of(new Problem.FieldError("lane", "query", message)));
        }
        return care.pending(Lane.valueOf(lane.toUpperCase(Locale.ROOT)), Paging.page(page));
    }

    public record Expired(int removed) {
    }

    @POST
    @Path("admin/care/expire")
    @Operation(summary = "Administrators: apply the retention period now (it also runs hourly): care items older "
            + "than HAVEN_CARE_RETENTION_DAYS are deleted with their detection details")
    public Expired expire() {
        current.requireAdmin();
        return new Expired(care.expire());
    }
}
