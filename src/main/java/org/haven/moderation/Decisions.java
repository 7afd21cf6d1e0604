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
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.haven.discussion.DiscussionService;
import org.haven.discussion.PostRedacted;
import org.haven.discussion.PostRestored;
import org.haven.discussion.TextInput;
import org.haven.discussion.ThreadLockChanged;
import org.haven.discussion.ThreadMoved;
import org.haven.identity.MemberExport;
import org.haven.identity.MemberLeaving;
import org.haven.identity.Viewer;
import org.haven.platform.Clock;
import org.haven.web.ApiException;

/**
 * Moderators act on items: a claim tells the others someone is on it (and lapses, so an item never waits on a
 * volunteer who went offline), a decision closes the item, and every action goes to the audit log in the same
 * transaction as the act itself. Both take the item's row lock, after any post lock, as every writer does.
 */
@ApplicationScoped
public class Decisions {

    private static final Logger LOG = Logger.getLogger(Decisions.class.getName());
    public static final int AUDIT_PAGE_SIZE = 50;
    static final String CLAIM = "claim";

    @PersistenceContext(unitName = "haven")
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    DiscussionService discussion;

    @Inject
    org.haven.identity.Sanctions sanctions;

    @Inject
    @ConfigProperty(name = "haven.moderation.claim.minutes", defaultValue = "15")
    int claimMinutes;

    /** An item's state after an action: who holds it and until when, and the version the next action must send. */
    public record ItemState(long id, String status, String decision, String claimedBy, OffsetDateTime claimedUntil,
            long version) {
    }

    /** One audit entry as moderators read it; {@code target} names the item and the post by id. */
    public record AuditView(OffsetDateTime at, String moderator, String action, String target, Long itemId,
            String lane, Long postId, Long threadId, String reason) {
    }

    public record AuditPage(List<AuditView> entries, int page, int pageCount) {
    }

    @Transactional
    public ItemState claim(Viewer moderator, long itemId) {
        ModerationItem item = lockedItem(itemId);
        OffsetDateTime now = clock.now();
        item.claim(moderator.memberId(), now, now.plus(Duration.ofMinutes(claimMinutes)));
        em.persist(new AuditEntry(now, moderator.memberId(), CLAIM, item, null));
        em.flush(); // the new version, for the answer
        LOG.info(() -> "moderator " + moderator.memberId() + " claimed moderation item " + itemId);
        return new ItemState(item.id(), status(item), null, moderator.pseudonym(), item.claimedUntil(),
                item.version());
    }

    @Transactional
    public ItemState decide(Viewer moderator, long itemId, DecisionRequest request) {
        Decision decision = Decision.of(request.action()).orElseThrow(() -> ApiException.invalid("action",
                "Choose an action: " + Decision.CHOICES + "."));
        String reason = TextInput.reason(request.reason());
        if (decision == Decision.HIDE && reason == null) {
            throw ApiException.invalid("reason", "Say why the post is hidden: the audit log keeps it.");
        }
        ModerationItem item = em.find(ModerationItem.class, itemId);
        if (item == null) {
            throw ApiException.notFound("That moderation item");
        }
        // the post before the item, as every writer locks them; a refusal below rolls the post's change back
        if (decision == Decision.HIDE) {
            if (item.postId() == null) {
                throw ApiException.notFound("That moderation item");
            }
            if (item.lane() == Lane.CARE) {
                throw ApiException.conflict("A post in the care lane stays in its thread: its writer may need the "
                        + "replies. If it also breaks a rule, members' reports bring it to the review lane.");
            }
            discussion.hideByModerator(item.postId());
        } else if (item.awaitsApproval()) {
            discussion.approveByModerator(item.postId()); // readers see the held post from now on
        }
        try {
            em.refresh(item, LockModeType.PESSIMISTIC_WRITE);
        } catch (jakarta.persistence.EntityNotFoundException gone) {
            throw ApiException.notFound("That moderation item"); // retention removed it meanwhile
        }
        OffsetDateTime now = clock.now();
        item.decide(moderator.memberId(), request.version(), decision, now);
        if (decision == Decision.HIDE) {
            // the writer is told why (DESIGN.md: "reject with a reason sent to the author"); their row after the
            // item's, as every writer locks them
            long postId = item.postId();
            discussion.writerOf(postId).ifPresent(writer -> sanctions.postHidden(writer, postId, reason));
        }
        em.persist(new AuditEntry(now, moderator.memberId(), decision.slug(), item, reason));
        em.flush();
        LOG.info(() -> "moderator " + moderator.memberId() + " decided " + decision.slug() + " on moderation item "
                + itemId);
        return new ItemState(item.id(), status(item), decision.slug(), null, null, item.version());
    }

    private ModerationItem lockedItem(long itemId) {
        ModerationItem item = em.find(ModerationItem.class, itemId, LockModeType.PESSIMISTIC_WRITE);
        if (item == null) {
            throw ApiException.notFound("That moderation item");
        }
        return item;
    }

