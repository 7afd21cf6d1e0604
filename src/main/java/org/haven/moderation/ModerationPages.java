package org.haven.moderation;

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
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.haven.crisis.CrisisLevel;
import org.haven.discussion.DiscussionService;
import org.haven.identity.CurrentMember;
import org.haven.identity.Viewer;
import org.haven.web.ApiException;
import org.haven.web.FormErrors;
import org.haven.web.Pages;
import org.haven.web.Paging;

/**
 * The moderators' pages of the two lanes ({@code /moderation}, {@code ?lane=review}): in the care lane who may be
 * at risk, most severe first and then longest waiting, with the words that made the detector speak, what members
 * reported and a link to the post in its thread. Volunteer moderators work in the browser; until this page the care
 * lane was only an API answer. It reads what {@link CareQueue#pending} answers through the API, so both show the
 * same items in the same order, with forms to claim and decide on each, and the audit log
 * ({@code /moderation/audit}). Also the report form members reach from every post ({@code /posts/{id}/report}).
 */
@Path("")
@Produces(MediaType.TEXT_HTML)
public class ModerationPages {

    @Inject
    CareQueue care;

    @Inject
    CurrentMember current;

    @Inject
    Pages pages;

    @Inject
    Reports reports;

    @Inject
    DiscussionService discussion;

    @Inject
    Validator validator;

    @Inject
    Decisions decisions;

    @Inject
    Dashboard dashboard;

    /** The dashboard in sentences, one per line, for the top of the lanes. */
    static List<String> overview(Dashboard.Figures figures) {
        List<String> lines = new java.util.ArrayList<>();
        for (Dashboard.LaneFigures lane : figures.lanes()) {
            String name = "care".equals(lane.lane()) ? "Care lane" : "Review lane";
            lines.add(name + ": " + (lane.pending() == 0 || lane.oldestWaitingSeconds() == null ? "nothing waiting"
                    : lane.pending() + " waiting, the oldest for " + waited(lane.oldestWaitingSeconds())) + ".");
        }
        Dashboard.FirstAction first = figures.firstAction();
        String untouched = first.waitingUntouched() == 0 ? ""
                : "; " + first.waitingUntouched() + " still waiting for anyone";
        lines.add(first.items() == 0 ? "No item of the last " + first.days() + " days has been acted on yet" + untouched + "."
                : "Last " + first.days() + " days: a moderator first acted after " + waited(first.medianSeconds())
                        + " (median of " + first.items() + (first.items() == 1 ? " item" : " items") + ")" + untouched
                        + ".");
        return lines;
    }

    /** One care item as the page shows it. */
    public record CareLine(CareQueue.CareItemView item, String levelLabel, String levelClass, String waited,
            String since, String postLink, List<WordsRead> wordsRead, List<String> rules, String claimedUntil) {
    }

    /** Words the detector read, once each, with every rule that read them. */
    public record WordsRead(String text, String rules) {
    }

    @GET
    @Path("moderation")
    @Operation(hidden = true)
    public Response queue(@QueryParam("lane") String lane, @QueryParam("page") String page,
                          @QueryParam("done") String done) {
        if (current.viewer().isEmpty()) {
            // back to the lane asked for after signing in
            return Pages.seeOther("/sign-in?next=" + java.net.URLEncoder.encode(
                    "review".equals(lane) ? "/moderation?lane=review" : "/moderation",
                    java.nio.charset.StandardCharsets.UTF_8));
        }
        current.requireModerator();
        Lane shown = lane == null ? Lane.CARE : ModerationResource.lane(lane);
        String notice = "claimed".equals(done) ? "You have claimed the item; other moderators see that you are on it."
                : "decided".equals(done) ? "The item is closed, and your decision is in the audit log." : null;
        // "done" only picks one of these fixed sentences: nothing from the address is shown
        return lanePage(200, shown, Paging.page(page), notice, null, Map.of());
    }

    private Response lanePage(int status, Lane shown, int page, String notice, Long refusedItem,
                              Map<String, String> errors) {
        CareQueue.QueuePage queue = care.pendingPage(shown, page);
        List<CareLine> lines = queue.items().stream().map(ModerationPages::line).toList();
        Lane other = shown == Lane.CARE ? Lane.REVIEW : Lane.CARE;
        Map<String, Object> model = new HashMap<>();
        model.put("care", shown == Lane.CARE);
        model.put("lines", lines);
        model.put("page", queue.page());
        model.put("pageCount", queue.pageCount());
        model.put("pending", queue.pending());
        model.put("otherPending", care.countPending(other));
        model.put("notice", notice);
        model.put("refusedItem", refusedItem);
        model.put("errors", errors);
        model.put("overview", overview(dashboard.figures()));
        return pages.page(status, "moderation.jte", model);
    }

