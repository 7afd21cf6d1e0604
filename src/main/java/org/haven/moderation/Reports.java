package org.haven.moderation;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.List;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.haven.discussion.DiscussionService;
import org.haven.discussion.TextInput;
import org.haven.identity.MemberExport;
import org.haven.identity.MemberLeaving;
import org.haven.identity.Viewer;
import org.haven.platform.Clock;
import org.haven.web.ApiException;
import org.haven.web.Throttle;

/**
 * Members' reports of posts. "I'm worried this person may be at risk" goes to the care lane, as CRISIS.md asks:
 * to moderators, never as an automatic message to the person, which elsewhere became a way to harass. Every other
 * reason goes to the review lane. A report joins the post's pending item in its lane (one item per post and lane,
 * raised by each member who reports it) and never hides the post.
 */
@ApplicationScoped
public class Reports {

    private static final Logger LOG = Logger.getLogger(Reports.class.getName());

    @PersistenceContext(unitName = "haven")
    EntityManager em;

    @Inject
    DiscussionService discussion;

    @Inject
    Clock clock;

    @Inject
    Throttle throttle;

    @Inject
    @ConfigProperty(name = "haven.limit.reports.per.hour", defaultValue = "30")
    int reportsPerHour;

    static final String TOO_MANY = "You have sent many reports in the last hour; moderators have them all. Please wait "
            + "a little before the next one. If someone is in danger right now, call your local emergency number.";

    /**
     * Counts a report attempt against the member's hourly limit (moderators have none), outside any transaction as
     * request limits are; past it a 429 says when to try again.
     */
    public void admit(Viewer reporter) {
        if (!reporter.canModerate()) {
            throttle.hit("reports", Long.toString(reporter.memberId()), reportsPerHour, Duration.ofHours(1), TOO_MANY);
        }
    }

    /** What the reporter is told: the report arrived, and in which lane moderators will see it. */
    public record Received(long postId, String reason, String lane) {
    }

    @Transactional
    public Received report(Viewer reporter, long postId, ReportRequest request) {
        ReportReason reason = ReportReason.of(request.reason()).orElseThrow(() -> ApiException.invalid("reason",
                "Choose a reason: " + ReportReason.CHOICES + "."));
        String note = TextInput.optional(request.note(), "note", PostReport.MAX_NOTE,
                "A note has at most " + PostReport.MAX_NOTE + " characters.");
        long threadId = discussion.threadOfReportable(postId); // locks the post: one item however many report at once
        Lane lane = reason.lane();
        // the item's row too (after the post's): a moderator's claim or decision may be changing it right now, and a
        // report read from before that would fail its version check at commit and be lost
        ModerationItem item = em.createNamedQuery("ModerationItem.pendingOfPost", ModerationItem.class)
                .setParameter("post", postId).setParameter("lane", lane).setParameter("status", ItemStatus.PENDING)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultStream().findFirst().orElse(null);
        if (item == null) {
            item = ModerationItem.reported(postId, threadId, lane, clock.now());
            em.persist(item);
            em.flush();
        } else if (em.createNamedQuery("PostReport.byReporterOnItem", Long.class).setParameter("item", item.id())
                .setParameter("reporter", reporter.memberId()).getSingleResult() > 0) {
            throw ApiException.conflict("You have already reported this post, and moderators have your report.");
        }
        em.persist(new PostReport(item.id(), reporter.memberId(), reason, note, clock.now()));
        item.reportAdded(clock.now());
        long itemId = item.id();
        LOG.info(() -> "a report of post " + postId + " joined moderation item " + itemId);
        return new Received(postId, reason.slug(), lane.name().toLowerCase(java.util.Locale.ROOT));
    }

    /**
     * A reporter leaves: their reports and notes go with them. The items stay: a review item counts one report
     * less, a care item keeps its place (see {@link ModerationItem#reportWithdrawn}). Runs after discussions have locked the member's posts: items after posts,
     * as every writer takes them.
     */
    void onMemberLeaving(@Observes @Priority(Interceptor.Priority.APPLICATION + 600) MemberLeaving leaving) {
        em.createNamedQuery("PostReport.itemsOfReporter", ModerationItem.class)
                .setParameter("reporter", leaving.memberId()).setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList().forEach(ModerationItem::reportWithdrawn);
        em.createNamedQuery("PostReport.deleteOfReporter").setParameter("reporter", leaving.memberId()).executeUpdate();
    }

    /** The reports a member wrote are theirs to download: the post, the reason, the note, never anyone else. */
    void onExport(@Observes MemberExport export) {
        List<Object[]> rows = em.createNamedQuery("PostReport.withPostOfReporter", Object[].class)
                .setParameter("reporter", export.memberId()).getResultList();
        JsonArrayBuilder reports = Json.createArrayBuilder();
        for (Object[] row : rows) {
            PostReport report = (PostReport) row[0];
            JsonObjectBuilder entry = Json.createObjectBuilder().add("postId", (Long) row[1])
                    .add("reason", report.reason().slug()).add("createdAt", report.createdAt().toString());
            if (report.note() != null) {
                entry.add("note", report.note());
            }
            reports.add(entry);
        }
        export.document().add("reports", reports);
    }
}
