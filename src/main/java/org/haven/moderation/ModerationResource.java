package org.haven.moderation;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.haven.identity.CurrentMember;
import org.haven.identity.Viewer;
import org.haven.web.ApiException;
import org.haven.web.Paging;
import org.haven.web.Problem;
import org.haven.web.RequestBodies;

/** Members report posts; moderators read the care and review lanes; administrators apply the retention period. */
@Path("api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ModerationResource {

    @Inject
    jakarta.validation.Validator validator;

    @Inject
    CareQueue care;

    @Inject
    CurrentMember current;

    @Inject
    Reports reports;

    @Inject
    CareAlerts alerts;

    @Inject
    Decisions decisions;

    @Inject
    Dashboard dashboard;

    @Inject
    WriterActions writerActions;

    @Inject
    org.haven.discussion.DiscussionService discussion;

    @GET
    @Path("moderation/queue")
    @Operation(summary = "Moderators: pending items of a lane (care: people who may be at risk), most severe "
            + "first, then oldest first, with the rules and matched phrases behind each")
    public CareQueue.Queue queue(@QueryParam("lane") String lane, @QueryParam("page") String page) {
        current.requireModerator();
        return care.pending(lane(lane), Paging.page(page));
    }

    /** The lane a query names: {@code care} or {@code review}. */
    static Lane lane(String lane) {
        if (lane == null || !lane.matches("(?i)care|review")) {
            String message = "The lane is 'care' (people who may be at risk) or 'review' (possible violations).";
            throw new ApiException(400, "Invalid input", message,
                    List.of(new Problem.FieldError("lane", "query", message)));
        }
        return Lane.valueOf(lane.toUpperCase(Locale.ROOT));
    }

    @POST
    @Path("moderation/items/{id: [0-9]{1,18}}/claim")
    @Operation(summary = "Moderators: claim an item, so other moderators see someone is on it. The claim lapses after "
            + "HAVEN_MODERATION_CLAIM_MINUTES (15); claiming again extends it. 409 while another moderator's claim "
            + "runs, or once the item is decided")
    public Decisions.ItemState claim(@PathParam("id") long id) {
        return decisions.claim(current.requireModerator(), id);
    }

    @POST
    @Path("moderation/items/{id: [0-9]{1,18}}/decisions")
    @Operation(summary = "Moderators: decide on an item {action, reason, version}. 'approve' closes it and leaves the "
            + "post as it is (care lane: the person was looked after; review lane: no rule was broken); 'hide' closes "
            + "it and hides the post from readers, with a reason. 409 when the "
            + "version is stale, the item is decided or another moderator's claim runs. Recorded in the audit log")
    public Decisions.ItemState decide(@PathParam("id") long id, DecisionRequest request) {
        Viewer moderator = current.requireModerator();
        return decisions.decide(moderator, id,
                RequestBodies.valid(validator, request, "Send {action, reason, version}."));
    }

    @GET
    @Path("moderation/audit")
    @Operation(summary = "Moderators: the audit log of every moderator action, newest first, 50 a page: "
            + "{at, moderator, action, target, itemId, lane, postId, reason}")
    public List<Decisions.AuditView> audit(@QueryParam("page") String page) {
        current.requireModerator();
        return decisions.audit(Paging.page(page)).entries();
    }

    @PUT
    @Path("moderation/posts/{id: [0-9]{1,18}}")
    @Operation(summary = "Moderators: edit a post to take out identifying or method details {body, title, reason, "
            + "version}. The reason is needed and is shown under the post as 'Edited by a moderator'; title only for "
            + "an opening post. The words taken out are kept nowhere; the post stays in its thread. 409 on a stale "
            + "version. Recorded in the audit log")
    public org.haven.discussion.DiscussionViews.PostView redact(@PathParam("id") long id,
            org.haven.discussion.DiscussionRequests.ModeratorEdit request) {
        Viewer moderator = current.requireModerator();
        return discussion.redactByModerator(moderator, id,
                RequestBodies.valid(validator, request, "Send {body, title, reason, version}."));
    }

    @POST
    @Path("moderation/posts/{id: [0-9]{1,18}}/restore")
    @Operation(summary = "Moderators: show a hidden post again {reason}; the reason is needed and goes to the audit "
            + "log. 409 when the post is not hidden")
    public Response restore(@PathParam("id") long id, RestoreRequest request) {
        Viewer moderator = current.requireModerator();
        discussion.restoreByModerator(moderator, id, RequestBodies.valid(validator, request, "Send {reason}.")
                .reason());
        return Response.noContent().build();
    }

    @POST
    @Path("moderation/posts/{id: [0-9]{1,18}}/sanctions")
    @Operation(summary = "Moderators: act on the writer of a post without learning who they are {action, reason, "
            + "days}: 'warn', 'suspend' for days (1 to 365), 'ban' (no end) or 'lift' (end a suspension or ban now). "
            + "The reason is needed (but for a lift) and the writer reads it on their account page. A suspended or "
            + "banned member cannot post, edit or react, except in crisis language, which is always published. 409 "
            + "when the writer left Haven or is a moderator. Answers {postId, action, until}; recorded in the audit log")
    public WriterActions.Applied sanction(@PathParam("id") long id, SanctionRequest request) {
        Viewer moderator = current.requireModerator();
        return writerActions.act(moderator, id, RequestBodies.valid(validator, request,
                "Send {action, reason, days}."));
    }

    @GET
    @Path("moderation/dashboard")
    @Operation(summary = "Moderators: how the queue is doing: per lane the items waiting and how long the oldest has "
            + "(seconds), and over the last 30 days the median wait for a moderator's first action (a claim or a "
            + "decision) with how many items it covers and how many of those days' items still wait untouched")
    public Dashboard.Figures dashboard() {
        current.requireModerator();
        return dashboard.figures();
    }

    @GET
    @Path("moderation/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "Moderators: server-sent events, 'ready' at once and then 'care' {id, level, label, priority, "
            + "postId, threadId, postLink, createdAt} whenever a care item appears or rises at IDEATION or above (a "
            + "member's worry included), on whichever node the post was written; the post's words are not sent")
    public void stream(@Context SseEventSink sink, @Context Sse sse) {
        current.requireModerator();
        alerts.listen(sink, sse, current.sessionHash().orElseThrow(ApiException::unauthorized));
    }

    @POST
    @Path("posts/{id: [0-9]{1,18}}/reports")
    @Operation(summary = "Report a post to moderators. Reason 'at-risk' (\"I'm worried this person may be at risk\") "
            + "goes to the care lane, harassment, drug-sourcing, identifying-details, spam and other to the review "
            + "lane; an optional note (at most 500 characters). The post stays visible; a member reports a post once "
            + "(409 after that); past the hourly limit 429")
    public Response report(@PathParam("id") long id, ReportRequest request) {
        Viewer reporter = current.require();
        RequestBodies.valid(validator, request, "Send {reason, note}.");
        reports.admit(reporter);
        return Response.status(201).entity(reports.report(reporter, id, request)).build();
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