    @POST
    @Path("moderation/items/{id: [0-9]{1,18}}/claim")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response claim(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        return act(id, form, "claimed", () -> decisions.claim(current.requireModerator(), id));
    }

    @POST
    @Path("moderation/items/{id: [0-9]{1,18}}/decisions")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response decide(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        Long version = formVersion(form);
        DecisionRequest request = new DecisionRequest(form.getFirst("action"), form.getFirst("reason"), version);
        return act(id, form, "decided", () -> {
            Viewer moderator = current.requireModerator();
            Map<String, String> errors = FormErrors.check(validator, request);
            if (!errors.isEmpty()) {
                throw new ApiException(400, "Invalid input", errors.values().iterator().next(), List.of());
            }
            return decisions.decide(moderator, id, request);
        });
    }

    /** Runs a moderator's action from a page form: back to the lane on success, the lane with the refusal if not. */
    private Response act(long id, MultivaluedMap<String, String> form, String done,
                         java.util.function.Supplier<Decisions.ItemState> action) {
        if (current.viewer().isEmpty()) {
            return Pages.seeOther("/sign-in?next=/moderation");
        }
        current.requireModerator();
        Lane shown = "review".equals(form.getFirst("lane")) ? Lane.REVIEW : Lane.CARE;
        int page = formPage(form.getFirst("page"));
        try {
            action.get();
            // back to the page the moderator was on (it may now hold other items, or be past the end and say so)
            return Pages.seeOther("/moderation?" + (shown == Lane.CARE ? "" : "lane=review&")
                    + (page > 1 ? "page=" + page + "&" : "") + "done=" + done);
        } catch (ApiException refused) {
            if (refused.status() == 404 || refused.status() == 403) {
                throw refused;
            }
            return lanePage(refused.status(), shown, page, null, id,
                    Map.of("item-" + id, refused.toProblem().detail()));
        }
    }

