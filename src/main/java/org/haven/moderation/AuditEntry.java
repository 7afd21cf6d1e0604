package org.haven.moderation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * One moderator action in the append-only audit log: who, what, on which item and post, when and why. Haven never
 * deletes an entry and changes one in one way only: once its care item is gone, a care-lane entry loses its reason,
 * its post and its thread (what a moderator wrote about a person at risk goes with the care item). The database clears
 * {@code moderator_id} when that account is deleted.
 */
@Entity
@Table(name = "moderation_audit")
@NamedQuery(name = "AuditEntry.latest", query = "select a from AuditEntry a order by a.at desc, a.id desc")
@NamedQuery(name = "AuditEntry.count", query = "select count(a) from AuditEntry a")
// care-lane entries whose item is gone (retention, or its post deleted) keep who acted, how and when, nothing more
@NamedQuery(name = "AuditEntry.forgetCare", query = "update AuditEntry a set a.reason = null, a.postId = null, "
        + "a.threadId = null where a.lane = 'care' "
        + "and (a.reason is not null or a.postId is not null or a.threadId is not null) "
        + "and not exists (select i from ModerationItem i where i.id = a.itemId)")
// per item that arrived since a time and has been acted on: when it arrived and when a moderator first acted
@NamedQuery(name = "AuditEntry.firstActions", query = "select i.createdAt, min(a.at) from ModerationItem i, AuditEntry a "
        + "where a.itemId = i.id and i.createdAt >= :since group by i.id, i.createdAt")
@NamedQuery(name = "AuditEntry.untouchedSince", query = "select count(i) from ModerationItem i where "
        + "i.createdAt >= :since and i.status = :status and not exists "
        + "(select a from AuditEntry a where a.itemId = i.id)")
@NamedQuery(name = "AuditEntry.ofModerator", query = "select a from AuditEntry a where a.moderatorId = :moderator "
        + "order by a.at, a.id")
class AuditEntry {

    static final int MAX_REASON = org.haven.discussion.TextInput.MAX_REASON;

    @Id
    @SequenceGenerator(name = "moderation_audit_seq", sequenceName = "moderation_audit_seq", allocationSize = 20)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "moderation_audit_seq")
    private Long id;

    @Column(nullable = false)
    private OffsetDateTime at;

    @Column(name = "moderator_id")
    private Long moderatorId;

    @Column(nullable = false)
    private String action;

    /** The item acted on, with its lane and post; null for an action on a thread. */
    @Column(name = "item_id")
    private Long itemId;

    private String lane;

    @Column(name = "post_id")
    private Long postId;

    @Column(name = "thread_id")
    private Long threadId;

    @Column(length = MAX_REASON)
    private String reason;

    protected AuditEntry() {
    }

    AuditEntry(OffsetDateTime at, long moderatorId, String action, ModerationItem item, String reason) {
        this.at = at;
        this.moderatorId = moderatorId;
        this.action = action;
        this.itemId = item.id();
        this.lane = item.lane().name().toLowerCase(java.util.Locale.ROOT);
        this.postId = item.postId();
        this.threadId = item.threadId();
        this.reason = reason;
    }

    /** An action on a thread or a post itself, outside any item (locking a thread, showing a post again). */
    AuditEntry(OffsetDateTime at, long moderatorId, String action, Long postId, long threadId, String reason) {
        this.at = at;
        this.moderatorId = moderatorId;
        this.action = action;
        this.postId = postId;
        this.threadId = threadId;
        this.reason = reason;
    }

    /** An action on no post or thread (a change to the watched words): the reason says what changed. */
    AuditEntry(OffsetDateTime at, long moderatorId, String action, String reason) {
        this.at = at;
        this.moderatorId = moderatorId;
        this.action = action;
        this.reason = reason;
    }

    /** {@code reason} cut to what an entry keeps, never in the middle of a character. */
    static String fit(String reason) {
        int end = Math.min(reason.length(), MAX_REASON);
        if (end < reason.length() && Character.isHighSurrogate(reason.charAt(end - 1))) {
            end--;
        }
        return reason.substring(0, end);
    }

    Long id() {
        return id;
    }

    OffsetDateTime at() {
        return at;
    }

    Long moderatorId() {
        return moderatorId;
    }

    String action() {
        return action;
    }

    Long itemId() {
        return itemId;
    }

    Long threadId() {
        return threadId;
    }

    String lane() {
        return lane;
    }

    Long postId() {
        return postId;
    }

    String reason() {
        return reason;
    }
}
