package org.haven.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.logging.Logger;
import org.haven.platform.Clock;
import org.haven.web.ApiException;

/**
 * What moderators do to a member, never knowing who the member is: they act on the writer of a post. A warning, a
 * suspension for some days or a ban each send the member a notice with the moderator's reason; lifting ends a
 * suspension or ban early. The member reads their notices on their account page; every page says when some are unread.
 */
@ApplicationScoped
public class Sanctions {

    private static final Logger LOG = Logger.getLogger(Sanctions.class.getName());

    /** The most notices the account page lists: the newest. */
    public static final int NOTICES_SHOWN = 50;

    @PersistenceContext(unitName = "haven")
    EntityManager em;

    @Inject
    Clock clock;

    /** What a moderator can do to a post's writer. */
    public enum Sanction {
        WARN, SUSPEND, BAN, LIFT
    }

    /**
     * Applies {@code sanction} to member {@code memberId} inside the caller's transaction, with the member's row locked,
     * and sends them a notice. Answers when the suspension ends (null for a warning or a lift). Moderators and
     * administrators are refused: an administrator changes their role first.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public OffsetDateTime apply(long memberId, Sanction sanction, Duration length, String reason, long postId) {
        Member member = em.find(Member.class, memberId, LockModeType.PESSIMISTIC_WRITE);
        if (member == null) {
            throw ApiException.conflict("The writer has left Haven: there is no one to act on.");
        }
        if (member.role().canModerate()) {
            throw ApiException.conflict("The writer is a moderator or an administrator: an administrator changes their "
                    + "role first.");
        }
        OffsetDateTime now = clock.now();
        OffsetDateTime until = switch (sanction) {
            case WARN, LIFT -> null;
            case SUSPEND -> now.plus(length);
            case BAN -> Member.BANNED;
        };
        switch (sanction) {
            case WARN -> notify(member, MemberNotice.Kind.WARNING, reason, postId, null, now);
            case SUSPEND -> {
                member.suspend(until);
                notify(member, MemberNotice.Kind.SUSPENSION, reason, postId, until, now);
            }
            case BAN -> {
                member.suspend(until);
                notify(member, MemberNotice.Kind.BAN, reason, postId, null, now);
            }
            case LIFT -> {
                if (!member.lift(now)) {
                    throw ApiException.conflict("The writer is not suspended or banned.");
                }
                notify(member, MemberNotice.Kind.LIFTED, reason, postId, null, now);
            }
        }
        LOG.info(() -> "sanction " + sanction.name().toLowerCase(Locale.ROOT) + " on the writer of post " + postId);
        return until;
    }

    /** A moderator hid a member's post: the member is told why, inside the hide's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void postHidden(long memberId, long postId, String reason) {
        Member member = em.find(Member.class, memberId);
        if (member != null) {
            notify(member, MemberNotice.Kind.HIDDEN, reason, postId, null, clock.now());
        }
    }

    private void notify(Member member, MemberNotice.Kind kind, String message, Long postId, OffsetDateTime endsAt,
                        OffsetDateTime now) {
        em.persist(new MemberNotice(member.id(), kind, message, postId, endsAt, now));
        // a counter, not an edit of the member: a bulk update leaves the member's version alone
        em.createNativeQuery("UPDATE member SET unread_notices = unread_notices + 1 WHERE id = ?1")
                .setParameter(1, member.id()).executeUpdate();
    }

    /** A notice as its member reads it. */
    public record NoticeView(String kind, String heading, String message, Long postId, OffsetDateTime endsAt,
            OffsetDateTime createdAt) {
    }

    /** The newest notices of the viewer; opening them marks them all read. */
    @Transactional
    public List<NoticeView> open(Viewer viewer) {
        List<NoticeView> notices = em.createNamedQuery("MemberNotice.ofMember", MemberNotice.class)
                .setParameter("member", viewer.memberId()).setMaxResults(NOTICES_SHOWN).getResultStream()
                .map(Sanctions::view).toList();
        if (viewer.unreadNotices() > 0) {
            em.createNativeQuery("UPDATE member SET unread_notices = 0 WHERE id = ?1").setParameter(1, viewer.memberId())
                    .executeUpdate();
        }
        return notices;
    }

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'",
            Locale.ENGLISH);

    /** When a suspension ends, as members read it. */
    public static String when(OffsetDateTime at) {
        return at.withOffsetSameInstant(ZoneOffset.UTC).format(WHEN);
    }

    private static NoticeView view(MemberNotice n) {
        String heading = switch (n.kind()) {
            case WARNING -> "A warning from the moderators";
            case SUSPENSION -> "Your account is suspended until " + when(n.endsAt());
            case BAN -> "Your account is banned from writing";
            case LIFTED -> "You can write again";
            case HIDDEN -> "A moderator hid one of your posts";
        };
        return new NoticeView(n.kind().name().toLowerCase(Locale.ROOT), heading, n.message(), n.postId(), n.endsAt(),
                n.createdAt());
    }

    /** A member's notices are theirs to download too. */
    void onExport(@Observes MemberExport export) {
        JsonArrayBuilder notices = Json.createArrayBuilder();
        em.createNamedQuery("MemberNotice.ofMember", MemberNotice.class).setParameter("member", export.memberId())
                .getResultStream().forEach(n -> {
                    JsonObjectBuilder notice = Json.createObjectBuilder().add("kind",
                            n.kind().name().toLowerCase(Locale.ROOT)).add("createdAt", n.createdAt().toString());
                    if (n.message() != null) {
                        notice.add("message", n.message());
                    }
                    if (n.postId() != null) {
                        notice.add("postId", n.postId());
                    }
                    if (n.endsAt() != null) {
                        notice.add("endsAt", n.endsAt().toString());
                    }
                    notices.add(notice);
                });
        export.document().add("noticesFromModerators", notices);
    }
}