    /** The version a form sent, or null when it is missing or not a number: validation answers it, as on the API. */
    private static Long formVersion(MultivaluedMap<String, String> form) {
        try {
            return Long.valueOf(String.valueOf(form.getFirst("version")).strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The lane page a form was sent from; a missing or odd value is the first page, the form's own doing. */
    private static int formPage(String raw) {
        try {
            return Paging.page(raw);
        } catch (ApiException odd) {
            return 1;
        }
    }

    @GET
    @Path("moderation/audit")
    @Operation(hidden = true)
    public Response audit(@QueryParam("page") String page) {
        if (current.viewer().isEmpty()) {
            return Pages.seeOther("/sign-in?next=/moderation/audit");
        }
        current.requireModerator();
        Decisions.AuditPage audit = decisions.audit(Paging.page(page));
        return pages.page("audit.jte", Map.of("entries", audit.entries().stream().map(ModerationPages::auditLine)
                .toList(), "page", audit.page(), "pageCount", audit.pageCount()));
    }

    /** One audit entry as the page shows it. */
    public record AuditLine(Decisions.AuditView entry, String when, String action, String postLink) {
    }

    private static AuditLine auditLine(Decisions.AuditView entry) {
        String action = switch (entry.action()) {
            case Decisions.CLAIM -> "Claimed";
            case "approve" -> "care".equals(entry.lane()) ? "Looked after (closed)" : "Kept the post (closed)";
            case "hide" -> "Hid the post (closed)";
            case Decisions.LOCK -> "Locked the thread";
            case Decisions.UNLOCK -> "Opened the thread again";
            case Decisions.MOVE -> "Moved the thread";
            case Decisions.RESTORE -> "Showed the post again";
            case Decisions.REDACT -> "Edited the post";
            case "warn" -> "Warned the writer";
            case "suspend" -> "Suspended the writer";
            case "ban" -> "Banned the writer";
            case "lift" -> "Lifted the writer's suspension";
            case "premoderate" -> "Changed pre-moderation";
            case "words-add" -> "Watched a word";
            case "words-change" -> "Changed a watched word";
            case "words-remove" -> "Stopped watching a word";
            default -> entry.action();
        };
        String link = entry.postId() != null ? "/posts/" + entry.postId()
                : entry.threadId() != null ? "/threads/" + entry.threadId() : null;
        return new AuditLine(entry, utc(entry.at()), action, link);
    }

    private static String utc(java.time.OffsetDateTime at) {
        return at.withOffsetSameInstant(java.time.ZoneOffset.UTC)
                .format(java.time.format.DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH));
    }

    // ---- a moderator edits a post to take details out

    @GET
    @Path("moderation/posts/{id: [0-9]{1,18}}/edit")
    @Operation(hidden = true)
    public Response redactForm(@PathParam("id") long id) {
        if (current.viewer().isEmpty()) {
            return Pages.seeOther("/sign-in?next=/moderation/posts/" + id + "/edit");
        }
        current.requireModerator();
        var post = discussion.forModeratorEdit(id);
        return redactPage(200, post, post.version(), post.body(), post.title(), "", Map.of());
    }

    @POST
    @Path("moderation/posts/{id: [0-9]{1,18}}/edit")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response redact(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        if (current.viewer().isEmpty()) {
            return Pages.seeOther("/sign-in?next=/moderation/posts/" + id + "/edit");
        }
        Viewer moderator = current.requireModerator();
        var post = discussion.forModeratorEdit(id);
        Long version = formVersion(form);
        var request = new org.haven.discussion.DiscussionRequests.ModeratorEdit(form.getFirst("body"),
                form.getFirst("title"), form.getFirst("reason"), version);
        Map<String, String> errors = FormErrors.check(validator, request);
        long sentVersion = version == null ? post.version() : version;
        if (!errors.isEmpty()) {
            // the version the moderator's text was based on goes back with it: a change meanwhile still refuses it
            return redactPage(400, post, sentVersion, request.body(), request.title(), request.reason(), errors);
        }
        try {
            discussion.redactByModerator(moderator, id, request);
            return Pages.seeOther("/posts/" + id);
        } catch (ApiException refused) {
            if (refused.status() == 404) {
                throw refused;
            }
            if (refused.status() == 409) {
                // someone changed the post since the form was opened: start again from the post as it is now, or a
                // second save of the old text would put back what another moderator took out
                var now = discussion.forModeratorEdit(id);
                return redactPage(409, now, now.version(), now.body(), now.title(), request.reason(),
                        FormErrors.of(refused));
            }
            return redactPage(refused.status(), post, sentVersion, request.body(), request.title(), request.reason(),
                    FormErrors.of(refused));
        }
    }

    private Response redactPage(int status, DiscussionService.ModeratorEditable post, long version, String body,
                                String title, String reason, Map<String, String> errors) {
        Map<String, Object> model = new HashMap<>();
        model.put("post", post);
        model.put("version", version);
        model.put("body", body == null ? "" : body);
        model.put("title", title == null ? "" : title);
        model.put("reason", reason == null ? "" : reason);
        model.put("errors", errors);
        return pages.page(status, "moderator-edit.jte", model);
    }

    // ---- a moderator acts on a post's writer

    @Inject
    WriterActions writerActions;

    @GET
    @Path("moderation/posts/{id: [0-9]{1,18}}/sanction")
    @Operation(hidden = true)
    public Response sanctionForm(@PathParam("id") long id) {
        if (current.viewer().isEmpty()) {
            return Pages.seeOther("/sign-in?next=/moderation/posts/" + id + "/sanction");
        }
        current.requireModerator();
        return sanctionPage(200, id, "warn", "", "7", Map.of());
    }

    @POST
    @Path("moderation/posts/{id: [0-9]{1,18}}/sanction")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response sanction(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        if (current.viewer().isEmpty()) {
            return Pages.seeOther("/sign-in?next=/moderation/posts/" + id + "/sanction");
        }
        Viewer moderator = current.requireModerator();
        String action = form.getFirst("action");
        String reason = form.getFirst("reason");
        String days = form.getFirst("days");
        // what was typed, as a JSON number when it is one: the action reads it as strictly as from the API
        jakarta.json.JsonValue sentDays = days == null || days.isBlank() ? jakarta.json.JsonValue.NULL
                : days.strip().matches("[0-9]{1,9}") ? jakarta.json.Json.createValue(Integer.parseInt(days.strip()))
                : jakarta.json.Json.createValue(days);
        SanctionRequest request = new SanctionRequest(action, reason, sentDays);
        Map<String, String> errors = FormErrors.check(validator, request);
        if (!errors.isEmpty()) {
            return sanctionPage(400, id, action, reason, days, errors);
        }
        try {
            writerActions.act(moderator, id, request);
            return Pages.seeOther("/posts/" + id);
        } catch (ApiException refused) {
            if (refused.status() == 404) {
                throw refused;
            }
            return sanctionPage(refused.status(), id, action, reason, days, FormErrors.of(refused));
        }
    }

    private Response sanctionPage(int status, long postId, String action, String reason, String days,
                                  Map<String, String> errors) {
        DiscussionService.ListedPost post = discussion.listed(List.of(postId), 280).get(postId);
        if (post == null) {
            throw ApiException.notFound("That post");
        }
        Map<String, Object> model = new HashMap<>();
        model.put("postId", postId);
        model.put("threadId", discussion.threadOf(postId));
        model.put("excerpt", post.excerpt());
        model.put("action", action == null ? "" : action);
        model.put("reason", reason == null ? "" : reason);
        model.put("days", days == null ? "" : days);
        model.put("maxDays", WriterActions.MAX_DAYS);
        model.put("errors", errors);
        return pages.page(status, "sanction.jte", model);
    }

    // ---- a moderator shows a hidden post again

    @GET
    @Path("moderation/posts/{id: [0-9]{1,18}}/restore")
    @Operation(hidden = true)
    public Response restoreForm(@PathParam("id") long id) {
        if (current.viewer().isEmpty()) {
            return Pages.seeOther("/sign-in?next=/moderation/posts/" + id + "/restore");
        }
        current.requireModerator();
        return restorePage(200, discussion.hidden(id, 280), "", Map.of());
    }

    @POST
    @Path("moderation/posts/{id: [0-9]{1,18}}/restore")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response restore(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        if (current.viewer().isEmpty()) {
            return Pages.seeOther("/sign-in?next=/moderation/posts/" + id + "/restore");
        }
        Viewer moderator = current.requireModerator();
        var post = discussion.hidden(id, 280);
        String reason = form.getFirst("reason");
        Map<String, String> errors = FormErrors.check(validator, new RestoreRequest(reason));
        if (!errors.isEmpty()) {
            return restorePage(400, post, reason, errors);
        }
        try {
            discussion.restoreByModerator(moderator, id, reason);
            return Pages.seeOther("/posts/" + id);
        } catch (ApiException refused) {
            if (refused.status() == 404) {
                throw refused;
            }
            return restorePage(refused.status(), post, reason, FormErrors.of(refused));
        }
    }

    private Response restorePage(int status, DiscussionService.PostGlimpse post, String reason,
                                 Map<String, String> errors) {
        return pages.page(status, "restore.jte", Map.of("post", post, "reason", reason == null ? "" : reason,
                "errors", errors));
    }

    // ---- a member reports a post

    @GET
    @Path("posts/{id: [0-9]{1,18}}/report")
    @Operation(hidden = true)
    public Response reportForm(@PathParam("id") long id, @QueryParam("sent") String sent) {
        if (current.viewer().isEmpty()) {
            return Pages.seeOther("/sign-in?next=/posts/" + id + "/report");
        }
        var post = discussion.reportable(id, 280);
        if (sent != null) {
            return pages.page("report-sent.jte", Map.of("post", post,
                    "atRisk", ReportReason.AT_RISK.slug().equals(sent)));
        }
        return reportPage(200, post, null, "", Map.of());
    }

    @POST
    @Path("posts/{id: [0-9]{1,18}}/report")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response report(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        Viewer viewer = current.viewer().orElse(null);
        if (viewer == null) {
            return Pages.seeOther("/sign-in?next=/posts/" + id + "/report");
        }
        var post = discussion.reportable(id, 280);
        String reason = form.getFirst("reason");
        String note = form.getFirst("note");
        ReportRequest request = new ReportRequest(reason, note);
        Map<String, String> errors = FormErrors.check(validator, request);
        if (!errors.isEmpty()) {
            return reportPage(400, post, reason, note, errors);
        }
        try {
            reports.admit(viewer);
            var received = reports.report(viewer, id, request);
            return Pages.seeOther("/posts/" + id + "/report?sent=" + received.reason());
        } catch (ApiException refused) {
            if (refused.status() == 404) {
                throw refused;
            }
            return Pages.refusal(refused, reportPage(refused.status(), post, reason, note, FormErrors.of(refused)));
        }
    }

    private Response reportPage(int status, DiscussionService.PostGlimpse post, String reason, String note,
                                Map<String, String> errors) {
        Map<String, Object> model = new HashMap<>();
        model.put("post", post);
        model.put("reasons", List.of(ReportReason.values()));
        model.put("reason", reason);
        model.put("note", note == null ? "" : note);
        model.put("errors", errors);
        return pages.page(status, "report.jte", model);
    }

    private static CareLine line(CareQueue.CareItemView item) {
        String label;
        String levelClass;
        if ("care".equals(item.lane())) {
            label = careLabel(item.level(), item.reportCount());
            levelClass = item.level() == null ? "level-worry"
                    : "level-" + item.level().name().toLowerCase(Locale.ROOT);
        } else {
            label = reviewLabel(item);
            levelClass = "level-review";
        }
        // the detector's rules alone: reasons also name what members reported, which the page lists apart
        List<String> reported = item.reports().stream().map(CareQueue.ReportView::reason).toList();
        List<String> rules = item.reasons().stream().filter(r -> !reported.contains(r)).toList();
        String since = utc(item.createdAt());
        return new CareLine(item, label, levelClass, waited(item.waitingSeconds()), since,
                item.postId() == null ? null : "/posts/" + item.postId(), wordsRead(item.matches()), rules,
                item.claimedUntil() == null ? null : item.claimedUntil().withOffsetSameInstant(java.time.ZoneOffset.UTC)
                        .format(java.time.format.DateTimeFormatter.ofPattern("HH:mm 'UTC'", Locale.ENGLISH)));
    }

    /**
     * The matched spans, each distinct text once in the order first read: several rules often read the same words
     * ("want to die" is both a wish and a first-person wish), and a volunteer needs the words, not the repeats.
     */
    static List<WordsRead> wordsRead(List<Map<String, Object>> matches) {
        Map<String, java.util.LinkedHashSet<String>> rulesByText = new java.util.LinkedHashMap<>();
        for (Map<String, Object> match : matches) {
            rulesByText.computeIfAbsent(String.valueOf(match.get("text")), t -> new java.util.LinkedHashSet<>())
                    .add(String.valueOf(match.get("rule")));
        }
        return rulesByText.entrySet().stream()
                .map(e -> new WordsRead(e.getKey(), String.join(", ", e.getValue()))).toList();
    }

    /**
     * A care item in the words a volunteer acts on: the level the detector read, and whether members are worried
     * ({@code reports}: how many reported the post, those who have since left included).
     */
    static String careLabel(CrisisLevel level, int reports) {
        if (level == null) {
            return reports > 1 ? "Members are worried about this person" : "A member is worried about this person";
        }
        return levelLabel(level) + (reports == 0 ? "" : reports > 1 ? ", and members are worried"
                : ", and a member is worried");
    }

    /** What the level means, in the words a volunteer acts on. */
    /** What brought a review item: watched words (a post held for approval, or flagged), members' reports, or both. */
    static String reviewLabel(CareQueue.CareItemView item) {
        List<String> reported = item.reports().stream().map(CareQueue.ReportView::reason).toList();
        String newcomerReason = org.haven.screening.Premoderation.REASON;
        boolean newcomer = item.reasons().contains(newcomerReason);
        String words = String.join(", ", item.reasons().stream()
                .filter(r -> !reported.contains(r) && !r.equals(newcomerReason)).map(w -> "\u201c" + w + "\u201d")
                .toList());
        String reports = item.reports().isEmpty() ? null : "Reported: " + String.join("; ", item.reports().stream()
                .map(CareQueue.ReportView::label).distinct().toList());
        String screened;
        if ("held".equals(item.kind())) {
            String why = newcomer ? "a new member's first post" : "";
            why += words.isEmpty() ? "" : (why.isEmpty() ? "" : "; ") + "watched words: " + words;
            screened = "Waiting for approval (" + why + ")";
        } else {
            screened = words.isEmpty() ? null : "Flagged by watched words: " + words;
        }
        if (screened == null) {
            return reports != null ? reports : "Reported (the member who reported it has since left Haven)";
        }
        return reports == null ? screened : screened + ". " + reports;
    }

    static String levelLabel(CrisisLevel level) {
        if (level == null) {
            return "Care";
        }
        return switch (level) {
            case IMMINENT -> "Imminent danger";
            case IDEATION -> "Thoughts of suicide or self-harm";
            case CONCERN -> "Concern";
            case NONE -> "Care";
        };
    }

    /** How long an item has waited, to the unit that matters at that length: "4 min", "2 h 5 min", "3 days". */
    static String waited(long seconds) {
        long minutes = Math.max(0, seconds) / 60;
        if (minutes < 1) {
            return "under a minute";
        }
        if (minutes < 60) {
            return minutes + " min";
        }
        long hours = minutes / 60;
        if (hours < 24) {
            return minutes % 60 == 0 ? hours + " h" : hours + " h " + minutes % 60 + " min";
        }
        long days = hours / 24;
        return days == 1 ? "1 day" : days + " days";
    }
}
