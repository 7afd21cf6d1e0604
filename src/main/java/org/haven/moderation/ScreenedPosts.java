package org.haven.moderation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.logging.Logger;
import org.haven.discussion.PostScreened;
import org.haven.platform.Clock;

/**
 * Posts the watched words held or flagged reach the review lane: one pending item per post, as for members' reports,
 * so that a post reported and flagged is read once.
 */
@ApplicationScoped
public class ScreenedPosts {

    private static final Logger LOG = Logger.getLogger(ScreenedPosts.class.getName());

    @PersistenceContext(unitName = "haven")
    EntityManager em;

    @Inject
    Clock clock;

    /** Runs inside the post's transaction, which holds the post's row: the item is stored with the post or not at all. */
    void onScreened(@Observes PostScreened screened) {
        String phrases = String.join(",", screened.phrases());
        ModerationItem pending = em.createNamedQuery("ModerationItem.pendingOfPost", ModerationItem.class)
                .setParameter("post", screened.postId()).setParameter("lane", Lane.REVIEW)
                .setParameter("status", ItemStatus.PENDING).setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream().findFirst().orElse(null);
        if (pending != null) {
            pending.screenedAgain(screened.held(), phrases);
            // a new version even when nothing it shows changed: the post did, and an approval must be of what it says
            em.lock(pending, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
            return;
        }
        if (phrases.isEmpty()) {
            return; // an edit of a held post whose item a moderator closed meanwhile
        }
        ModerationItem item = ModerationItem.screened(screened.postId(), screened.threadId(), screened.held(), phrases,
                clock.now());
        em.persist(item);
        em.flush();
        LOG.info(() -> "review item " + item.id() + " for post " + screened.postId()
                + (screened.held() ? ", held for approval" : ", flagged by watched words"));
    }
}
