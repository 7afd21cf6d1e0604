package org.haven.discussion;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.haven.content.ContentRenderer;

/**
 * What search reads from the discussion: the posts that changed after a change sequence number, in that order (to
 * keep an index up to date, or to build one from nothing), and the posts a page of results shows. Search reads the
 * database through here only, so the discussion's entities stay its own.
 */
@ApplicationScoped
public class PostFeed {

    @PersistenceContext(unitName = "haven")
    EntityManager em;

    @Inject
    ContentRenderer renderer;

    /**
     * A post as the index sees it.
     *
     * @param title the thread's title when this is its opening post, else null (a reply does not repeat the title)
     * @param text the post as plain text (Markdown and markup removed)
     * @param searchable whether readers may find it: false for hidden and deleted posts, which the index drops (but an
     *     opening post its author deleted keeps its thread's title findable, with no text)
     */
    public record Change(long postId, long threadId, String topic, String title, String text, OffsetDateTime createdAt,
            int helpfulCount, boolean searchable, long changeSeq) {
    }

    /** A post as a result shows it, read when the page of results is shown (so never stale, and never hidden). */
    /** {@code bodyShown} is false for an opening post its author deleted: {@code text} then says so. */
    public record Shown(long postId, long threadId, boolean opening, String title, DiscussionViews.TopicRef topic,
            String text, boolean bodyShown, OffsetDateTime createdAt) {
    }

    /** Up to {@code limit} posts whose change sequence number is above {@code mark}, lowest first. */
    @Transactional
    public List<Change> changedSince(long mark, int limit) {
        return em.createQuery("select p from Post p join fetch p.thread where p.changeSeq > :mark order by p.changeSeq",
                        Post.class)
                .setParameter("mark", mark).setMaxResults(limit)
                .getResultStream().map(this::change).toList();
    }

    private Change change(Post p) {
        DiscussionThread thread = p.thread();
        // nothing of a thread whose opening post waits for approval is found, its replies included
        boolean searchable = (p.shown() || titleOnly(p)) && !p.thread().openingHeldForApproval();
        return new Change(p.id(), thread.id(), thread.topic().slug(),
                searchable && p.opening() ? thread.title() : null,
                p.shown() ? renderer.excerpt(p.bodyMarkdown(), Integer.MAX_VALUE) : "",
                p.createdAt(), p.helpfulCount(), searchable, p.changeSeq());
    }

    /**
     * An opening post its author deleted, in a thread whose title readers still see: the index keeps the title (the
     * post's words are gone). Must agree with {@link #SEARCHABLE} and {@link #shown}.
     */
    private static boolean titleOnly(Post p) {
        return p.opening() && p.deleted() && !p.thread().openingHiddenByModerator()
                && !DiscussionThread.ERASED_TITLE.equals(p.thread().title());
    }

    /** What readers can find, in JPQL: a visible post, or the title of a thread whose opening post was deleted. */
    private static final String SEARCHABLE = "t.openingHeld = :no and (p.status = :visible or (p.opening = :yes "
            + "and p.status = :deleted and t.openingHidden = :no and t.title <> :erased))";

    private static <Q extends jakarta.persistence.Query> Q searchable(Q query) {
        query.setParameter("visible", PostStatus.VISIBLE).setParameter("deleted", PostStatus.DELETED)
                .setParameter("yes", true).setParameter("no", false)
                .setParameter("erased", DiscussionThread.ERASED_TITLE);
        return query;
    }

    /** What a result shows of an opening post that was deleted: its thread's title, and this. */
    static final String DELETED_OPENING = "The opening post was deleted by its author; the replies are still there.";

    /** The highest change sequence number any post carries (0 when there are none). */
    @Transactional
    public long latestChange() {
        Long max = em.createQuery("select max(p.changeSeq) from Post p", Long.class).getSingleResult();
        return max == null ? 0 : max;
    }

    /** How many posts readers can see: an index that holds another number of documents is out of step. */
    @Transactional
    public long searchableCount() {
        return searchable(em.createQuery("select count(p) from Post p join p.thread t where " + SEARCHABLE, Long.class))
                .getSingleResult();
    }

    /** The posts among {@code postIds} that readers can see now, by id. */
    @Transactional
    public Map<Long, Shown> shown(Collection<Long> postIds) {
        if (postIds.isEmpty()) {
            return Map.of();
        }
        return searchable(em.createQuery("select p from Post p join fetch p.thread t where p.id in :ids and "
                        + SEARCHABLE, Post.class))
                .setParameter("ids", postIds)
                .getResultStream()
                .map(p -> new Shown(p.id(), p.thread().id(), p.opening(), DiscussionViews.titleOf(p.thread()),
                        DiscussionViews.topicOf(p.thread()),
                        p.shown() ? renderer.excerpt(p.bodyMarkdown(), Integer.MAX_VALUE) : DELETED_OPENING,
                        p.shown(), p.createdAt()))
                .collect(Collectors.toMap(Shown::postId, Function.identity()));
    }
}
