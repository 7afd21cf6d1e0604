package org.haven.screening;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.logging.Logger;
import org.haven.identity.Viewer;
import org.haven.web.ApiException;

/**
 * Pre-moderation of new members (DESIGN.md): until {@code n} of a member's posts have been published, each new one
 * waits for a moderator's approval. Moderators set {@code n} while Haven runs (0, the default, turns it off); it is
 * read from the database on every use, so every node applies a change at once. A member whose posts are hidden stays
 * pre-moderated: only published posts count. Never for crisis language, and never for moderators.
 */
@ApplicationScoped
public class Premoderation {

    private static final Logger LOG = Logger.getLogger(Premoderation.class.getName());

    /** The most first posts that can be held. */
    public static final int MAX = 20;

    /** What the review item of a post held by pre-moderation gives as its reason. */
    public static final String REASON = "a new member's first posts";

    @PersistenceContext(unitName = "haven")
    EntityManager em;

    @Inject
    Event<PremoderationChanged> changed;

    /** How many published posts a member needs before their posts go up at once (0: pre-moderation is off). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public int firstPostsHeld() {
        return ((Number) em.createNativeQuery("SELECT number FROM site_setting WHERE name = 'first_posts_held'")
                .getSingleResult()).intValue();
    }

    @Transactional
    public int set(Viewer moderator, Integer firstPosts) {
        if (firstPosts == null || firstPosts < 0 || firstPosts > MAX) {
            throw ApiException.invalid("firstPosts", "Hold from 0 (off) to " + MAX + " first posts.");
        }
        em.createNativeQuery("UPDATE site_setting SET number = ?1 WHERE name = 'first_posts_held'")
                .setParameter(1, firstPosts).executeUpdate();
        changed.fire(new PremoderationChanged(moderator.memberId(), firstPosts));
        LOG.info(() -> "pre-moderation set to " + firstPosts + " first posts by member " + moderator.memberId());
        return firstPosts;
    }
}
