package org.haven.discussion;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.haven.identity.CurrentMember;
import org.haven.identity.Viewer;
import org.haven.web.Paging;

/** The discussion API: threads of a topic, threads, posts, reactions, and locking for moderators. */
@Path("api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DiscussionResource {

    private static final String ID = "{id: [0-9]{1,18}}";

    @Inject
    jakarta.validation.Validator validator;

    @Inject
    DiscussionService discussion;

    @Inject
    CurrentMember current;

    @Inject
    PostingLimit postingLimit;

    @GET
    @Path("topics/{slug}/threads")
    @Operation(summary = "Threads of a topic, latest activity first, 20 a page")
    public DiscussionViews.ThreadPage threads(@PathParam("slug") String slug, @QueryParam("page") String page) {
        return discussion.threadsOf(slug, Paging.page(page));
    }

    @POST
    @Path("topics/{slug}/threads")
    @Operation(summary = "Start a thread with its opening post (Markdown); answers crisis help when the post needs it")
    public Response startThread(@PathParam("slug") String slug,
            @Valid @NotNull(message = "Send {title, body, anonymous}.") DiscussionRequests.NewThread request) {
        Viewer viewer = current.require();
        var created = postingLimit.write(viewer,
                () -> DiscussionService.checkedTextOfThread(request.title(), request.body()),
                () -> discussion.startThread(viewer, slug, request));
        return Response.status(201).entity(created).build();
    }

    @GET
    @Path("threads/" + ID)
    @Operation(summary = "A thread with its posts, 20 a page")
    public DiscussionViews.ThreadView thread(@PathParam("id") long id, @QueryParam("page") String page) {
        return discussion.read(id, Paging.page(page), current.viewer().orElse(null));
    }

    @POST
    @Path("threads/" + ID + "/posts")
    @Operation(summary = "Reply to a thread; a locked thread answers 409; past the hourly writing limit 429 (never for "
            + "crisis language)")
    public Response reply(@PathParam("id") long id,
            @Valid @NotNull(message = "Send {body, anonymous}.") DiscussionRequests.NewPost request) {
        Viewer viewer = current.require();
        var created = postingLimit.write(viewer, () -> DiscussionService.checkedTextOfReply(request.body()),
                () -> discussion.reply(viewer, id, request));
        return Response.status(201).entity(created).build();
    }

    @PUT
    @Path("threads/" + ID + "/topic")
    @Operation(summary = "Moderators: move a thread to another topic, {topic, reason}: topic is the slug (400 when "
            + "there is none such); the reason (optional, at most 360 characters) goes to the audit log. Search files "
            + "the thread's posts under the new topic at once")
    public Response move(@PathParam("id") long id, DiscussionRequests.Move request) {
        Viewer moderator = current.requireModerator();
        discussion.move(moderator, id, org.haven.web.RequestBodies.valid(validator, request, "Send {topic}."));
        return Response.noContent().build();
    }

    @PUT
    @Path("threads/" + ID + "/locked")
    @Operation(summary = "Moderators: lock a thread (no more replies) or open it again, {locked, reason}; the reason "
            + "(optional, at most 500 characters) goes to the audit log with the change")
    public Response lock(@PathParam("id") long id, DiscussionRequests.LockChange request) {
        Viewer moderator = current.requireModerator();
        discussion.setLocked(moderator, id, org.haven.web.RequestBodies.valid(validator, request, "Send {locked}."));
        return Response.noContent().build();
    }

    @PUT
    @Path("posts/" + ID)
    @Operation(summary = "The author edits a post within the edit window; 409 when the version is stale. Answers "
            + "the post as written and, as for a new post, crisis help when the edited text needs it")
    public DiscussionViews.CreatedPost edit(@PathParam("id") long id,
            @Valid @NotNull(message = "Send {body, version}.") DiscussionRequests.EditPost request) {
        Viewer viewer = current.require();
        return postingLimit.write(viewer, () -> discussion.checkedTextOfEdit(id, request.body()),
                () -> discussion.edit(viewer, id, request));
    }

    @DELETE
    @Path("posts/" + ID)
    @Operation(summary = "The author deletes a post; its text is erased")
    public Response delete(@PathParam("id") long id) {
        discussion.delete(current.require(), id);
        return Response.noContent().build();
    }

    @POST
    @Path("posts/" + ID + "/helpful")
    @Operation(summary = "Mark a reply helpful (once per member)")
    public DiscussionViews.Reactions helpful(@PathParam("id") long id) {
        return discussion.react(current.require(), id, "helpful");
    }

    @POST
    @Path("posts/" + ID + "/support")
    @Operation(summary = "Send support to the writer of a post (once per member)")
    public DiscussionViews.Reactions support(@PathParam("id") long id) {
        return discussion.react(current.require(), id, "support");
    }
}
