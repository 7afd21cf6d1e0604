package org.haven.discussion;

import jakarta.inject.Inject;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.haven.content.ContentRenderer;
import org.haven.crisis.CrisisHelp;
import org.haven.crisis.CrisisLevel;
import org.haven.crisis.CrisisService;
import org.haven.identity.CurrentMember;
import org.haven.identity.Viewer;
import org.haven.topic.TopicService;
import org.haven.web.ApiException;
import org.haven.web.FormErrors;
import org.haven.web.Pages;
import org.haven.web.Paging;

/**
 * The reading and writing pages: home, topic, thread, new thread, reply, edit, delete, reactions.
 * Every form works without JavaScript: it posts, and either redirects (post/redirect/get) or shows the
 * form again with the member's text and a message beside each problem.
 */
@Path("")
@Produces(MediaType.TEXT_HTML)
public class DiscussionPages {

    private static final String ID = "{id: [0-9]{1,18}}";

    @Inject
    DiscussionService discussion;

    @Inject
    TopicService topics;

    @Inject
    CurrentMember current;

    @Inject
    Pages pages;

    @Inject
    Validator validator;

    @Inject
    ContentRenderer renderer;

    @Inject
    CrisisService crisis;

    @Inject
    PostingLimit postingLimit;

    @GET
    @Operation(hidden = true)
    public Response home() {
        return pages.page("home.jte", Map.of("topics", topics.all(), "recent", discussion.recent(10)));
    }

    @GET
    @Path("topics/{slug}")
    @Operation(hidden = true)
    public Response topic(@PathParam("slug") String slug, @QueryParam("page") String page) {
        TopicService.TopicView topic = TopicService.TopicView.of(topics.require(slug));
        return pages.page("topic.jte", Map.of("topic", topic, "threads", discussion.threadsOf(slug, Paging.page(page))));
    }

    @GET
    @Path("threads/" + ID)
    @Operation(hidden = true)
    public Response thread(@PathParam("id") long id, @QueryParam("page") String page, @QueryParam("help") String help) {
        // ?help= comes from the redirect after the viewer posted at IDEATION or above: show them help first
        CrisisHelp writerHelp = null;
        if (current.viewer().isPresent() && ("imminent".equals(help) || "ideation".equals(help))) {
            writerHelp = crisis.helpFor(CrisisLevel.valueOf(help.toUpperCase(java.util.Locale.ROOT)),
                    current.viewer().get().country()).orElse(null);
        }
        return threadPage(200, id, Paging.page(page), Map.of(), "", null, null, writerHelp);
    }

    private Response threadPage(int status, long id, int page, Map<String, String> errors, String draft, String previewHtml,
            CrisisHelp previewHelp, CrisisHelp writerHelp) {
        return threadPage(status, id, page, errors, draft, previewHtml, previewHelp, writerHelp, Map.of(), null);
    }

    /** {@code move}: a refused move form, shown again with what the moderator chose and wrote. */
    private Response threadPage(int status, long id, int page, Map<String, String> errors, String draft, String previewHtml,
            CrisisHelp previewHelp, CrisisHelp writerHelp, Map<String, String> moderatorErrors,
            DiscussionRequests.Move move) {
        Viewer viewer = current.viewer().orElse(null);
        var view = discussion.read(id, page, viewer);
        Map<String, Object> model = new HashMap<>();
        model.put("thread", view);
        model.put("errors", errors);
        model.put("moderatorErrors", moderatorErrors);
        model.put("move", move);
        model.put("topics", viewer != null && viewer.canModerate() ? topics.all() : java.util.List.of());
        model.put("draft", draft == null ? "" : draft);
        model.put("previewHtml", previewHtml);
        model.put("previewHelp", previewHelp);
        model.put("writerHelp", writerHelp);
        return pages.page(status, "thread.jte", model);
    }

    /** The help panel a preview shows before posting (the same check the post will get). */
    private CrisisHelp previewHelp(Viewer viewer, String text) {
        return crisis.helpFor(crisis.check(text).level(), viewer.country()).orElse(null);
    }

