package org.haven.discussion;

import jakarta.enterprise.context.ApplicationScoped;
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

    @Transactional(Transactional.TxType.MANDATORY)
    public long next() {
        em.createNativeQuery("UPDATE change_counter SET current_value = current_value + 1 WHERE name = 'post'")
                .executeUpdate();
        return ((Number) em.createNativeQuery("SELECT current_value FROM change_counter WHERE name = 'post'")
                .getSingleResult()).longValue();
    }
}