    private static String status(ModerationItem item) {
        return item.status().name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The audit log, newest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public AuditPage audit(int page) {
        long count = em.createNamedQuery("AuditEntry.count", Long.class).getSingleResult();
        List<AuditEntry> entries = em.createNamedQuery("AuditEntry.latest", AuditEntry.class)
                .setFirstResult((page - 1) * AUDIT_PAGE_SIZE).setMaxResults(AUDIT_PAGE_SIZE).getResultList();
        Map<Long, String> names = pseudonyms(em, entries.stream().map(AuditEntry::moderatorId).toList());
        List<AuditView> views = entries.stream().map(a -> new AuditView(a.at(),
                a.moderatorId() == null ? DELETED_MEMBER : names.getOrDefault(a.moderatorId(), DELETED_MEMBER),
                a.action(), target(a), a.itemId(), a.lane(), a.postId(), a.threadId(), a.reason())).toList();
        return new AuditPage(views, page, (int) Math.max(1, (count + AUDIT_PAGE_SIZE - 1) / AUDIT_PAGE_SIZE));
    }

    static final String DELETED_MEMBER = "[deleted member]";

    /**
     * A moderator leaves: their claims end now, so that deleting the account does not touch items after it has locked
     * the member's row (the database would otherwise clear {@code claimed_by} then, against the order every writer
     * takes: items before the member). Their audit entries stay, as "[deleted member]".
     */
    void onMemberLeaving(@Observes @Priority(Interceptor.Priority.APPLICATION + 700) MemberLeaving leaving) {
        em.createNamedQuery("ModerationItem.releaseClaims").setParameter("moderator", leaving.memberId())
                .executeUpdate();
    }

    /** A moderator's own actions are theirs to download too: what they did, on which item and post, and why. */
    void onExport(@Observes MemberExport export) {
        JsonArrayBuilder actions = Json.createArrayBuilder();
        em.createNamedQuery("AuditEntry.ofModerator", AuditEntry.class).setParameter("moderator", export.memberId())
                .getResultStream().forEach(a -> {
                    JsonObjectBuilder entry = Json.createObjectBuilder().add("at", a.at().toString())
                            .add("action", a.action());
                    if (a.itemId() != null) {
                        entry.add("itemId", a.itemId()).add("lane", a.lane());
                    }
                    if (a.postId() != null) {
                        entry.add("postId", a.postId());
                    }
                    if (a.threadId() != null) {
                        entry.add("threadId", a.threadId());
                    }
                    if (a.reason() != null) {
                        entry.add("reason", a.reason());
                    }
                    actions.add(entry);
                });
        export.document().add("moderatorActions", actions);
    }

    private static String target(AuditEntry entry) {
        if (entry.itemId() == null) {
            if (entry.action().startsWith("words-")) {
                return "watched words";
            }
            if ("premoderate".equals(entry.action())) {
                return "pre-moderation";
            }
            return entry.postId() != null ? "post " + entry.postId()
                    : entry.threadId() != null ? "thread " + entry.threadId() : "";
        }
        return entry.lane() + " item " + entry.itemId() + (entry.postId() == null ? "" : ", post " + entry.postId());
    }

    static final String LOCK = "lock";
    static final String UNLOCK = "unlock";

    /** A moderator locked a thread or opened it again: recorded in the same transaction. */
    void onThreadLockChanged(@Observes ThreadLockChanged change) {
        em.persist(new AuditEntry(clock.now(), change.moderatorId(), change.locked() ? LOCK : UNLOCK, null,
                change.threadId(), change.reason()));
    }

    static final String MOVE = "move";

    /** A moderator moved a thread: recorded in the same transaction, with where from and where to. */
    void onThreadMoved(@Observes ThreadMoved moved) {
        String where = "Moved from " + moved.from() + " to " + moved.to() + ".";
        String reason = moved.reason() == null ? where : where + " " + moved.reason();
        em.persist(new AuditEntry(clock.now(), moved.moderatorId(), MOVE, null, moved.threadId(),
                AuditEntry.fit(reason)));
    }

    /** A moderator changed the watched words: recorded in the same transaction, with the entry and its action. */
    void onWatchListChanged(@Observes org.haven.screening.WatchListChanged change) {
        em.persist(new AuditEntry(clock.now(), change.moderatorId(), "words-" + change.change(),
                "\"" + change.phrase() + "\": " + change.action().label().toLowerCase(java.util.Locale.ROOT)));
    }

    /** A moderator changed pre-moderation: recorded in the same transaction. */
    void onPremoderationChanged(@Observes org.haven.screening.PremoderationChanged change) {
        em.persist(new AuditEntry(clock.now(), change.moderatorId(), "premoderate", change.firstPosts() == 0
                ? "Pre-moderation is off." : "Posts wait for approval until " + change.firstPosts()
                        + (change.firstPosts() == 1 ? " post" : " posts") + " of the member's are published."));
    }

    static final String RESTORE = "restore";
    static final String REDACT = "redact";

    /** A moderator edited a post to take details out: recorded in the same transaction, with the note readers see. */
    void onPostRedacted(@Observes PostRedacted redacted) {
        em.persist(new AuditEntry(clock.now(), redacted.moderatorId(), REDACT, redacted.postId(), redacted.threadId(),
                redacted.note()));
    }

    /** A moderator showed a hidden post again: recorded in the same transaction. */
    void onPostRestored(@Observes PostRestored restored) {
        em.persist(new AuditEntry(clock.now(), restored.moderatorId(), RESTORE, restored.postId(),
                restored.threadId(), restored.reason()));
    }

    /** The pseudonyms of the given members (those still here). */
    static Map<Long, String> pseudonyms(EntityManager em, Collection<Long> ids) {
        List<Long> present = ids.stream().filter(java.util.Objects::nonNull).distinct().toList();
        Map<Long, String> names = new HashMap<>();
        if (!present.isEmpty()) {
            em.createQuery("select m.id, m.pseudonym from Member m where m.id in :ids", Object[].class)
                    .setParameter("ids", present).getResultList()
                    .forEach(row -> names.put((Long) row[0], (String) row[1]));
        }
        return names;
    }
}
