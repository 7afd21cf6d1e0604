package org.haven.discussion;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Objects;
import org.haven.identity.Member;
import org.haven.web.ApiException;

/**
 * A post: the opening post of a thread or a reply. Its body is kept as the member wrote it (Markdown)
 * and as sanitised HTML rendered once at write time. Every change takes a new {@code changeSeq} so that
 * search indexes can follow. Lifecycle: VISIBLE → (edited by its author within the edit window)* →
 * DELETED by its author (text erased).
 */
@Entity
@Table(name = "post")
// authors fetched in the same query: one query per page, not one per post
@NamedQuery(name = "Post.ofThread", query = "select p from Post p left join fetch p.author where p.thread = :thread "
        + "order by p.createdAt, p.id")
@NamedQuery(name = "Post.countOfThread", query = "select count(p) from Post p where p.thread = :thread")
// how many posts of its thread come before a post, in the order Post.ofThread pages them
@NamedQuery(name = "Post.countBefore", query = "select count(p) from Post p, Post e where e.id = :id and p.thread = e.thread "
        + "and (p.createdAt < e.createdAt or (p.createdAt = e.createdAt and p.id < e.id))")
// a helpful mark ranks the post higher in search, so it takes a change sequence number for the index to see it
@NamedQuery(name = "Post.helpful", query = "update Post p set p.helpfulCount = p.helpfulCount + 1, p.changeSeq = :seq "
        + "where p.id = :id")
@NamedQuery(name = "Post.supported", query = "update Post p set p.supportCount = p.supportCount + 1 where p.id = :id")
@NamedQuery(name = "Post.byIds", query = "select p from Post p where p.id in :ids")
// pre-moderation: how many of a member's posts readers see
@NamedQuery(name = "Post.countPublishedBy", query = "select count(p) from Post p where p.author.id = :member "
        + "and p.status = :visible and p.id <> :except")
@NamedQuery(name = "Post.anonymous", query = "select p.anonymous from Post p where p.id = :id")
// what the crisis check of an edit reads with the body: an opening post's title (without reading the post itself)
@NamedQuery(name = "Post.openingTitle", query = "select p.opening, t.title from Post p join p.thread t where p.id = :id")
@NamedQuery(name = "Post.counts", query = "select p.helpfulCount, p.supportCount from Post p where p.id = :id")
public class Post {

