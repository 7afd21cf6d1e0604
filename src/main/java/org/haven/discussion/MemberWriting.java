package org.haven.discussion;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.haven.identity.MemberExport;
import org.haven.identity.MemberLeaving;

/** What discussions keep of one member: their threads, posts and reactions, for their export and when they leave. */
@ApplicationScoped
public class MemberWriting {

    @PersistenceContext(unitName = "haven")
    EntityManager em;

    @Inject
    ChangeSequence changes;

    /**
     * Inside the deletion's transaction. Their reactions go and the counts under the posts drop by theirs; their
     * posts and threads stay in place for the people who replied, without their name, and with their words
     * erased when they asked for that.
     */
    void onLeaving(@Observes @Priority(Interceptor.Priority.APPLICATION + 500) MemberLeaving leaving) {
        long member = leaving.memberId();
        // the change counter first, as every post write takes it before it touches the member's row: the same order
        // cannot deadlock, and no post of theirs can be written between the list below and the end of the deletion
        changes.reserve(0);
        for (String kind : List.of("helpful", "support")) {
            String count = kind + "_count";
            em.createNativeQuery("UPDATE post SET " + count + " = " + count + " - 1 WHERE id IN "
                            + "(SELECT post_id FROM post_reaction WHERE member_id = ?1 AND kind = ?2)")
                    .setParameter(1, member).setParameter(2, kind).executeUpdate();
        }
        // the posts they had marked helpful rank lower in search now: each takes a change sequence number
        long helped = ((Number) em.createNativeQuery("SELECT COUNT(*) FROM post_reaction WHERE member_id = ?1 "
                + "AND kind = 'helpful'").setParameter(1, member).getSingleResult()).longValue();
        long first = changes.reserve((int) helped) - helped + 1;
        em.createNativeQuery("UPDATE post SET change_seq = ?1 + (SELECT COUNT(*) FROM post_reaction earlier "
                        + "WHERE earlier.member_id = ?2 AND earlier.kind = 'helpful' AND earlier.post_id < post.id) "
                        + "WHERE id IN (SELECT post_id FROM post_reaction WHERE member_id = ?2 AND kind = 'helpful')")
                .setParameter(1, first).setParameter(2, member).executeUpdate();
        em.createNativeQuery("DELETE FROM post_reaction WHERE member_id = ?1").setParameter(1, member).executeUpdate();
        List<Post> posts = em.createQuery("select p from Post p where p.author.id = :member order by p.id", Post.class)
                .setParameter("member", member).getResultList();
        long next = changes.reserve(posts.size()) - posts.size() + 1;
        for (Post post : posts) {
            post.authorLeft(leaving.erasePosts(), next++);
        }
        for (DiscussionThread thread : em.createQuery("select t from DiscussionThread t where t.author.id = :member",
                DiscussionThread.class).setParameter("member", member).getResultList()) {
            thread.authorLeft(leaving.erasePosts());
        }
        em.flush();
    }

    /** Their threads, their posts (as written, in Markdown; deleted ones have nothing left) and their reactions. */
    void onExport(@Observes MemberExport export) {
        long member = export.memberId();
        JsonArrayBuilder threads = Json.createArrayBuilder();
        for (DiscussionThread t : em.createQuery("select t from DiscussionThread t join fetch t.topic "
                + "where t.author.id = :member order by t.createdAt, t.id", DiscussionThread.class)
                .setParameter("member", member).getResultList()) {
            threads.add(Json.createObjectBuilder().add("id", t.id()).add("title", t.title()).add("topic", t.topic().slug())
                    .add("anonymous", t.anonymous()).add("createdAt", t.createdAt().toString()));
        }
        JsonArrayBuilder posts = Json.createArrayBuilder();
        for (Post p : em.createQuery("select p from Post p join fetch p.thread where p.author.id = :member "
                + "and p.status <> :deleted order by p.createdAt, p.id", Post.class)
                .setParameter("member", member).setParameter("deleted", PostStatus.DELETED).getResultList()) {
            JsonObjectBuilder post = Json.createObjectBuilder().add("id", p.id()).add("threadId", p.thread().id())
                    .add("opening", p.opening()).add("anonymous", p.anonymous())
                    .add("createdAt", p.createdAt().toString()).add("body", p.bodyMarkdown());
            if (p.editedAt() != null) {
                post.add("editedAt", p.editedAt().toString());
            }
            if (p.hidden()) {
                post.add("hiddenByModerator", true);
            }
            if (p.held()) {
                post.add("waitingForApproval", true);
            }
            if (p.moderatorNote() != null) {
                post.add("editedByModerator", p.moderatorNote());
            }
            posts.add(post);
        }
        JsonArrayBuilder reactions = Json.createArrayBuilder();
        for (Object row : em.createNativeQuery("SELECT post_id, kind FROM post_reaction WHERE member_id = ?1 ORDER BY post_id, kind")
                .setParameter(1, member).getResultList()) {
            Object[] r = (Object[]) row;
            reactions.add(Json.createObjectBuilder().add("postId", ((Number) r[0]).longValue()).add("kind", (String) r[1]));
        }
        export.document().add("threads", threads).add("posts", posts).add("reactions", reactions);
    }
}
