package org.haven.moderation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Locale;
import org.haven.discussion.DiscussionService;
import org.haven.discussion.TextInput;
import org.haven.identity.Sanctions;
import org.haven.identity.Sanctions.Sanction;
import org.haven.identity.Viewer;
import org.haven.platform.Clock;
import org.haven.web.ApiException;

/**
 * Moderators act on the writer of a post (DESIGN.md: warn, suspend for a period, ban) without learning who the writer
 * is, anonymous posts included: the answer names the post, never the account, and is the same whatever the writer's
 * state (earlier sanctions, role, or an account deleted since), which would otherwise link posts to one account. The
 * writer reads the reason as a notice; the audit log keeps the action on the post.
 */
@ApplicationScoped
public class WriterActions {

    static final String CHOICES = "warn, suspend, ban, lift";
    public static final int MAX_DAYS = 365;

    @PersistenceContext(unitName = "haven")
    EntityManager em;

    @Inject
    DiscussionService discussion;

    @Inject
    Sanctions sanctions;

    @Inject
    Clock clock;

    /** What was done: {@code until} is when a suspension ends (null for a warning, a ban or a lift). */
    public record Applied(long postId, String action, OffsetDateTime until) {
    }

    @Transactional
    public Applied act(Viewer moderator, long postId, SanctionRequest request) {
        Sanction sanction = Arrays.stream(Sanction.values())
                .filter(s -> s.name().equalsIgnoreCase(request.action().strip())).findFirst()
                .orElseThrow(() -> ApiException.invalid("action", "Choose an action: " + CHOICES + "."));
        String reason = TextInput.reason(request.reason());
        if (reason == null && sanction != Sanction.LIFT) {
            throw ApiException.invalid("reason", "Say why: the writer reads it, and the audit log keeps it.");
        }
        int days = sanction == Sanction.SUSPEND ? days(request.days()) : 0;
        long thread = discussion.threadOf(postId);
        OffsetDateTime now = clock.now();
        OffsetDateTime until = sanction == Sanction.SUSPEND ? now.plus(Duration.ofDays(days)) : null;
        // the same answer whoever wrote the post (a writer who left, a moderator, someone not suspended when lifting):
        // a difference would tell the moderator something of an anonymous writer, or link two posts to one account
        discussion.writerOf(postId).ifPresent(writer -> sanctions.apply(writer, sanction, until, reason, postId));
        String slug = sanction.name().toLowerCase(Locale.ROOT);
        String audited = sanction == Sanction.SUSPEND ? "For " + days + (days == 1 ? " day." : " days.")
                + (reason == null ? "" : " " + reason) : reason;
        em.persist(new AuditEntry(now, moderator.memberId(), slug, postId, thread,
                audited == null ? null : AuditEntry.fit(audited)));
        return new Applied(postId, slug, until);
    }

    /** A suspension's length as sent: a whole number of days from 1 to {@link #MAX_DAYS}, or a 400 naming it. */
    static int days(jakarta.json.JsonValue sent) {
        if (sent instanceof jakarta.json.JsonNumber number && number.isIntegral()
                && number.bigIntegerValue().compareTo(java.math.BigInteger.ONE) >= 0
                && number.bigIntegerValue().compareTo(java.math.BigInteger.valueOf(MAX_DAYS)) <= 0) {
            return number.intValue();
        }
        throw ApiException.invalid("days", "A suspension lasts 1 to " + MAX_DAYS + " days; for longer, ban.");
    }
}
