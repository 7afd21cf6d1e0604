package org.haven.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.Optional;

/** The database side of members and sessions; every method is its own short transaction. */
@ApplicationScoped
public class MemberRepository {

    @PersistenceContext(unitName = "haven")
    EntityManager em;

    @Inject
    Event<MemberLeaving> leaving;

    @Transactional
    public Member add(Member member) {
        em.persist(member);
        em.flush();
        return member;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Member> byPseudonym(String pseudonym) {
        return em.createNamedQuery("Member.byKey", Member.class)
                .setParameter("key", Pseudonyms.key(pseudonym))
                .getResultStream().findFirst();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Member> byId(long id) {
        return Optional.ofNullable(em.find(Member.class, id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public long countWithRole(MemberRole role) {
        return em.createNamedQuery("Member.countByRole", Long.class).setParameter("role", role).getSingleResult();
    }

    /**
     * Opens a session for a member whose passphrase was checked against {@code checkedHash}, unless the passphrase
     * has changed since or the member has left; answers whether it opened. A sign-in checks the passphrase outside
     * any transaction, because the check is slow: a change committed meanwhile ends every session, and a session
     * opened after it with the old passphrase would outlive it. The member's row is locked here as a change, a
     * recovery and a deletion lock it, so that each sees the other's result.
     */
    @Transactional
    public boolean startSession(String tokenHash, long memberId, String checkedHash, OffsetDateTime now,
                                OffsetDateTime expiresAt) {
        Member member = em.find(Member.class, memberId, LockModeType.PESSIMISTIC_WRITE);
        if (member == null || !member.passphraseHash().equals(checkedHash)) {
            return false;
        }
        em.persist(new MemberSession(tokenHash, member, now, expiresAt));
        return true;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<MemberSession> session(String tokenHash) {
        return em.createNamedQuery("MemberSession.byHash", MemberSession.class)
                .setParameter("hash", tokenHash)
                .getResultStream().findFirst();
    }

    @Transactional
    public void endSession(String tokenHash) {
        em.createNamedQuery("MemberSession.deleteByHash").setParameter("hash", tokenHash).executeUpdate();
    }

    @Transactional
    public int endExpiredSessions(OffsetDateTime now) {
        return em.createNamedQuery("MemberSession.deleteExpired").setParameter("now", now).executeUpdate();
    }

    @Transactional
    public Member changeRole(String pseudonym, MemberRole role) {
        Member member = byPseudonym(pseudonym).orElseThrow(() -> org.haven.web.ApiException.notFound("That member"));
        member.changeRole(role);
        return member;
    }

    /**
     * New passphrase and recovery code, and every open session ends, in one transaction; only while the recovery
     * code is still {@code checkedCodeHash}, so that one code used twice at once recovers the account once. Answers
     * whether it did.
     */
    @Transactional
    public boolean recover(long memberId, String checkedCodeHash, String passphraseHash, String recoveryCodeHash) {
        Member member = em.find(Member.class, memberId, LockModeType.PESSIMISTIC_WRITE);
        if (member == null || !member.recoveryCodeHash().equals(checkedCodeHash)) {
            return false;
        }
        member.recovered(passphraseHash, recoveryCodeHash);
        em.createNamedQuery("MemberSession.deleteOfMember").setParameter("member", memberId).executeUpdate();
        return true;
    }

    /**
     * A new passphrase, and every session of the member ends, in one transaction; only while the passphrase is
     * still the one the member confirmed ({@code checkedHash}). Answers whether it changed. The row is locked
     * before the sessions are deleted, so a sign-in opening a session waits for this and then sees the new hash.
     */
    @Transactional
    public boolean changePassphrase(long memberId, String checkedHash, String passphraseHash) {
        Member member = em.find(Member.class, memberId, LockModeType.PESSIMISTIC_WRITE);
        if (member == null || !member.passphraseHash().equals(checkedHash)) {
            return false;
        }
        member.passphraseChanged(passphraseHash);
        em.createNamedQuery("MemberSession.deleteOfMember").setParameter("member", memberId).executeUpdate();
        return true;
    }

    /**
     * Deletes the member in one transaction: every feature detaches (or erases) what the member wrote through
     * {@link MemberLeaving}, then their sessions and their row go. The last administrator cannot leave, or
     * nobody could ever appoint moderators again.
     */
    @Transactional
    public void delete(long memberId, boolean erasePosts) {
        // no lock on the member's row before the observers run: they take the post change counter first, as post
        // writes do, and a write by this member would then wait on the counter, not hold it while waiting on this row
        Member member = em.find(Member.class, memberId);
        if (member == null) {
            throw org.haven.web.ApiException.notFound("That member");
        }
        if (member.role() == MemberRole.ADMIN && countWithRole(MemberRole.ADMIN) <= 1) {
            throw org.haven.web.ApiException.conflict("You are Haven's only administrator, so this account cannot be "
                    + "deleted here: nobody else could appoint moderators or confirm crisis lines. Ask whoever runs "
                    + "your Haven server.");
        }
        leaving.fire(new MemberLeaving(memberId, erasePosts));
        // now the member's row, before their sessions, as a passphrase change, a recovery and a sign-in lock it:
        // the counter, posts and items the observers locked come before it in every writer's order
        try {
            em.refresh(member, LockModeType.PESSIMISTIC_WRITE);
        } catch (jakarta.persistence.EntityNotFoundException goneMeanwhile) {
            throw org.haven.web.ApiException.notFound("That member"); // another deletion of the same account won
        }
        em.createNamedQuery("MemberSession.deleteOfMember").setParameter("member", memberId).executeUpdate();
        em.remove(member);
        em.flush();
    }

    @Transactional
    public void chooseCountry(long memberId, String country) {
        byId(memberId).ifPresent(m -> m.chooseCountry(country));
    }
}
