package org.haven.identity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * A signed-in session, from sign-in until sign-out or expiry. The token itself is only ever in the
 * member's hands; this row holds its SHA-256.
 */
@Entity
@Table(name = "member_session")
@NamedQuery(name = "MemberSession.byHash",
        query = "select s from MemberSession s join fetch s.member where s.tokenHash = :hash")
@NamedQuery(name = "MemberSession.deleteByHash", query = "delete from MemberSession s where s.tokenHash = :hash")
@NamedQuery(name = "MemberSession.deleteOfMember", query = "delete from MemberSession s where s.member.id = :member")
@NamedQuery(name = "MemberSession.deleteExpired", query = "delete from MemberSession s where s.expiresAt < :now")
public class MemberSession {

    @Id
    @SequenceGenerator(name = "session_seq", sequenceName = "session_seq", allocationSize = 20)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "session_seq")
    private Long id;

    @Column(name = "token_hash", nullable = false, length = 64)
    private String tokenHash;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "member_id")
    private Member member;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "expires_at", nullable = false)
    private OffsetDateTime expiresAt;

    protected MemberSession() {
    }

    MemberSession(String tokenHash, Member member, OffsetDateTime now, OffsetDateTime expiresAt) {
        this.tokenHash = tokenHash;
        this.member = member;
        this.createdAt = now;
        this.expiresAt = expiresAt;
    }

    boolean isActiveAt(OffsetDateTime now) {
        return expiresAt.isAfter(now);
    }

    Member member() {
        return member;
    }

    OffsetDateTime expiresAt() {
        return expiresAt;
    }
}