    @Id
    @SequenceGenerator(name = "post_seq", sequenceName = "post_seq", allocationSize = 20)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "post_seq")
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "thread_id")
    private DiscussionThread thread;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "author_id")
    private Member author;

    @Column(nullable = false)
    private boolean anonymous;

    @Column(nullable = false)
    private boolean opening;

    @Column(name = "body_markdown", nullable = false, length = 20000)
    private String bodyMarkdown;

    @Column(name = "body_html", nullable = false, length = 200000)
    private String bodyHtml;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private PostStatus status;

    @Column(name = "helpful_count", nullable = false)
    private int helpfulCount;

    @Column(name = "support_count", nullable = false)
    private int supportCount;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "edited_at")
    private OffsetDateTime editedAt;

    /** Why a moderator edited the post (shown under it), or null. */
    @Column(name = "moderator_note", length = 500)
    private String moderatorNote;

    @Column(name = "moderated_at")
    private OffsetDateTime moderatedAt;

    @Column(name = "change_seq", nullable = false)
    private long changeSeq;

    @Version
    private long version;

    protected Post() {
    }

    Post(DiscussionThread thread, Member author, boolean anonymous, boolean opening, String markdown, String html,
            OffsetDateTime now, long changeSeq) {
        this.thread = thread;
        this.author = author;
        this.anonymous = anonymous;
        this.opening = opening;
        this.bodyMarkdown = markdown;
        this.bodyHtml = html;
        this.status = PostStatus.VISIBLE;
        this.createdAt = now;
        this.changeSeq = changeSeq;
    }

    boolean isBy(long memberId) {
        return author != null && Objects.equals(author.id(), memberId);
    }

    /** The author's edit: only while visible, within the window, and against the version they saw. */
    void edit(long memberId, long seenVersion, String markdown, String html, OffsetDateTime now, Duration window,
            long nextChangeSeq) {
        requireAuthor(memberId, "You can only edit your own posts.");
        requireAuthorMayEdit();
        if (seenVersion != version) {
            throw ApiException.conflict("This post changed since you opened it. Reload it, then edit again.");
        }
        if (now.isAfter(createdAt.plus(window))) {
            throw ApiException.forbidden("Posts can be edited for " + window.toMinutes()
                    + " minutes after posting, and that time has passed.");
        }
        this.bodyMarkdown = markdown;
        this.bodyHtml = html;
        this.editedAt = now;
        this.changeSeq = nextChangeSeq;
    }

    /**
     * A moderator takes identifying or method details out of the post, against the version they saw; {@code note}
     * is shown under the post. The words taken out are overwritten, not kept. The post stays where it is: this is
     * how a post in crisis language that says too much stays up.
     */
    void redact(long seenVersion, String markdown, String html, String note, OffsetDateTime now, long nextChangeSeq) {
        if (status == PostStatus.DELETED) {
            throw ApiException.conflict("The author has deleted this post.");
        }
        if (seenVersion != version) {
            throw ApiException.conflict("This post changed since you opened it. Reload it, then edit again.");
        }
        this.bodyMarkdown = markdown;
        this.bodyHtml = html;
        this.moderatorNote = note;
        this.moderatedAt = now;
        this.changeSeq = nextChangeSeq;
    }

    String moderatorNote() {
        return moderatorNote;
    }

    /** Whether its author may still change the post: not once it is hidden, deleted or edited by a moderator. */
    void requireAuthorMayEdit() {
        if (status == PostStatus.DELETED) {
            throw ApiException.conflict("This post was deleted, so it cannot be edited.");
        }
        if (status == PostStatus.HIDDEN) {
            throw ApiException.conflict("A moderator hid this post, so it cannot be edited.");
        }
        if (moderatorNote != null) {
            throw ApiException.conflict("A moderator edited this post, so it can no longer be changed; you can still "
                    + "delete it.");
        }
    }

    /** The author deletes the post: the text is erased now, not later. */
    void delete(long memberId, long nextChangeSeq) {
        requireAuthor(memberId, "You can only delete your own posts.");
        if (status == PostStatus.DELETED) {
            return;
        }
        erase();
        this.changeSeq = nextChangeSeq;
    }

    /**
     * The author deleted their account: the post stays in its thread without them ("[deleted member]"), or is
     * erased like a deleted post. Either way it changed, for the search nodes that show its author.
     */
    void authorLeft(boolean erasePost, long nextChangeSeq) {
        this.author = null;
        if (erasePost && status != PostStatus.DELETED) {
            erase();
        }
        this.changeSeq = nextChangeSeq;
    }

    /**
     * A moderator's decision takes the post out of view. Only a moderator does this, never the crisis detector: a
     * post in crisis language is published as written.
     */
    void hide(long nextChangeSeq) {
        if (status == PostStatus.DELETED) {
            throw ApiException.conflict("The author has deleted this post already.");
        }
        if (status == PostStatus.HIDDEN) {
            throw ApiException.conflict("A moderator has hidden this post already.");
        }
        this.status = PostStatus.HIDDEN;
        this.changeSeq = nextChangeSeq;
    }

    /**
     * A watched word holds the post for a moderator's approval: only its author and the moderators read it meanwhile.
     * Never for crisis language (see DiscussionService#screened).
     */
    void hold(long nextChangeSeq) {
        if (status == PostStatus.VISIBLE) {
            this.status = PostStatus.HELD;
            this.changeSeq = nextChangeSeq;
        }
    }

    /** A moderator approved a held post: readers see it from now on. Whether it was held. */
    boolean approve(long nextChangeSeq) {
        if (status != PostStatus.HELD) {
            return false;
        }
        this.status = PostStatus.VISIBLE;
        this.changeSeq = nextChangeSeq;
        return true;
    }

    /** A moderator undoes a hide: the post is shown again as it was. */
    void restore(long nextChangeSeq) {
        if (status != PostStatus.HIDDEN) {
            throw ApiException.conflict(status == PostStatus.DELETED ? "The author has deleted this post."
                    : "This post is not hidden.");
        }
        this.status = PostStatus.VISIBLE;
        this.changeSeq = nextChangeSeq;
    }

    private void erase() {
        this.status = PostStatus.DELETED;
        this.bodyMarkdown = "";
        this.bodyHtml = "";
        this.moderatorNote = null;
    }

    private void requireAuthor(long memberId, String message) {
        if (!isBy(memberId)) {
            throw ApiException.forbidden(message);
        }
    }

    Long id() {
        return id;
    }

    DiscussionThread thread() {
        return thread;
    }

    Member author() {
        return author;
    }

    boolean anonymous() {
        return anonymous;
    }

    boolean opening() {
        return opening;
    }

    boolean deleted() {
        return status == PostStatus.DELETED;
    }

    boolean hidden() {
        return status == PostStatus.HIDDEN;
    }

    /** Waiting for a moderator's approval: its author and the moderators read it, no one else. */
    boolean held() {
        return status == PostStatus.HELD;
    }

    /** Whether readers see the post's text: neither deleted by its author nor hidden by a moderator. */
    boolean shown() {
        return status == PostStatus.VISIBLE;
    }

    String bodyMarkdown() {
        return bodyMarkdown;
    }

    String bodyHtml() {
        return bodyHtml;
    }

    int helpfulCount() {
        return helpfulCount;
    }

    int supportCount() {
        return supportCount;
    }

    OffsetDateTime createdAt() {
        return createdAt;
    }

    OffsetDateTime editedAt() {
        return editedAt;
    }

    long changeSeq() {
        return changeSeq;
    }

    long version() {
        return version;
    }
}
