package org.haven.identity;

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
 * What the moderators sent a member: a warning, a suspension, a ban, its end, or a post hidden. {@code message} is the
 * moderator's reason in their own words; the member is never told which moderator. Deleted with the member.
 */
@Entity
@Table(name = "member_notice")
@NamedQuery(name = "MemberNotice.ofMember", query = "select n from MemberNotice n where n.memberId = :member "
        + "order by n.createdAt desc, n.id desc")
public class MemberNotice {

    /** What a notice is about. */
    public enum Kind {
        WARNING, SUSPENSION, BAN, LIFTED, HIDDEN
    }

    @Id
    @SequenceGenerator(name = "member_notice_seq", sequenceName = "member_notice_seq", allocationSize = 20)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "member_notice_seq")
    private Long id;

    @Column(name = "member_id", nullable = false)
    private long memberId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Kind kind;

    @Column(length = 500)
    private String message;

    @Column(name = "post_id")
    private Long postId;

    @Column(name = "ends_at")
    private OffsetDateTime endsAt;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    protected MemberNotice() {
    }

    MemberNotice(long memberId, Kind kind, String message, Long postId, OffsetDateTime endsAt, OffsetDateTime now) {
        this.memberId = memberId;
        this.kind = kind;
        this.message = message;
        this.postId = postId;
        this.endsAt = endsAt;
        this.createdAt = now;
    }

    Long id() {
        return id;
    }

    Kind kind() {
        return kind;
    }

    String message() {
        return message;
    }

    Long postId() {
        return postId;
    }

    OffsetDateTime endsAt() {
        return endsAt;
    }

    OffsetDateTime createdAt() {
        return createdAt;
    }
}
