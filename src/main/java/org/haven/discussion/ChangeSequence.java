package org.haven.discussion;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/**
 * Hands out the monotonic post change sequence. The counter is one row that each writer increments
 * inside its own transaction: the row lock is held until commit, so numbers become visible in the
 * order they were issued and a search node polling {@code change_seq > mark} never skips a change that
 * commits late (which a database sequence would allow). The cost is that post writes serialise on
 * that row for the rest of their (short) transaction.
 */
@ApplicationScoped
public class ChangeSequence {

    @PersistenceContext(unitName = "haven")
    EntityManager em;

    @Inject
    Event<PostsChanged> changed;

    @Transactional(Transactional.TxType.MANDATORY)
    public long next() {
        return reserve(1);
    }

    /**
     * Hands out {@code count} numbers at once (the last is answered; the first is {@code last - count + 1}), in
     * one update, so that a change to many posts holds the row for one statement per batch, not two per post.
     * {@code reserve(0)} only takes the row lock: what the caller reads next, no other writer can change until it
     * commits.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public long reserve(int count) {
        em.createNativeQuery("UPDATE change_counter SET current_value = current_value + ?1 WHERE name = 'post'")
                .setParameter(1, count).executeUpdate();
        long last = ((Number) em.createNativeQuery("SELECT current_value FROM change_counter WHERE name = 'post'")
                .getSingleResult()).longValue();
        if (count > 0) {
            // observers that wait for the commit (the search index) learn of it then; a rollback tells no one
            changed.fire(new PostsChanged(last));
        }
        return last;
    }
}