    /** Where to go after posting: the post, with the writer's help panel when the post needs it. */
    private static String afterPosting(long threadId, int page, long postId, CrisisHelp help) {
        String query = "?page=" + page + (help == null ? "" : "&help=" + help.level().name().toLowerCase(java.util.Locale.ROOT));
        return "/threads/" + threadId + query + "#" + (help == null ? "post-" + postId : "help-panel");
    }

    @GET
    @Path("threads/new")
    @Operation(hidden = true)
    public Response newThreadForm(@QueryParam("topic") String topicSlug) {
        if (current.viewer().isEmpty()) {
            return signInFirst("/threads/new?topic=" + encode(topicSlug));
        }
        return composePage(200, topicSlug, Map.of(), "", "", false, null, null);
    }

    @POST
    @Path("threads/new")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response startThread(MultivaluedMap<String, String> form) {
        String topicSlug = form.getFirst("topic");
        String title = form.getFirst("title");
        String body = form.getFirst("body");
        String anonymous = form.getFirst("anonymous");
        String action = form.getFirst("action");
        Viewer viewer = current.viewer().orElse(null);
        if (viewer == null) {
            return signInFirst("/threads/new?topic=" + encode(topicSlug));
        }
        boolean anon = "true".equals(anonymous);
        var request = new DiscussionRequests.NewThread(title, body, anon);
        Map<String, String> errors = FormErrors.check(validator, request);
        if (!errors.isEmpty()) {
            return composePage(400, topicSlug, errors, title, body, anon, null, null);
        }
        if ("preview".equals(action)) {
            return composePage(200, topicSlug, Map.of(), title, body, anon, renderer.toSafeHtml(body),
                    previewHelp(viewer, title + "\n\n" + body));
        }
        try {
            var created = postingLimit.write(viewer, () -> DiscussionService.checkedTextOfThread(title, body),
                    () -> discussion.startThread(viewer, topicSlug, request));
            return Pages.seeOther(afterPosting(created.id(), 1, created.post().id(), created.crisis()));
        } catch (ApiException refused) {
            if (refused.status() == 404) {
                throw refused;
            }
            return Pages.refusal(refused, composePage(refused.status(), topicSlug, FormErrors.of(refused), title, body, anon,
                    null, null));
        }
    }

    private Response composePage(int status, String topicSlug, Map<String, String> errors, String title, String body,
            boolean anonymous, String previewHtml, CrisisHelp help) {
        Map<String, Object> model = new HashMap<>();
        model.put("help", help);
        model.put("topic", TopicService.TopicView.of(topics.require(topicSlug)));
        model.put("errors", errors);
        model.put("title", title == null ? "" : title);
        model.put("body", body == null ? "" : body);
        model.put("anonymous", anonymous);
        model.put("previewHtml", previewHtml);
        return pages.page(status, "compose.jte", model);
    }

    @POST
    @Path("threads/" + ID + "/reply")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response reply(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        String body = form.getFirst("body");
        String anonymous = form.getFirst("anonymous");
        String action = form.getFirst("action");
        Viewer viewer = current.viewer().orElse(null);
        if (viewer == null) {
            return signInFirst("/threads/" + id);
        }
        var request = new DiscussionRequests.NewPost(body, "true".equals(anonymous));
        Map<String, String> errors = FormErrors.check(validator, request);
        if (!errors.isEmpty()) {
            return threadPage(400, id, 1, errors, body, null, null, null);
        }
        if ("preview".equals(action)) {
            return threadPage(200, id, 1, Map.of(), body, renderer.toSafeHtml(body), previewHelp(viewer, body), null);
        }
        try {
            var created = postingLimit.write(viewer, () -> DiscussionService.checkedTextOfReply(body),
                    () -> discussion.reply(viewer, id, request));
            // the page that holds the reply, by one count: the last page, read after the reply, can already be
            // further on when others replied in the meantime
            return Pages.seeOther(afterPosting(id, discussion.pageOf(created.id()), created.id(), created.crisis()));
        } catch (ApiException refused) {
            if (refused.status() == 404) {
                throw refused;
            }
            return Pages.refusal(refused, threadPage(refused.status(), id, 1, FormErrors.of(refused), body, null, null, null));
        }
    }

    /** A post's lasting address: the page of its thread that shows it now. */
    @GET
    @Path("posts/" + ID)
    @Operation(hidden = true)
    public Response post(@PathParam("id") long id) {
        return Pages.seeOther(discussion.addressOf(id));
    }

