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
     * and sends them a notice. A suspension never shortens one that runs longer (a ban included): the moderator does
     * not know what else the writer has had, and only a lift ends one early. Staff are treated like anyone: a
     * suspension stops their writing, not their moderating. Nothing happens to a member who left meanwhile.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(long memberId, Sanction sanction, OffsetDateTime suspendUntil, String reason, long postId) {
        // the row locked, and changed with direct updates: the member's version stays, so a role change or a country
        // chosen at the same moment never fails on it
        List<?> rows = em.createNativeQuery("SELECT suspended_until FROM member WHERE id = ?1 FOR UPDATE")
                .setParameter(1, memberId).getResultList();
        if (rows.isEmpty()) {
            return;
        }
        OffsetDateTime now = clock.now();
        OffsetDateTime running = rows.get(0) == null ? null : toOffset(rows.get(0));
        boolean suspended = running != null && running.isAfter(now);
        switch (sanction) {
            case WARN -> notify(memberId, MemberNotice.Kind.WARNING, reason, postId, null, now);
            case SUSPEND -> {
                boolean longer = !suspended || suspendUntil.isAfter(running);
                if (longer) {
                    suspendUntil(memberId, suspendUntil);
                }
                // the member reads when it really ends: the longer of the two, a ban still a ban
                OffsetDateTime ends = longer ? suspendUntil : running;
                boolean banned = !ends.isBefore(Member.BANNED);
                notify(memberId, banned ? MemberNotice.Kind.BAN : MemberNotice.Kind.SUSPENSION, reason, postId,
                        banned ? null : ends, now);
            }
            case BAN -> {
                suspendUntil(memberId, Member.BANNED);
                notify(memberId, MemberNotice.Kind.BAN, reason, postId, null, now);
            }
            case LIFT -> {
                if (suspended) {
                    suspendUntil(memberId, null);
                    notify(memberId, MemberNotice.Kind.LIFTED, reason, postId, null, now);
                }
            }
        }
        LOG.info(() -> "sanction " + sanction.name().toLowerCase(Locale.ROOT) + " on the writer of post " + postId);
    }

    private void suspendUntil(long memberId, OffsetDateTime until) {
        if (until == null) {
            // NULL written out: a null parameter reaches PostgreSQL untyped, as text, which it will not store in a date
            em.createNativeQuery("UPDATE member SET suspended_until = NULL WHERE id = ?1").setParameter(1, memberId)
                    .executeUpdate();
        } else {
            em.createNativeQuery("UPDATE member SET suspended_until = ?1 WHERE id = ?2").setParameter(1, until)
                    .setParameter(2, memberId).executeUpdate();
        }
    }

    /** A timestamp as the driver answers it (H2 and PostgreSQL differ). */
    private static OffsetDateTime toOffset(Object value) {
        if (value instanceof OffsetDateTime odt) {
            return odt;
        }
        if (value instanceof java.sql.Timestamp ts) {
            return ts.toInstant().atOffset(ZoneOffset.UTC);
        }
        if (value instanceof java.time.Instant instant) {
            return instant.atOffset(ZoneOffset.UTC);
        }
        if (value instanceof java.time.ZonedDateTime zoned) {
            return zoned.toOffsetDateTime();
        }
        throw new IllegalStateException("unexpected timestamp type " + value.getClass().getName());
    }

    /** A moderator hid a member's post: the member is told why, inside the hide's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void postHidden(long memberId, long postId, String reason) {
        // the counter first: it locks the member's row, or finds that the member left
        if (count(memberId) == 1) {
            em.persist(new MemberNotice(memberId, MemberNotice.Kind.HIDDEN, reason, postId, null, clock.now()));
        }
    }

    private void notify(long memberId, MemberNotice.Kind kind, String message, Long postId, OffsetDateTime endsAt,
                        OffsetDateTime now) {
        count(memberId);
        em.persist(new MemberNotice(memberId, kind, message, postId, endsAt, now));
    }

    /** One more unread notice: a counter, not an edit of the member, so the member's version stays. */
    private int count(long memberId) {
        return em.createNativeQuery("UPDATE member SET unread_notices = unread_notices + 1 WHERE id = ?1")
                .setParameter(1, memberId).executeUpdate();
    }

    /** A notice as its member reads it. */
    public record NoticeView(String kind, String heading, String message, Long postId, OffsetDateTime endsAt,
            OffsetDateTime createdAt) {
    }

    /** The newest notices of the viewer; opening them marks them all read. */
    @Transactional
    public List<NoticeView> open(Viewer viewer) {
        // the count reset first: it locks the member's row, so a notice sent meanwhile comes after these are listed
        // and stays unread, instead of being marked read unseen
        em.createNativeQuery("UPDATE member SET unread_notices = 0 WHERE id = ?1").setParameter(1, viewer.memberId())
                .executeUpdate();
        return em.createNamedQuery("MemberNotice.ofMember", MemberNotice.class)
                .setParameter("member", viewer.memberId()).setMaxResults(NOTICES_SHOWN).getResultStream()
                .map(Sanctions::view).toList();
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
