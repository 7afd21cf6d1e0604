package org.haven.moderation;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.interceptor.Interceptor;
import jakarta.transaction.Transactional;
import java.io.StringReader;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.haven.crisis.CrisisDetected;
import org.haven.crisis.CrisisLevel;
import org.haven.crisis.CrisisMatch;
import org.haven.discussion.ChangeSequence;
import org.haven.discussion.DiscussionService;
import org.haven.identity.MemberLeaving;
import org.haven.platform.Clock;

/**
 * The care lane: records a care item for every post written at CONCERN or above (one pending item per
 * post), lists pending items to moderators most severe first and then oldest first, and deletes items
 * (with their detection details) once the retention period has passed.
 */
@ApplicationScoped
public class CareQueue {

    private static final Logger LOG = Logger.getLogger(CareQueue.class.getName());
    private static final int MAX_SPANS = 20;
    private static final int MAX_SPAN_TEXT = 200;
    /** The spans column's size. */
    private static final int MAX_SPANS_JSON = 4000;
    public static final int PAGE_SIZE = 50;

    @PersistenceContext(unitName = "haven")
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    DiscussionService discussion;

    @Inject
    ChangeSequence changes;

    @Inject
    @ConfigProperty(name = "haven.care.retention.days", defaultValue = "90")
    int retentionDays;

    /**
     * An item as moderators see it. {@code reasons} are the rules that fired and the reasons members reported;
     * {@code matches} are the spans that made the detector speak; {@code reports} say what members reported, never
     * who.
     */
    public record CareItemView(long id, String lane, String kind, int priority, CrisisLevel level, Long postId,
            Long threadId, String excerpt, List<String> reasons, List<Map<String, Object>> matches,
            List<ReportView> reports, int reportCount, OffsetDateTime createdAt, long waitingSeconds, long version,
            String claimedBy, OffsetDateTime claimedUntil, boolean postHidden) {
    }

    /** One member's report, without the member. */
    public record ReportView(String reason, String label, String note, OffsetDateTime createdAt) {
    }

    public record Queue(List<CareItemView> items, int page) {
    }

    /** A page of the queue with how many items wait in all, for the moderators' page. */
    public record QueuePage(List<CareItemView> items, int page, int pageCount, long pending) {
    }

