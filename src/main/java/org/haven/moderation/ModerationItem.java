package org.haven.moderation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import org.haven.crisis.CrisisLevel;
import org.haven.web.ApiException;

/**
 * An item of the moderation queue. A care item carries the crisis level, the rule ids and the matched
 * spans (as JSON) so a moderator sees why; they exist nowhere else and are deleted with the item.
 */
@Entity
@Table(name = "moderation_item")
@NamedQuery(name = "ModerationItem.pending", query = "select i from ModerationItem i where i.lane = :lane "
        + "and i.status = :status order by i.priority desc, i.createdAt, i.id")
@NamedQuery(name = "ModerationItem.countPending", query = "select count(i) from ModerationItem i where i.lane = :lane "
        + "and i.status = :status")
@NamedQuery(name = "ModerationItem.pendingOfPost", query = "select i from ModerationItem i where i.postId = :post "
        + "and i.lane = :lane and i.status = :status order by i.id")
// care items that appeared or rose at IDEATION's priority or above since a time, for live alerts on every node
@NamedQuery(name = "ModerationItem.alertsSince", query = "select i from ModerationItem i where i.lane = :lane "
        + "and i.status = :status and i.priority >= :priority and (i.createdAt >= :since or i.raisedAt >= :since) "
        + "order by i.id")
// a post held for approval leaves the queue only through a moderator: its item is kept however long it waits
@NamedQuery(name = "ModerationItem.expire", query = "delete from ModerationItem i where i.createdAt < :before "
        + "and not (i.status = :pending and i.kind = 'held')")
@NamedQuery(name = "ModerationItem.pendingFigures", query = "select count(i), min(i.createdAt) from ModerationItem i "
        + "where i.lane = :lane and i.status = :status")
@NamedQuery(name = "ModerationItem.releaseClaims", query = "update ModerationItem i set i.claimedBy = null, "
        + "i.claimedUntil = null where i.claimedBy = :moderator")
public class ModerationItem {

