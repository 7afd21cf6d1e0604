package org.haven.discussion;

import java.time.OffsetDateTime;
import java.util.List;
import org.haven.identity.Member;

/** What the API and pages show of threads and posts. Authors are shown as pseudonyms or placeholders. */
public final class DiscussionViews {

    public static final String ANONYMOUS = "Anonymous member";
    public static final String DELETED_MEMBER = "[deleted member]";

    private DiscussionViews() {
    }

    public record TopicRef(String slug, String name) {
    }

    /**
     * A post. {@code yours} tells the viewer which posts they may edit or delete; {@code version} is
     * what an edit must send back.
     */
    public record PostView(long id, String author, boolean anonymous, boolean opening, String bodyHtml,
            OffsetDateTime createdAt, OffsetDateTime editedAt, int helpfulCount, int supportCount, boolean deleted,
            boolean yours, long version, boolean hidden, String moderatorNote, boolean held) {
    }

    public record ThreadView(long id, String title, TopicRef topic, boolean locked, String author,
            OffsetDateTime createdAt, int replyCount, int page, int pageCount, List<PostView> posts,
            org.haven.crisis.CrisisHelp crisisBanner) {
    }

    public record ThreadSummary(long id, String title, TopicRef topic, String author, int replyCount,
            OffsetDateTime createdAt, OffsetDateTime lastActivityAt) {
    }

    public record ThreadPage(TopicRef topic, List<ThreadSummary> threads, int page, int pageCount, long total) {
    }

    /** The answer to starting a thread: the thread, its opening post, and crisis help when needed. */
    public record CreatedThread(long id, String title, TopicRef topic, PostView post, org.haven.crisis.CrisisHelp crisis) {
    }

    /** The answer to a new post or an edit: the post, its thread, and crisis help when the text needs it. */
    public record CreatedPost(long id, long threadId, PostView post, org.haven.crisis.CrisisHelp crisis) {
    }

    public record Reactions(long postId, long threadId, int helpfulCount, int supportCount) {
    }

    static String authorName(Member author, boolean anonymous) {
        if (anonymous) {
            return ANONYMOUS;
        }
        return author == null ? DELETED_MEMBER : author.pseudonym();
    }

    static TopicRef topicOf(DiscussionThread thread) {
        return new TopicRef(thread.topic().slug(), thread.topic().name());
    }

    static PostView post(Post p, Long viewerId) {
        return post(p, viewerId, false);
    }

    /**
     * A post as {@code viewerId} sees it. A hidden post keeps its text for moderators (marked {@code hidden}, so they
     * can review the decision) and for its writer, never for other readers. A post held for approval is read
     * by its author and the moderators only (marked {@code held}).
     */
    static PostView post(Post p, Long viewerId, boolean moderator) {
        boolean yours = viewerId != null && p.isBy(viewerId);
        // a hidden or held post: its writer reads what they wrote (the notice of a hide links to it), as moderators do
        boolean readable = p.shown() || (p.hidden() || p.held()) && (moderator || yours);
        return new PostView(p.id(), readable ? authorName(p.author(), p.anonymous()) : "", p.anonymous(),
                p.opening(), readable ? p.bodyHtml() : "", p.createdAt(), p.editedAt(), p.helpfulCount(),
                p.supportCount(), p.deleted(), yours, p.version(), p.hidden(), readable ? p.moderatorNote() : null,
                p.held());
    }

    /** A thread's title as readers see it: a moderator who hid the opening post hid the title with it. */
    static final String HIDDEN_AUTHOR = "[hidden]";

    static String titleOf(DiscussionThread t) {
        return t.openingHiddenByModerator() ? DiscussionThread.HIDDEN_TITLE
                : t.openingHeldForApproval() ? DiscussionThread.HELD_TITLE : t.title();
    }

    /** The title as {@code viewer} reads it: the writer and the moderators read a held thread's own title. */
    static String titleOf(DiscussionThread t, org.haven.identity.Viewer viewer) {
        return readsHeld(t, viewer) ? t.title() : titleOf(t);
    }

    static String authorOf(DiscussionThread t, org.haven.identity.Viewer viewer) {
        return readsHeld(t, viewer) ? authorName(t.author(), t.anonymous()) : authorOf(t);
    }

    /** Whether {@code viewer} reads a thread whose opening post waits for approval: its writer and the moderators. */
    private static boolean readsHeld(DiscussionThread t, org.haven.identity.Viewer viewer) {
        return t.openingHeldForApproval() && !t.openingHiddenByModerator() && viewer != null
                && (viewer.canModerate() || t.author() != null && t.author().id().equals(viewer.memberId()));
    }

    static String authorOf(DiscussionThread t) {
        return t.openingHiddenByModerator() || t.openingHeldForApproval() ? HIDDEN_AUTHOR
                : authorName(t.author(), t.anonymous());
    }

    static ThreadSummary summary(DiscussionThread t) {
        return new ThreadSummary(t.id(), titleOf(t), topicOf(t), authorOf(t), t.replyCount(),
                t.createdAt(), t.lastActivityAt());
    }
}
