package org.haven.screening;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.logging.Logger;
import org.haven.identity.Viewer;
import org.haven.platform.Clock;
import org.haven.web.ApiException;

/**
 * The moderators' list of watched words, and the screening of a post against it. The list is read from the database
 * for every screening: it is small, and a word a moderator adds on one node applies on every node at once.
 */
@ApplicationScoped
public class WatchedWords {

    private static final Logger LOG = Logger.getLogger(WatchedWords.class.getName());

    /** The most entries the list holds: each is tried against every post written. */
    public static final int MAX_ENTRIES = 500;

    @PersistenceContext(unitName = "haven")
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Event<WatchListChanged> changed;

    /** A watched word as moderators see it. */
    public record View(long id, String phrase, String action, String label, OffsetDateTime createdAt) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<View> list() {
        return em.createNamedQuery("WatchedWord.all", WatchedWord.class).getResultStream().map(WatchedWords::view)
                .toList();
    }

    @Transactional
    public View add(Viewer moderator, WatchedWordRequest request) {
        WatchAction action = action(request.action());
        String phrase = phrase(request.phrase());
        serialise();
        if (em.createNamedQuery("WatchedWord.count", Long.class).getSingleResult() >= MAX_ENTRIES) {
            throw ApiException.conflict("The list already holds " + MAX_ENTRIES + " watched words, the most it takes. "
                    + "Remove one first.");
        }
        requireNew(phrase, null);
        WatchedWord word = new WatchedWord(phrase, action, clock.now());
        em.persist(word);
        em.flush();
        changed.fire(new WatchListChanged(moderator.memberId(), "add", phrase, action));
        LOG.info(() -> "watched word " + word.id() + " added by member " + moderator.memberId());
        return view(word);
    }

    @Transactional
    public View change(Viewer moderator, long id, WatchedWordRequest request) {
        WatchAction action = action(request.action());
        String phrase = phrase(request.phrase());
        serialise();
        WatchedWord word = find(id);
        requireNew(phrase, id);
        word.change(phrase, action);
        em.flush();
        changed.fire(new WatchListChanged(moderator.memberId(), "change", phrase, action));
        LOG.info(() -> "watched word " + id + " changed by member " + moderator.memberId());
        return view(word);
    }

    @Transactional
    public void remove(Viewer moderator, long id) {
        WatchedWord word = find(id);
        em.remove(word);
        changed.fire(new WatchListChanged(moderator.memberId(), "remove", word.phrase(), word.action()));
        LOG.info(() -> "watched word " + id + " removed by member " + moderator.memberId());
    }

    /** The list as it stands, compiled. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public WordList current() {
        List<WordList.Entry> entries = em.createNamedQuery("WatchedWord.all", WatchedWord.class).getResultStream()
                .map(WatchedWord::entry).toList();
        return entries.isEmpty() ? WordList.empty() : WordList.of(entries);
    }

    /** What the list finds in a post's title ({@code null} for a reply) and body. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Screening screen(String title, String body) {
        WordList list = current();
        if (list.isEmpty()) {
            return Screening.NOTHING;
        }
        return new Screening(title == null ? List.of() : list.find(title), list.find(body));
    }

    /**
     * Changes to the list one at a time, on every node: two moderators adding the same word at once get a 409, not a
     * failed insert, and the list never passes its limit. The lock is the list's row among the site's settings.
     */
    private void serialise() {
        em.createNativeQuery("SELECT number FROM site_setting WHERE name = 'watched_words_lock' FOR UPDATE")
                .getResultList();
    }

    private void requireNew(String phrase, Long except) {
        em.createNamedQuery("WatchedWord.byPhrase", WatchedWord.class).setParameter("phrase", phrase)
                .getResultStream().filter(w -> !w.id().equals(except)).findFirst().ifPresent(w -> {
                    throw ApiException.conflict("\"" + phrase + "\" is on the list already.");
                });
    }

    private WatchedWord find(long id) {
        WatchedWord word = em.find(WatchedWord.class, id);
        if (word == null) {
            throw ApiException.notFound("That watched word");
        }
        return word;
    }

    private static String phrase(String typed) {
        try {
            return WordList.canonical(typed);
        } catch (IllegalArgumentException refused) {
            throw ApiException.invalid("phrase", refused.getMessage());
        }
    }

    private static WatchAction action(String slug) {
        return WatchAction.of(slug).orElseThrow(() -> ApiException.invalid("action",
                "Choose what the word does: " + WatchAction.CHOICES + "."));
    }

    private static View view(WatchedWord word) {
        return new View(word.id(), word.phrase(), word.action().slug(), word.action().label(), word.createdAt());
    }
}
