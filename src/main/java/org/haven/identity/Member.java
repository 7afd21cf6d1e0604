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
import jakarta.persistence.Version;
import java.time.OffsetDateTime;

/**
 * A member: a pseudonym, a passphrase hash, a recovery-code hash and a role. Created at sign-up; the
 * role changes only through {@link #changeRole}. Nothing here identifies a person.
 */
@Entity
@Table(name = "member")
@NamedQuery(name = "Member.byKey", query = "select m from Member m where m.pseudonymKey = :key")
@NamedQuery(name = "Member.countByRole", query = "select count(m) from Member m where m.role = :role")
public class Member {

    @Id
    @SequenceGenerator(name = "member_seq", sequenceName = "member_seq", allocationSize = 20)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "member_seq")
    private Long id;

    @Column(nullable = false, length = 30)
    private String pseudonym;

    @Column(name = "pseudonym_key", nullable = false, length = 30)
    private String pseudonymKey;

    @Column(name = "passphrase_hash", nullable = false)
    private String passphraseHash;

    @Column(name = "recovery_code_hash", nullable = false)
    private String recoveryCodeHash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private MemberRole role;

    @Column(length = 2)
    private String country;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    /** When the member may write again (null: not suspended); {@link #BANNED} for a ban. */
    @Column(name = "suspended_until")
    private OffsetDateTime suspendedUntil;

    /** Notices from the moderators the member has not opened yet. */
    @Column(name = "unread_notices", nullable = false)
    private int unreadNotices;

    @Version
    private long version;

    /** A ban is a suspension that does not end. */
    public static final OffsetDateTime BANNED = OffsetDateTime.parse("9999-12-31T00:00:00Z");

    protected Member() {
    }

    Member(String pseudonym, String passphraseHash, String recoveryCodeHash, MemberRole role, OffsetDateTime now) {
        this.pseudonym = pseudonym;
        this.pseudonymKey = Pseudonyms.key(pseudonym);
        this.passphraseHash = passphraseHash;
        this.recoveryCodeHash = recoveryCodeHash;
        this.role = role;
        this.createdAt = now;
    }

    void changeRole(MemberRole newRole) {
        this.role = newRole;
    }

    /** The member chose a new passphrase (confirmed with the current one); the recovery code stays as it is. */
    void passphraseChanged(String newPassphraseHash) {
        this.passphraseHash = newPassphraseHash;
    }

    /** A recovery: the new passphrase, and a new one-time code in place of the one just used. */
    void recovered(String newPassphraseHash, String newRecoveryCodeHash) {
        this.passphraseHash = newPassphraseHash;
        this.recoveryCodeHash = newRecoveryCodeHash;
    }

    /** Suspended until {@code until} (or banned, with {@link #BANNED}); a later sanction replaces an earlier one. */
    void suspend(OffsetDateTime until) {
        this.suspendedUntil = until;
    }

    /** The suspension or ban ends now. Whether there was one running at {@code now}. */
    boolean lift(OffsetDateTime now) {
        boolean running = suspendedAt(now);
        this.suspendedUntil = null;
        return running;
    }

    boolean suspendedAt(OffsetDateTime now) {
        return suspendedUntil != null && suspendedUntil.isAfter(now);
    }

    OffsetDateTime suspendedUntil() {
        return suspendedUntil;
    }

    int unreadNotices() {
        return unreadNotices;
    }

    public Long id() {
        return id;
    }

    public String pseudonym() {
        return pseudonym;
    }

    public MemberRole role() {
        return role;
    }

    public String country() {
        return country;
    }

    public void chooseCountry(String isoCountry) {
        this.country = isoCountry;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    String passphraseHash() {
        return passphraseHash;
    }

    String recoveryCodeHash() {
        return recoveryCodeHash;
    }
}
