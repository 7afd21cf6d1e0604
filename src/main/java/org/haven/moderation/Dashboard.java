package org.haven.moderation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import org.haven.platform.Clock;

/**
 * How the queue is doing, for the moderators who share it (DESIGN.md's dashboard): how many items wait in each lane
 * and for how long the oldest has, and how long items have waited for a moderator's first action (a claim or a
 * decision) over the last 30 days. Volunteers see at a glance whether the care lane needs more hands tonight.
 */
@ApplicationScoped
public class Dashboard {

    /** The days the time to first action is measured over; well inside the care retention period. */
    static final int DAYS = 30;

    @PersistenceContext(unitName = "haven")
    EntityManager em;

    @Inject
    Clock clock;

    public record LaneFigures(String lane, long pending, Long oldestWaitingSeconds) {
    }

    /**
     * {@code items} acted on among those that arrived in the last {@code days}, the median wait for the first action
     * among them (null when there are none), and how many of that period's items still wait with no one acting.
     */
    public record FirstAction(int days, int items, Long medianSeconds, long waitingUntouched) {
    }

    public record Figures(List<LaneFigures> lanes, FirstAction firstAction) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Figures figures() {
        OffsetDateTime now = clock.now();
        List<LaneFigures> lanes = List.of(lane(Lane.CARE, now), lane(Lane.REVIEW, now));
        OffsetDateTime since = now.minusDays(DAYS);
        List<Object[]> acted = em.createNamedQuery("AuditEntry.firstActions", Object[].class)
                .setParameter("since", since).getResultList();
        long[] waits = acted.stream().mapToLong(row -> Math.max(0,
                Duration.between(instant(row[0]), instant(row[1])).getSeconds())).toArray();
        Long median = median(waits);
        long untouched = em.createNamedQuery("AuditEntry.untouchedSince", Long.class).setParameter("since", since)
                .setParameter("status", ItemStatus.PENDING).getSingleResult();
        return new Figures(lanes, new FirstAction(DAYS, waits.length, median, untouched));
    }

    /** The median of {@code values} (the mean of the middle two for an even count), or null when there are none. */
    static Long median(long[] values) {
        if (values.length == 0) {
            return null;
        }
        long[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /** The count and the oldest time in one query, so that they always agree (an item may arrive between two). */
    private LaneFigures lane(Lane lane, OffsetDateTime now) {
        Object[] row = em.createNamedQuery("ModerationItem.pendingFigures", Object[].class).setParameter("lane", lane)
                .setParameter("status", ItemStatus.PENDING).getSingleResult();
        long pending = ((Number) row[0]).longValue();
        return new LaneFigures(lane.name().toLowerCase(java.util.Locale.ROOT), pending, pending == 0 || row[1] == null
                ? null : Math.max(0, Duration.between(instant(row[1]), now.toInstant()).getSeconds()));
    }

    /**
     * A time an aggregate answered. The persistence provider may hand back a MIN over a time column in the driver's
     * type rather than the attribute's, so every shape the two databases give is read the same way.
     */
    static java.time.Instant instant(Object time) {
        if (time instanceof OffsetDateTime t) {
            return t.toInstant();
        } else if (time instanceof java.time.Instant t) {
            return t;
        } else if (time instanceof java.sql.Timestamp t) {
            return t.toInstant();
        } else if (time instanceof java.time.ZonedDateTime t) {
            return t.toInstant();
        }
        throw new IllegalStateException("not a time: " + (time == null ? null : time.getClass()));
    }
}