    /**
     * Runs inside the post's transaction: the item is stored with the post or not at all. A post that already
     * waits in the care lane (written earlier, or reported by a member) keeps its one item, which takes the more
     * severe level when an edit raises it.
     */
    void onCrisis(@Observes CrisisDetected detected) {
        if (!detected.verdict().level().atLeast(CrisisLevel.CONCERN)) {
            return;
        }
        var verdict = detected.verdict();
        String rules = String.join(",", verdict.rules());
        rules = rules.length() > 1000 ? rules.substring(0, 1000) : rules;
        // locked, after the post the write holds: a moderator's claim at the same moment must not make this edit fail
        ModerationItem pending = em.createNamedQuery("ModerationItem.pendingOfPost", ModerationItem.class)
                .setParameter("post", detected.postId()).setParameter("lane", Lane.CARE)
                .setParameter("status", ItemStatus.PENDING).setLockMode(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
                .getResultStream().findFirst().orElse(null);
        if (pending != null) {
            pending.detected(verdict.level(), rules, spans(verdict.matches()), clock.now());
            return;
        }
        ModerationItem item = ModerationItem.care(detected.postId(), detected.threadId(), verdict.level(), rules,
                spans(verdict.matches()), clock.now());
        em.persist(item);
        em.flush();
        LOG.info(() -> "care item " + item.id() + " for post " + detected.postId());
    }

    /**
     * A member deleted their account and erased their posts. The care items about those posts stay in the queue:
     * someone in danger who deletes their account is a reason for moderators to look, not to look away, and the
     * thread stays readable. But the matched spans quote the words the member asked to have erased, so they go;
     * the level, the rule ids and the time stay, until retention removes the item as always. Runs before
     * discussions detach the posts from the member (lower priority first), and takes its locks in the order every
     * writer does: the change counter, then the posts, then their items (a report locks its post, then the item).
     */
    void onMemberLeaving(@Observes @Priority(Interceptor.Priority.APPLICATION) MemberLeaving leaving) {
        if (!leaving.erasePosts()) {
            return;
        }
        changes.reserve(0);
        em.createNativeQuery("SELECT id FROM post WHERE author_id = ?1 FOR UPDATE").setParameter(1, leaving.memberId())
                .getResultList();
        int cleared = em.createNativeQuery("UPDATE moderation_item SET spans = '[]' WHERE post_id IN "
                        + "(SELECT id FROM post WHERE author_id = ?1)")
                .setParameter(1, leaving.memberId()).executeUpdate();
        LOG.fine(() -> cleared + " moderation items lost their quoted spans with a leaving member's erased posts");
    }

    /**
     * A moderator edited details out of a post: the phrases the detector quoted from it go from its items too (they
     * may be the very amount or place taken out), and so do members' notes on them (a report of identifying details
     * tends to repeat them). The level, the rules and the reasons stay, so the item keeps its place. Native updates
     * after the post's lock, as every writer orders them; the items move to a new version, so that a decision taken
     * on what the lane showed before the edit is refused as stale.
     */
    void onPostRedacted(@Observes org.haven.discussion.PostRedacted redacted) {
        em.createNativeQuery("UPDATE moderation_item SET spans = '[]', version = version + 1 WHERE post_id = ?1")
                .setParameter(1, redacted.postId()).executeUpdate();
        em.createNativeQuery("UPDATE post_report SET note = NULL WHERE item_id IN "
                + "(SELECT id FROM moderation_item WHERE post_id = ?1)").setParameter(1, redacted.postId()).executeUpdate();
    }

    /** The spans as JSON, as many as fit the column: the first ones, since they come in the order of the text. */
    private static String spans(List<CrisisMatch> matches) {
        StringBuilder json = new StringBuilder("[");
        for (CrisisMatch m : matches.subList(0, Math.min(matches.size(), MAX_SPANS))) {
            String span = Json.createObjectBuilder().add("start", m.start()).add("end", m.end())
                    .add("text", m.text().length() > MAX_SPAN_TEXT ? m.text().substring(0, MAX_SPAN_TEXT) : m.text())
                    .add("rule", m.ruleId()).build().toString();
            if (json.length() + 1 + span.length() + 1 > MAX_SPANS_JSON) {
                break;
            }
            json.append(json.length() > 1 ? "," : "").append(span);
        }
        return json.append(']').toString();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Queue pending(Lane lane, int page) {
        List<ModerationItem> items = em.createNamedQuery("ModerationItem.pending", ModerationItem.class)
                .setParameter("lane", lane).setParameter("status", ItemStatus.PENDING)
                .setFirstResult((page - 1) * PAGE_SIZE).setMaxResults(PAGE_SIZE).getResultList();
        Map<Long, DiscussionService.ListedPost> posts = discussion.listed(
                items.stream().map(ModerationItem::postId).toList(), 280);
        Map<Long, List<ReportView>> reports = new java.util.HashMap<>();
        if (!items.isEmpty()) {
            em.createNamedQuery("PostReport.ofItems", PostReport.class)
                    .setParameter("items", items.stream().map(ModerationItem::id).toList()).getResultStream()
                    .forEach(r -> reports.computeIfAbsent(r.itemId(), k -> new java.util.ArrayList<>())
                            .add(new ReportView(r.reason().slug(), r.reason().label(), r.note(), r.createdAt())));
        }
        OffsetDateTime now = clock.now();
        // a claim shows while it runs; one that lapsed is as good as none, and the item is anyone's again
        Map<Long, String> claimants = Decisions.pseudonyms(em,
                items.stream().filter(i -> i.claimHeld(now)).map(ModerationItem::claimedBy).toList());
        return new Queue(items.stream()
                .map(i -> view(i, posts.get(i.postId()), reports.getOrDefault(i.id(), List.of()),
                        i.claimHeld(now) ? claimants.get(i.claimedBy()) : null, now))
                .toList(),
                page);
    }

    /** Care items that appeared or rose at IDEATION's priority or above since {@code since}, for live alerts. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<CareAlerts.Alert> alertsSince(OffsetDateTime since) {
        return em.createNamedQuery("ModerationItem.alertsSince", ModerationItem.class)
                .setParameter("lane", Lane.CARE).setParameter("status", ItemStatus.PENDING)
                .setParameter("priority", ModerationItem.priorityOf(CrisisLevel.IDEATION))
                .setParameter("since", since).getResultStream()
                .map(i -> new CareAlerts.Alert(i.id(), i.crisisLevel(),
                        ModerationPages.careLabel(i.crisisLevel(), i.reports()), i.priority(), i.postId(),
                        i.threadId(), i.postId() == null ? null : "/posts/" + i.postId(), i.createdAt()))
                .toList();
    }

    /** How many items wait in {@code lane}. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public long countPending(Lane lane) {
        return em.createNamedQuery("ModerationItem.countPending", Long.class).setParameter("lane", lane)
                .setParameter("status", ItemStatus.PENDING).getSingleResult();
    }

    /** {@link #pending}, with the number of pending items and pages, for the moderators' page. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public QueuePage pendingPage(Lane lane, int page) {
        long pending = countPending(lane);
        int pageCount = (int) Math.max(1, (pending + PAGE_SIZE - 1) / PAGE_SIZE);
        return new QueuePage(pending(lane, page).items(), page, pageCount, pending);
    }

    private static CareItemView view(ModerationItem i, DiscussionService.ListedPost post, List<ReportView> reports,
                                     String claimant, OffsetDateTime now) {
        List<String> reasons = java.util.stream.Stream.concat(
                i.rules() == null || i.rules().isBlank() ? java.util.stream.Stream.<String>empty()
                        : java.util.Arrays.stream(i.rules().split(",")),
                reports.stream().map(ReportView::reason)).distinct().toList();
        JsonArray spans = Json.createReader(new StringReader(i.spans() == null ? "[]" : i.spans())).readArray();
        List<Map<String, Object>> matches = spans.getValuesAs(JsonObject.class).stream()
                .map(s -> Map.<String, Object>of("start", s.getInt("start"), "end", s.getInt("end"),
                        "text", s.getString("text"), "rule", s.getString("rule")))
                .toList();
        return new CareItemView(i.id(), i.lane().name().toLowerCase(java.util.Locale.ROOT), i.kind(), i.priority(),
                i.crisisLevel(), i.postId(), i.threadId(), post == null ? "" : post.excerpt(), reasons, matches, reports,
                i.reports(), i.createdAt(), Math.max(0, java.time.Duration.between(i.createdAt(), now).getSeconds()),
                i.version(), claimant, claimant == null ? null : i.claimedUntil(), post != null && post.hidden());
    }

    /** Deletes items older than the retention period, detection details with them. */
    @Transactional
    public int expire() {
        OffsetDateTime before = clock.now().minusDays(retentionDays);
        int removed = em.createNamedQuery("ModerationItem.expire").setParameter("before", before)
                .setParameter("pending", ItemStatus.PENDING).executeUpdate();
        // what moderators wrote about a person at risk, and which post it was, go with the care item: the audit keeps
        // who acted, how and when
        em.createNamedQuery("AuditEntry.forgetCare").executeUpdate();
        if (removed > 0) {
            LOG.info(() -> removed + " moderation items past retention deleted");
        }
        return removed;
    }
}