    @GET
    @Path("posts/" + ID + "/edit")
    @Operation(hidden = true)
    public Response editForm(@PathParam("id") long id) {
        Viewer viewer = current.viewer().orElse(null);
        if (viewer == null) {
            return signInFirst("/posts/" + id + "/edit");
        }
        var post = discussion.postForEdit(viewer, id);
        return editPage(200, post, post.body(), Map.of());
    }

    @POST
    @Path("posts/" + ID + "/edit")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response edit(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        String body = form.getFirst("body");
        String version = form.getFirst("version");
        Viewer viewer = current.viewer().orElse(null);
        if (viewer == null) {
            return signInFirst("/posts/" + id + "/edit");
        }
        var post = discussion.postForEdit(viewer, id);
        long seen;
        try {
            seen = Long.parseLong(version);
        } catch (NumberFormatException e) {
            seen = -1;
        }
        var request = new DiscussionRequests.EditPost(body, seen);
        Map<String, String> errors = FormErrors.check(validator, request);
        if (!errors.isEmpty()) {
            return editPage(400, post, body, errors);
        }
        try {
            CrisisHelp help = postingLimit.write(viewer, () -> discussion.checkedTextOfEdit(id, body),
                    () -> discussion.edit(viewer, id, request)).crisis();
            // the page that holds the post, not page 1: in a long thread the writer's post and help are further on
            return Pages.seeOther(afterPosting(post.threadId(), discussion.pageOf(id), id, help));
        } catch (ApiException refused) {
            return Pages.refusal(refused, editPage(refused.status(), post, body, FormErrors.of(refused)));
        }
    }

    private Response editPage(int status, DiscussionService.EditablePost post, String body, Map<String, String> errors) {
        return pages.page(status, "edit-post.jte", Map.of("postId", post.id(), "threadId", post.threadId(),
                "version", post.version(), "body", body == null ? "" : body, "errors", errors));
    }

    @POST
    @Path("posts/" + ID + "/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response delete(@PathParam("id") long id) {
        Viewer viewer = current.viewer().orElse(null);
        if (viewer == null) {
            return signInFirst("/");
        }
        long threadId = discussion.postForEdit(viewer, id).threadId();
        discussion.delete(viewer, id);
        return Pages.seeOther("/threads/" + threadId);
    }

    @POST
    @Path("posts/" + ID + "/{kind: helpful|support}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response react(@PathParam("id") long id, @PathParam("kind") String kind) {
        Viewer viewer = current.viewer().orElse(null);
        if (viewer == null) {
            return signInFirst("/");
        }
        long threadId = discussion.react(viewer, id, kind).threadId();
        return Pages.seeOther("/threads/" + threadId + "#post-" + id);
    }

    /** Moderators: move the thread to another topic (the form under the thread). */
    @POST
    @Path("threads/" + ID + "/move")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response move(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        if (current.viewer().isEmpty()) {
            return signInFirst("/threads/" + id);
        }
        Viewer moderator = current.requireModerator();
        var request = new DiscussionRequests.Move(form.getFirst("topic"), form.getFirst("reason"));
        Map<String, String> errors = FormErrors.check(validator, request);
        try {
            if (errors.isEmpty()) {
                discussion.move(moderator, id, request);
                return Pages.seeOther("/threads/" + id);
            }
        } catch (ApiException refused) {
            if (refused.status() != 400) {
                throw refused;
            }
            errors = FormErrors.of(refused);
        }
        return threadPage(400, id, 1, Map.of(), null, null, null, null, errors, request);
    }

    /** Moderators: lock the thread, or open it again (the button under the thread). */
    @POST
    @Path("threads/" + ID + "/lock")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response lock(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        if (current.viewer().isEmpty()) {
            return signInFirst("/threads/" + id);
        }
        Viewer moderator = current.requireModerator();
        discussion.setLocked(moderator, id, new DiscussionRequests.LockChange("true".equals(form.getFirst("locked")), null));
        return Pages.seeOther("/threads/" + id);
    }

    private static Response signInFirst(String next) {
        return Pages.seeOther("/sign-in?next=" + encode(next));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }
}