    @Id
    @SequenceGenerator(name = "moderation_item_seq", sequenceName = "moderation_item_seq", allocationSize = 20)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "moderation_item_seq")
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Lane lane;

    @Column(nullable = false)
    private String kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ItemStatus status;

    @Column(nullable = false)
    private int priority;

    @Enumerated(EnumType.STRING)
    @Column(name = "crisis_level")
    private CrisisLevel crisisLevel;

    @Column(length = 1000)
    private String rules;

    @Column(length = 4000)
    private String spans;

    @Column(name = "post_id")
    private Long postId;

    @Column(name = "thread_id")
    private Long threadId;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "claimed_by")
    private Long claimedBy;

    @Column(name = "claimed_until")
    private OffsetDateTime claimedUntil;

    /** When the item last rose to a more severe level while it waited (null: never). */
    @Column(name = "raised_at")
    private OffsetDateTime raisedAt;

    @Enumerated(EnumType.STRING)
    private Decision decision;

    @Column(name = "decided_at")
    private OffsetDateTime decidedAt;

    /** Members who reported the post in this lane; they raise the item within its level. */
    @Column(nullable = false)
    private int reports;

    @Version
    private long version;

    protected ModerationItem() {
    }

    /** A care item for a post written at {@code level}; more severe levels sort first. */
    static ModerationItem care(long postId, long threadId, CrisisLevel level, String rules, String spans, OffsetDateTime now) {
        ModerationItem item = new ModerationItem();
        item.lane = Lane.CARE;
        item.kind = "crisis";
        item.status = ItemStatus.PENDING;
        item.priority = priorityOf(level);
        item.crisisLevel = level;
        item.rules = rules;
        item.spans = spans;
        item.postId = postId;
        item.threadId = threadId;
        item.createdAt = now;
        return item;
    }

    /**
     * An item opened by a member's report, before the report is added ({@link #reportAdded}): in the care lane
     * someone is worried about the writer, in the review lane a possible violation.
     */
    static ModerationItem reported(long postId, long threadId, Lane lane, OffsetDateTime now) {
        ModerationItem item = new ModerationItem();
        item.lane = lane;
        item.kind = KIND_REPORT;
        item.status = ItemStatus.PENDING;
        item.postId = postId;
        item.threadId = threadId;
        item.createdAt = now;
        item.prioritise();
        return item;
    }

    /** Kinds of review items opened by watched words: a post waiting for approval, or a published post flagged. */
    static final String KIND_HELD = "held";
    static final String KIND_WATCHED = "watched-word";

    /** A review item for a post the watched words held for approval or flagged; {@code phrases} are what was found. */
    static ModerationItem screened(long postId, long threadId, boolean held, String phrases, OffsetDateTime now) {
        ModerationItem item = new ModerationItem();
        item.lane = Lane.REVIEW;
        item.kind = held ? KIND_HELD : KIND_WATCHED;
        item.status = ItemStatus.PENDING;
        item.postId = postId;
        item.threadId = threadId;
        item.createdAt = now;
        item.rules = joined(java.util.List.of(), phrases);
        item.prioritise();
        return item;
    }

    /**
     * The post this pending review item is about was screened again (an edit, or an item a report opened): the
     * watched words found join the item's, and a post now held makes it an item that waits for approval.
     */
    void screenedAgain(boolean held, String phrases) {
        rules = joined(rules == null || rules.isBlank() ? java.util.List.of() : java.util.Arrays.asList(rules.split(",")),
                phrases);
        if (held) {
            kind = KIND_HELD;
        } else if (KIND_HELD.equals(kind)) {
            kind = KIND_WATCHED; // crisis language published it: there is nothing left to approve
        }
    }

    /**
     * The words an item keeps: {@code earlier} and then those of {@code phrases} (comma-separated; entries hold no
     * comma), each once, cut between words to fit the column.
     */
    private static String joined(java.util.List<String> earlier, String phrases) {
        java.util.LinkedHashSet<String> all = new java.util.LinkedHashSet<>(earlier);
        for (String phrase : phrases.split(",")) {
            if (!phrase.isBlank()) {
                all.add(phrase);
            }
        }
        StringBuilder kept = new StringBuilder();
        for (String phrase : all) {
            if (kept.length() + phrase.length() + 1 > MAX_RULES) {
                break;
            }
            kept.append(kept.length() == 0 ? "" : ",").append(phrase);
        }
        return kept.toString();
    }

    /** The length of the rules column. */
    static final int MAX_RULES = 1000;

    /** Whether the item's post waits for a moderator's approval: approving the item publishes it. */
    boolean awaitsApproval() {
        return KIND_HELD.equals(kind);
    }

    /**
     * One more member reported the post: the item rises among those of its level. A member's worry counts at least
     * as much as thoughts of suicide the detector read (IDEATION): a person saw what the detector may not have.
     */
    void reportAdded(OffsetDateTime now) {
        int before = priority;
        reports++;
        prioritise();
        if (band(priority) > band(before)) {
            raisedAt = now; // a first worry about a post the detector saw only as CONCERN
        }
    }

    /**
     * A reporter left Haven and their report went with them. In the review lane the item counts one report less; in
     * the care lane it keeps its count and its place: the worry about someone else was real.
     */
    void reportWithdrawn() {
        if (lane == Lane.REVIEW) {
            reports = Math.max(0, reports - 1);
            prioritise();
        }
    }

    /**
     * The post was written or edited in crisis language while this care item waited: the item takes the more
     * severe level, with the rules and spans that found it, so that an edit from worry to danger moves it up.
     */
    void detected(CrisisLevel level, String rules, String spans, OffsetDateTime now) {
        if (crisisLevel != null && level.compareTo(crisisLevel) <= 0) {
            return;
        }
        int before = priority;
        crisisLevel = level;
        this.rules = rules;
        this.spans = spans;
        prioritise();
        if (band(priority) > band(before)) {
            raisedAt = now;
        }
    }

    private void prioritise() {
        int base = crisisLevel == null ? 0 : priorityOf(crisisLevel);
        if (lane == Lane.CARE && (reports > 0 || KIND_REPORT.equals(kind))) {
            // a member's worry opened or joined it: it stays there even if that member leaves
            base = Math.max(base, priorityOf(CrisisLevel.IDEATION));
        }
        priority = base + Math.min(reports, MAX_REPORT_BOOST);
    }

    /** The level a priority stands for: 3 IMMINENT, 2 IDEATION or a member's worry, 1 CONCERN, 0 the review lane. */
    static int band(int priority) {
        return priority / 100;
    }

    private static final String KIND_REPORT = "report";

    /** Reports raise an item within its level, never past the next one (levels are 100 apart). */
    private static final int MAX_REPORT_BOOST = 99;

    static int priorityOf(CrisisLevel level) {
        return switch (level) {
            case IMMINENT -> 300;
            case IDEATION -> 200;
            case CONCERN -> 100;
            case NONE -> 0;
        };
    }

    /**
     * {@code moderator} takes the item until {@code until}, so that others see someone is on it. Taking it again
     * extends the claim; another moderator's claim that has not lapsed refuses it.
     */
    void claim(long moderator, OffsetDateTime now, OffsetDateTime until) {
        requirePending();
        requireNotClaimedByAnother(moderator, now);
        claimedBy = moderator;
        claimedUntil = until;
    }

    /**
     * {@code moderator} decides on the item, having seen it at {@code seenVersion}: a stale version (someone acted
     * or the item rose since) or another moderator's live claim refuses it, so that two moderators never act twice.
     */
    void decide(long moderator, long seenVersion, Decision decision, OffsetDateTime now) {
        requirePending();
        if (seenVersion != version) {
            throw ApiException.conflict("This item changed since you opened it (another moderator acted, a member "
                    + "reported the post or the writer edited it). Reload the lane, then decide again.");
        }
        requireNotClaimedByAnother(moderator, now);
        this.status = ItemStatus.DECIDED;
        this.decision = decision;
        this.decidedAt = now;
        this.claimedBy = null;
        this.claimedUntil = null;
    }

    private void requirePending() {
        if (status != ItemStatus.PENDING) {
            throw ApiException.conflict("A moderator has already decided on this item.");
        }
    }

    private void requireNotClaimedByAnother(long moderator, OffsetDateTime now) {
        if (claimHeld(now) && claimedBy != moderator) {
            throw ApiException.conflict("Another moderator has claimed this item until "
                    + claimedUntil.withOffsetSameInstant(java.time.ZoneOffset.UTC).toLocalTime().withNano(0)
                    + " UTC.");
        }
    }

    /** Whether a moderator's claim on the item is still running at {@code now}. */
    boolean claimHeld(OffsetDateTime now) {
        return claimedBy != null && claimedUntil != null && claimedUntil.isAfter(now);
    }

    ItemStatus status() {
        return status;
    }

    Decision decision() {
        return decision;
    }

    OffsetDateTime claimedUntil() {
        return claimedUntil;
    }

    int reports() {
        return reports;
    }

    OffsetDateTime raisedAt() {
        return raisedAt;
    }

    Long id() {
        return id;
    }

    Lane lane() {
        return lane;
    }

    String kind() {
        return kind;
    }

    int priority() {
        return priority;
    }

    CrisisLevel crisisLevel() {
        return crisisLevel;
    }

    String rules() {
        return rules;
    }

    String spans() {
        return spans;
    }

    Long postId() {
        return postId;
    }

    Long threadId() {
        return threadId;
    }

    OffsetDateTime createdAt() {
        return createdAt;
    }

    Long claimedBy() {
        return claimedBy;
    }

    long version() {
        return version;
    }
}
