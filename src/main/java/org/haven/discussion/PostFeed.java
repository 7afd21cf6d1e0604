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
     * @param searchable whether readers may find it: false for hidden and deleted posts, which the index drops
     */
    public record Change(long postId, long threadId, String topic, String title, String text, OffsetDateTime createdAt,
            int helpfulCount, boolean searchable, long changeSeq) {
    }

    /** A post as a result shows it, read when the page of results is shown (so never stale, and never hidden). */
    public record Shown(long postId, long threadId, boolean opening, String title, DiscussionViews.TopicRef topic,
            String text, OffsetDateTime createdAt) {
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
        boolean searchable = p.shown();
        return new Change(p.id(), thread.id(), thread.topic().slug(),
                searchable && p.opening() ? thread.title() : null,
                searchable ? renderer.excerpt(p.bodyMarkdown(), Integer.MAX_VALUE) : "",
                p.createdAt(), p.helpfulCount(), searchable, p.changeSeq());
    }

    /** The highest change sequence number any post carries (0 when there are none). */
    @Transactional
    public long latestChange() {
        Long max = em.createQuery("select max(p.changeSeq) from Post p", Long.class).getSingleResult();
        return max == null ? 0 : max;
    }

    /** How many posts readers can see: an index that holds another number of documents is out of step. */
    @Transactional
    public long searchableCount() {
        return em.createQuery("select count(p) from Post p where p.status = :visible", Long.class)
                .setParameter("visible", PostStatus.VISIBLE).getSingleResult();
    }

    /** The posts among {@code postIds} that readers can see now, by id. */
    @Transactional
    public Map<Long, Shown> shown(Collection<Long> postIds) {
        if (postIds.isEmpty()) {
            return Map.of();
        }
        return em.createQuery("select p from Post p join fetch p.thread where p.id in :ids and p.status = :visible",
                        Post.class)
                .setParameter("ids", postIds).setParameter("visible", PostStatus.VISIBLE)
                .getResultStream()
                .map(p -> new Shown(p.id(), p.thread().id(), p.opening(), DiscussionViews.titleOf(p.thread()),
                        DiscussionViews.topicOf(p.thread()), renderer.excerpt(p.bodyMarkdown(), Integer.MAX_VALUE),
                        p.createdAt()))
                .collect(Collectors.toMap(Shown::postId, Function.identity()));
    }
}
