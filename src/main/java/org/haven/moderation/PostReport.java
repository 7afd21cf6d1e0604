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
import java.time.OffsetDateTime;

/**
 * One member's report of a post, attached to the post's pending item in the report's lane. The reporter is kept
 * only so that their report counts once; moderators see the reason, the note and the time.
 */
@Entity
@Table(name = "post_report")
@NamedQuery(name = "PostReport.ofItems", query = "select r from PostReport r where r.itemId in :items "
        + "order by r.createdAt, r.id")
@NamedQuery(name = "PostReport.byReporterOnItem", query = "select count(r) from PostReport r where r.itemId = :item "
        + "and r.reporterId = :reporter")
@NamedQuery(name = "PostReport.itemsOfReporter", query = "select i from ModerationItem i where i.id in "
        + "(select r.itemId from PostReport r where r.reporterId = :reporter) order by i.id")
@NamedQuery(name = "PostReport.deleteOfReporter", query = "delete from PostReport r where r.reporterId = :reporter")
@NamedQuery(name = "PostReport.withPostOfReporter", query = "select r, i.postId from PostReport r, ModerationItem i "
        + "where r.itemId = i.id and r.reporterId = :reporter order by r.createdAt, r.id")
public class PostReport {

    public static final int MAX_NOTE = 500;

    @Id
    @SequenceGenerator(name = "post_report_seq", sequenceName = "post_report_seq", allocationSize = 20)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "post_report_seq")
    private Long id;

    @Column(name = "item_id", nullable = false)
    private long itemId;

    @Column(name = "reporter_id", nullable = false)
    private long reporterId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ReportReason reason;

    @Column(length = MAX_NOTE)
    private String note;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    protected PostReport() {
    }

    PostReport(long itemId, long reporterId, ReportReason reason, String note, OffsetDateTime now) {
        if (note != null && note.length() > MAX_NOTE) {
            throw new IllegalArgumentException("a note has at most " + MAX_NOTE + " characters");
        }
        this.itemId = itemId;
        this.reporterId = reporterId;
        this.reason = reason;
        this.note = note;
        this.createdAt = now;
    }

    long itemId() {
        return itemId;
    }

    ReportReason reason() {
        return reason;
    }

    String note() {
        return note;
    }

    OffsetDateTime createdAt() {
        return createdAt;
    }
}
