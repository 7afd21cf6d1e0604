package org.haven.discussion;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.List;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import jakarta.enterprise.event.Event;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.haven.content.ContentRenderer;
import org.haven.crisis.CrisisDetected;
import org.haven.crisis.CrisisHelp;
import org.haven.crisis.CrisisLevel;
import org.haven.crisis.CrisisService;
import org.haven.crisis.CrisisVerdict;
import org.haven.identity.Member;
import org.haven.identity.Viewer;
import org.haven.platform.Clock;
import org.haven.topic.Topic;
import org.haven.topic.TopicService;
import org.haven.screening.Premoderation;
import org.haven.screening.Screening;
import org.haven.screening.WatchAction;
import org.haven.screening.WatchedWords;
import org.haven.screening.WordList;
import org.haven.web.ApiException;

/**
 * The discussion use cases. Each write is one transaction that stores the post with its change
 * sequence number; the post is acknowledged only after that commits.
 */
@ApplicationScoped
public class DiscussionService {

    private static final Logger LOG = Logger.getLogger(DiscussionService.class.getName());

    public static final int THREADS_PER_PAGE = 20;
    public static final int POSTS_PER_PAGE = 20;
    public static final int MAX_PAGE = 10_000;

    @PersistenceContext(unitName = "haven")
    EntityManager em;

    @Inject
    TopicService topics;

    @Inject
    ContentRenderer renderer;

    @Inject
    ChangeSequence changes;

    @Inject
    Clock clock;

    @Inject
    CrisisService crisis;

    @Inject
    Event<CrisisDetected> crisisDetected;

    @Inject
    Event<ThreadLockChanged> lockChanged;

    @Inject
    Event<ThreadMoved> threadMoved;

    @Inject
    Event<PostRestored> restored;

    @Inject
    Event<PostRedacted> redacted;

    @Inject
    WatchedWords watchedWords;

    @Inject
    Event<PostScreened> screened;

    @Inject
    Premoderation premoderation;

    @Inject
    @ConfigProperty(name = "haven.edit.window.minutes", defaultValue = "30")
    long editWindowMinutes;

    @Transactional
    public DiscussionViews.CreatedThread startThread(Viewer viewer, String topicSlug, DiscussionRequests.NewThread request) {
        Topic topic = topics.require(topicSlug);
        String typedTitle = TextInput.title(request.title());
        String typedBody = TextInput.body(request.body());
        boolean anonymous = Boolean.TRUE.equals(request.anonymous());
        CrisisVerdict verdict = crisis.check(checkedText(typedTitle, typedBody));
        requireMayWrite(viewer, verdict);
        Written written = screen(viewer, typedTitle, typedBody, verdict, anonymous, null);
        String title = written.title();
        String body = written.body();
        // the change number before anything that refers to the member's row, as in every post write and in an
        // account's deletion: one lock order, so a member's writing and their deletion cannot deadlock (rendered
        // first, so that the counter, which serialises post writes, is not held while rendering)
        String html = renderer.toSafeHtml(body);
        long changeSeq = changes.next();
        Member author = em.getReference(Member.class, viewer.memberId());
        var now = clock.now();
        DiscussionThread thread = new DiscussionThread(topic, title, author, anonymous, now);
        if (written.hold()) {
            thread.openingHeld(); // counted in its topic once approved
        } else {
            topics.countThread(topic);
        }
        em.persist(thread);
        Post post = new Post(thread, author, anonymous, true, body, html, now, changeSeq);
        if (written.hold()) {
            post.hold(changeSeq);
        }
        em.persist(post);
        em.flush();
        forReview(post, thread.id(), written, false);
        CrisisHelp help = afterWrite(viewer, post, thread.id(), verdict);
        LOG.fine(() -> "thread " + thread.id() + " started with post " + post.id());
        return new DiscussionViews.CreatedThread(thread.id(), title, DiscussionViews.topicOf(thread),
                DiscussionViews.post(post, viewer.memberId()), help);
    }

    @Transactional
    public DiscussionViews.CreatedPost reply(Viewer viewer, long threadId, DiscussionRequests.NewPost request) {
        DiscussionThread thread = thread(threadId);
        String typed = TextInput.body(request.body());
        CrisisVerdict verdict = crisis.check(typed);
        requireMayWrite(viewer, verdict);
        boolean anonymous = Boolean.TRUE.equals(request.anonymous());
        Written written = screen(viewer, null, typed, verdict, anonymous, null);
        String body = written.body();
        var now = clock.now();
        String html = renderer.toSafeHtml(body); // before the counter, which serialises post writes
        // the change counter before the thread's row, as every write takes them: an edit into crisis language takes
        // the counter and then the thread (its banner), and a deletion the counter and then the member's threads
        long change = changes.next();
        // a counter, not an edit: a bulk update, so concurrent replies never conflict on the version. A held reply
        // counts (readers see its place in the thread) but does not bring the thread up: nothing new can be read yet
        int open = (written.hold() ? em.createNamedQuery("Thread.repliedQuietly")
                : em.createNamedQuery("Thread.replied").setParameter("now", now))
                .setParameter("id", threadId).setParameter("open", ThreadStatus.OPEN).executeUpdate();
        if (open == 0) {
            throw ApiException.conflict("This thread is locked, so it takes no new replies.");
        }
        // a hidden opening post (drug sourcing, say) closes its thread too: replies would only answer it. Read after
        // the counter, which a hide holds until it commits
        Object[] opening = (Object[]) em.createNamedQuery("Thread.opening").setParameter("id", threadId)
                .getSingleResult();
        if ((Boolean) opening[0]) {
            throw ApiException.conflict("A moderator hid this thread's opening post, so it takes no new replies.");
        }
        if ((Boolean) opening[1] && !verdict.level().atLeast(CrisisLevel.CONCERN)) {
            // its writer may still answer there in crisis language: that is never refused, and reaches the care lane
            throw ApiException.conflict("This thread is waiting for a moderator's approval, so it takes no replies "
                    + "yet.");
        }
        Member author = em.getReference(Member.class, viewer.memberId());
        Post post = new Post(thread, author, anonymous, false, body, html, now, change);
        if (written.hold()) {
            post.hold(change);
        }
        em.persist(post);
        em.flush();
        forReview(post, threadId, written, false);
        CrisisHelp help = afterWrite(viewer, post, threadId, verdict);
        LOG.fine(() -> "post " + post.id() + " added to thread " + threadId);
        return new DiscussionViews.CreatedPost(post.id(), threadId, DiscussionViews.post(post, viewer.memberId()), help);
    }

    @Transactional
    public DiscussionViews.CreatedPost edit(Viewer viewer, long postId, DiscussionRequests.EditPost request) {
        String typed = TextInput.body(request.body());
        // an edit is checked like a new post, and its writer gets the same help: "I took them all" can be added later;
        // an opening post with its thread's title, as when the thread was started ("Goodbye everyone" + "thank you
        // for everything" says what neither says alone). The title is read without the post, which is read below
        CrisisVerdict verdict = crisis.check(checkedTextOfEdit(postId, typed));
        requireMayWrite(viewer, verdict);
        // and screened like a new post: a held word added by an edit holds the post, and so does pre-moderation (what
        // the edit says was never read by a moderator)
        Written written = screen(viewer, null, typed, verdict, viewer.canModerate() && anonymousPost(postId), postId);
        String body = written.body();
        String html = renderer.toSafeHtml(body);
        // the change counter before the post is read, as a moderator's hide takes them: the post is then read as the
        // hide left it, and the edit is refused with the hide's reason rather than failing its version check
        long seq = changes.next();
        Post post = post(postId);
        post.edit(viewer.memberId(), request.version(), body, html, clock.now(),
                Duration.ofMinutes(editWindowMinutes), seq);
        boolean wasHeld = post.held();
        if (written.hold() && !post.held()) {
            post.hold(seq);
            if (post.opening()) {
                holdOpening(post.thread());
            }
        } else if (post.held() && verdict.level().atLeast(CrisisLevel.CONCERN) && post.approve(seq)) {
            // a held post edited into crisis language is published: crisis language is never held (its review item
            // stays, for a moderator to read, no longer as an approval)
            published(post);
        }
        em.flush();
        forReview(post, post.thread().id(), written, wasHeld);
        CrisisHelp help = afterWrite(viewer, post, post.thread().id(), verdict);
        return new DiscussionViews.CreatedPost(post.id(), post.thread().id(), DiscussionViews.post(post, viewer.memberId()), help);
    }

    /** What the crisis check reads of an opening post: the title and the body together. */
    private static String checkedText(String title, String body) {
        return title + "\n\n" + body;
    }

    /** The text the crisis check will read of a new thread, cleaned as it will be stored (for the writing limit). */
    public static String checkedTextOfThread(String title, String body) {
        return checkedText(TextInput.title(title), TextInput.body(body));
    }

    /** The text the crisis check will read of a reply, cleaned as it will be stored. */
    public static String checkedTextOfReply(String body) {
        return TextInput.body(body);
    }

    /**
     * The text the crisis check will read of an edit: an opening post's with its thread's title. Reads the title
     * alone, so that the post itself is first read where the edit holds the change counter.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public String checkedTextOfEdit(long postId, String body) {
        String clean = TextInput.body(body);
        Object[] row = em.createNamedQuery("Post.openingTitle", Object[].class).setParameter("id", postId)
                .getResultStream().findFirst().orElseThrow(() -> ApiException.notFound("That post"));
        return (Boolean) row[0] ? checkedText((String) row[1], clean) : clean;
    }

    /**
     * A member a moderator suspended or banned does not write or react until it ends; reporting a post (a worry about
     * someone is a safety signal), deleting their own posts and their account stay open. A post in crisis language is
     * published all the same: help comes before sanctions, and the care lane hears of it as of any other.
     */
    private void requireMayWrite(Viewer viewer, CrisisVerdict verdict) {
        if (viewer.suspendedAt(clock.now()) && (verdict == null || !verdict.level().atLeast(CrisisLevel.CONCERN))) {
            throw ApiException.forbidden((viewer.banned() ? "A moderator banned your account from writing."
                    : "A moderator suspended your account until " + org.haven.identity.Sanctions.when(
                            viewer.suspendedUntil()) + ", so you cannot write until then.")
                    + " Your account page has their message. If you are struggling, the crisis lines on the help page "
                    + "are there at any time.");
        }
    }

    /** A post as the watched words leave it: censored, held for approval or not, and what moderators should read. */
    private record Written(String title, String body, boolean hold, List<String> review) {
    }

    /**
     * Screens a member's post against the watched words. A word to block refuses the post, naming it, so that the
     * writer can change it and nothing is stored; a word to hold holds it for approval; a word to flag asks for review;
     * a word to censor is censored in what is stored. Crisis language (CONCERN or above) wins over the list: such a
     * post is never refused or held, only flagged, so that it reaches its readers and the care lane. A new post
     * ({@code editing} null) or an edit of a member with fewer published posts than pre-moderation asks is held too.
     * A post in crisis language is published as written: neither refused, held nor censored. Moderators' posts are not
     * screened, but for those they write anonymously ({@code screenStaff}): an anonymous post that a watched word
     * left alone would tell that a moderator wrote it.
     */
    private Written screen(Viewer viewer, String title, String body, CrisisVerdict verdict, boolean screenStaff,
                           Long editing) {
        if (viewer.canModerate() && !screenStaff) {
            return new Written(title, body, false, List.of());
        }
        boolean crisisPost = verdict.level().atLeast(CrisisLevel.CONCERN);
        boolean newcomer = !crisisPost && !viewer.canModerate() && isNewcomer(viewer, editing);
        Screening screening = watchedWords.screen(title, body);
        if (screening == Screening.NOTHING) {
            return new Written(title, body, newcomer, newcomer ? List.of(Premoderation.REASON) : List.of());
        }
        if (crisisPost) {
            // the moderators still read what it held, in the review lane as well as the care lane
            return new Written(title, body, false,
                    screening.phrases(WatchAction.BLOCK, WatchAction.HOLD, WatchAction.FLAG));
        }
        WordList.Match blocked = screening.first(WatchAction.BLOCK).orElse(null);
        if (blocked != null) {
            // the entry as moderators keep it, never the words as written: a refusal's message can reach the server's
            // logs (Liberty records an incident for it), and no post's words may
            throw ApiException.invalid(screening.inTitle(blocked) ? "title" : "body", "Haven does not allow \""
                    + blocked.phrase() + "\" in posts" + (blocked.phrase().indexOf('*') >= 0
                            ? " (* stands for any letters)" : "") + ". Change it, then post again: nothing was posted.");
        }
        List<String> review = new java.util.ArrayList<>(screening.phrases(WatchAction.HOLD, WatchAction.FLAG));
        if (newcomer) {
            review.add(Premoderation.REASON);
        }
        return new Written(title == null ? null : screening.censorTitle(title), screening.censorBody(body),
                newcomer || screening.any(WatchAction.HOLD), List.copyOf(review));
    }

    /**
     * Whether pre-moderation holds the member's post: fewer of their posts are published than it asks (the post being
     * edited, {@code editing}, left out).
     */
    private boolean isNewcomer(Viewer viewer, Long editing) {
        int held = premoderation.firstPostsHeld();
        return held > 0 && em.createNamedQuery("Post.countPublishedBy", Long.class)
                .setParameter("member", viewer.memberId()).setParameter("visible", PostStatus.VISIBLE)
                .setParameter("except", editing == null ? -1L : editing).getSingleResult() < held;
    }

    /** Whether a post was written anonymously (404 for no such post). */
    private boolean anonymousPost(long postId) {
        return em.createNamedQuery("Post.anonymous", Boolean.class).setParameter("id", postId).getResultStream()
                .findFirst().orElseThrow(() -> ApiException.notFound("That post"));
    }

    /**
     * A held or flagged post goes to the review lane, inside the post's transaction; so does every edit of a post that
     * was held ({@code wasHeld}), so that its item changes version and a moderator never approves words they did not
     * read, and learns when crisis language published it.
     */
    private void forReview(Post post, long threadId, Written written, boolean wasHeld) {
        if (!written.review().isEmpty() || wasHeld) {
            screened.fire(new PostScreened(post.id(), threadId, written.review(), post.held()));
        }
    }

    /**
     * A thread's opening post was held by an edit: the thread leaves the lists and its topic's count, and every post of
     * it leaves search (the index hears of it by their new change numbers).
     */
    private void holdOpening(DiscussionThread thread) {
        if (!thread.openingHeldForApproval()) {
            thread.openingHeld();
            topics.uncountThread(thread.topic());
            renumber(thread);
        }
    }

    /** A held post is shown: an opening post brings its thread back; a reply brings its thread up, as a new one does. */
    private void published(Post post) {
        DiscussionThread thread = post.thread();
        if (post.opening()) {
            if (thread.openingHeldForApproval()) {
                thread.openingReleased();
                topics.countThread(thread.topic());
                renumber(thread);
            }
        } else {
            em.createNamedQuery("Thread.active").setParameter("id", thread.id()).setParameter("now", clock.now())
                    .executeUpdate();
        }
    }

    /**
     * Gives every post of a thread a new change number, because the search index must read them all again (the thread
     * moved, or its opening post was held or shown). One statement, numbering the posts in id order from the first
     * number reserved: the counter is held for the rest of the transaction, so a long thread must not take one
     * statement a post.
     */
    private void renumber(DiscussionThread thread) {
        em.flush();
        long posts = em.createNamedQuery("Post.countOfThread", Long.class).setParameter("thread", thread)
                .getSingleResult();
        long first = changes.reserve((int) posts) - posts + 1;
        em.createNativeQuery("UPDATE post SET change_seq = ?1 + (SELECT COUNT(*) FROM post earlier "
                        + "WHERE earlier.thread_id = post.thread_id AND earlier.id < post.id) WHERE thread_id = ?2")
                .setParameter(1, first).setParameter(2, thread.id()).executeUpdate();
    }

    /**
     * A moderator approved a held post, inside the decision's transaction: readers see it from now on. Takes the
     * change counter and then the post's row, as every writer does before it locks a moderation item. Nothing
     * happens to a post that is no longer held (deleted by its author, or hidden meanwhile).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void approveByModerator(long postId) {
        long seq = changes.next();
        Post post = lockedPost(postId);
        if (post.approve(seq)) {
            published(post);
        }
    }

    /**
     * The crisis check of a written post, inside its transaction. Crisis language never hides, holds or
     * rejects a post: it adds a care item for moderators (CONCERN and above), turns on the readers'
     * resource banner (IDEATION and above) and answers the help the writer sees.
     */
    private CrisisHelp afterWrite(Viewer viewer, Post post, long threadId, CrisisVerdict verdict) {
        if (verdict.level() == CrisisLevel.NONE) {
            return null;
        }
        crisisDetected.fire(new CrisisDetected(post.id(), threadId, verdict));
        if (verdict.level().atLeast(CrisisLevel.IDEATION)) {
            em.createNamedQuery("Thread.showBanner").setParameter("id", threadId).executeUpdate();
        }
        return crisis.helpFor(verdict.level(), viewer.country()).orElse(null);
    }

    @Transactional
    public void delete(Viewer viewer, long postId) {
        long seq = changes.next(); // before the post is read, as in edit
        Post post = post(postId);
        post.delete(viewer.memberId(), seq);
        LOG.fine(() -> "post " + postId + " deleted by its author");
    }

    /**
     * Marks a reply helpful or sends support, once per member and post. Marking your own post helpful
     * is refused; helpful applies to replies (the opening post asks, replies help).
     */
    @Transactional
    public DiscussionViews.Reactions react(Viewer viewer, long postId, String kind) {
        requireMayWrite(viewer, null);
        boolean helpful = "helpful".equals(kind);
        // a helpful mark changes the post's rank in search: like every post write, the counter before the post
        long seq = helpful ? changes.next() : 0;
        Post post = post(postId);
        if (!post.shown()) {
            throw ApiException.conflict(post.hidden() ? "A moderator hid this post."
                    : post.held() ? HELD : "This post was deleted.");
        }
        if (helpful && post.isBy(viewer.memberId())) {
            throw ApiException.forbidden("You cannot mark your own post helpful.");
        }
        if (helpful && post.opening()) {
            throw ApiException.conflict("Only replies can be marked helpful.");
        }
        int added = em.createNativeQuery("INSERT INTO post_reaction (post_id, member_id, kind) SELECT ?1, ?2, ?3 "
                        + "WHERE NOT EXISTS (SELECT 1 FROM post_reaction WHERE post_id = ?1 AND member_id = ?2 AND kind = ?3)")
                .setParameter(1, postId).setParameter(2, viewer.memberId()).setParameter(3, kind)
                .executeUpdate();
        if (added == 1) {
            // counters, not edits: bulk updates leave the post's version alone, so an author's edit
            // never fails because someone else reacted meanwhile
            var update = em.createNamedQuery(helpful ? "Post.helpful" : "Post.supported").setParameter("id", postId);
            if (helpful) {
                update.setParameter("seq", seq);
            }
            update.executeUpdate();
        }
        Object[] counts = (Object[]) em.createNamedQuery("Post.counts").setParameter("id", postId).getSingleResult();
        return new DiscussionViews.Reactions(postId, post.thread().id(), ((Number) counts[0]).intValue(), ((Number) counts[1]).intValue());
    }

    @Transactional
    public void setLocked(Viewer moderator, long threadId, DiscussionRequests.LockChange change) {
        String reason = TextInput.reason(change.reason());
        boolean locked = change.locked();
        // the counter first, as every change to a thread: a move or a hide of the same thread waits instead of
        // failing on the thread's version
        changes.reserve(0);
        DiscussionThread thread = thread(threadId);
        if (thread.locked() == locked) {
            return; // already so: the same answer, and nothing for the audit log to record
        }
        if (locked) {
            thread.lock();
        } else {
            thread.unlock();
        }
        lockChanged.fire(new ThreadLockChanged(moderator.memberId(), threadId, locked, reason));
        LOG.info(() -> "thread " + threadId + (locked ? " locked" : " unlocked") + " by member " + moderator.memberId());
    }

    /** The longest reason a move takes: its audit entry puts "Moved from (slug) to (slug). " before it. */
    static final int MAX_MOVE_REASON = 360;

    /**
     * Moves a thread to another topic. Every post of the thread takes a new change sequence number, because the
     * search index files each post under its topic. Moving a thread where it already is changes nothing.
     */
    @Transactional
    public void move(Viewer moderator, long threadId, DiscussionRequests.Move move) {
        // the audit entry says where from and where to before the reason, within the entry's 500 characters
        String reason = TextInput.optional(move.reason(), "reason", MAX_MOVE_REASON,
                "A reason for a move has at most " + MAX_MOVE_REASON + " characters.");
        Topic to = topics.bySlug(move.topic().strip())
                .orElseThrow(() -> ApiException.invalid("topic", "There is no such topic."));
        changes.reserve(0); // the counter first, as every post write: no post of the thread changes meanwhile
        DiscussionThread thread = thread(threadId);
        Topic from = thread.topic();
        if (from.id().equals(to.id())) {
            return;
        }
        thread.moveTo(to);
        if (!thread.openingHeldForApproval()) { // a held thread is counted nowhere until approved
            topics.countMove(from, to);
        }
        renumber(thread); // search files every post of it under its new topic
        threadMoved.fire(new ThreadMoved(moderator.memberId(), threadId, from.slug(), to.slug(), reason));
        LOG.info(() -> "thread " + threadId + " moved by member " + moderator.memberId());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public DiscussionViews.ThreadView read(long threadId, int page, Viewer viewer) {
        Long viewerId = viewer == null ? null : viewer.memberId();
        DiscussionThread thread = thread(threadId);
        long total = em.createNamedQuery("Post.countOfThread", Long.class).setParameter("thread", thread).getSingleResult();
        int pageCount = pageCount(total, POSTS_PER_PAGE);
        List<DiscussionViews.PostView> posts = em.createNamedQuery("Post.ofThread", Post.class)
                .setParameter("thread", thread)
                .setFirstResult((page - 1) * POSTS_PER_PAGE).setMaxResults(POSTS_PER_PAGE)
                .getResultStream().map(p -> DiscussionViews.post(p, viewerId, viewer != null && viewer.canModerate()))
                .toList();
        return new DiscussionViews.ThreadView(thread.id(), DiscussionViews.titleOf(thread, viewer),
                DiscussionViews.topicOf(thread), thread.locked(), DiscussionViews.authorOf(thread, viewer),
                thread.createdAt(),
                thread.replyCount(), page, pageCount, posts,
                thread.resourceBanner() ? crisis.bannerFor(viewer == null ? null : viewer.country()) : null);
    }

    /** The page of its thread that shows a post, so a redirect after editing lands on the post, not on page 1. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public int pageOf(long postId) {
        long before = em.createNamedQuery("Post.countBefore", Long.class).setParameter("id", postId).getSingleResult();
        return (int) (before / POSTS_PER_PAGE) + 1;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public DiscussionViews.ThreadPage threadsOf(String topicSlug, int page) {
        Topic topic = topics.require(topicSlug);
        long total = em.createNamedQuery("Thread.countByTopic", Long.class).setParameter("topic", topic).getSingleResult();
        List<DiscussionViews.ThreadSummary> threads = em.createNamedQuery("Thread.byTopic", DiscussionThread.class)
                .setParameter("topic", topic)
                .setFirstResult((page - 1) * THREADS_PER_PAGE).setMaxResults(THREADS_PER_PAGE)
                .getResultStream().map(DiscussionViews::summary).toList();
        return new DiscussionViews.ThreadPage(new DiscussionViews.TopicRef(topic.slug(), topic.name()), threads, page,
                pageCount(total, THREADS_PER_PAGE), total);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<DiscussionViews.ThreadSummary> recent(int limit) {
        return em.createNamedQuery("Thread.recent", DiscussionThread.class).setMaxResults(limit)
                .getResultStream().map(DiscussionViews::summary).toList();
    }

    /** A post as its author's edit form needs it: the Markdown and the version to send back. */
    public record EditablePost(long id, long threadId, long version, String body) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public EditablePost postForEdit(Viewer viewer, long postId) {
        Post post = post(postId);
        if (!post.isBy(viewer.memberId())) {
            throw ApiException.forbidden("You can only change your own posts.");
        }
        post.requireAuthorMayEdit();
        return new EditablePost(post.id(), post.thread().id(), post.version(), post.bodyMarkdown());
    }

    /**
     * Where a post is read: the page of its thread that shows it, anchored at the post. A link to a post (from the
     * care lane, say) stays right as replies push it to later pages.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public String addressOf(long postId) {
        Post post = post(postId);
        return "/threads/" + post.thread().id() + "?page=" + pageOf(postId) + "#post-" + postId;
    }

    /**
     * The account that wrote a post, for a moderator's action on its writer (never shown to the moderator); empty when
     * the writer has left Haven. 404 for no such post.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public java.util.Optional<Long> writerOf(long postId) {
        Post post = post(postId);
        return java.util.Optional.ofNullable(post.author()).map(Member::id);
    }

    /** The thread of a post (404 for no such post). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public long threadOf(long postId) {
        return post(postId).thread().id();
    }

    /** A post as a form about it shows it: its thread and a plain-text excerpt. */
    public record PostGlimpse(long id, long threadId, String excerpt) {
    }

    /**
     * A post members may report, for the report form; a missing or deleted post is not found, and a hidden one was
     * dealt with already.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public PostGlimpse reportable(long postId, int maxChars) {
        Post post = post(postId);
        if (post.deleted()) {
            throw ApiException.notFound("That post");
        }
        if (post.hidden()) {
            throw ApiException.conflict(HIDDEN_ALREADY);
        }
        if (post.held()) {
            throw ApiException.conflict(HELD + " Moderators read it before anyone else does.");
        }
        return new PostGlimpse(post.id(), post.thread().id(), renderer.excerpt(post.bodyMarkdown(), maxChars));
    }

    /**
     * The thread of a post members may report, locking the post's row for the caller's transaction so that two
     * reports of it at once join one moderation item; a missing or deleted post is not found.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public long threadOfReportable(long postId) {
        Post post = em.find(Post.class, postId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (post == null || post.deleted()) {
            throw ApiException.notFound("That post");
        }
        if (post.hidden()) {
            throw ApiException.conflict(HIDDEN_ALREADY);
        }
        if (post.held()) {
            throw ApiException.conflict(HELD + " Moderators read it before anyone else does.");
        }
        return post.thread().id();
    }

    /**
     * A moderator edits a post to take out identifying or method details (DESIGN.md's redact), with a note shown under
     * it; an opening post's title may change with it. The words taken out are overwritten and kept nowhere. The crisis
     * check does not run again: these are the moderator's words, and the care item keeps what the writer's said.
     * Recorded in the audit log in the same transaction.
     */
    @Transactional
    public DiscussionViews.PostView redactByModerator(Viewer moderator, long postId,
                                                      DiscussionRequests.ModeratorEdit request) {
        String body = TextInput.body(request.body());
        String note = TextInput.reason(request.reason());
        if (note == null) {
            throw ApiException.invalid("reason", "Say what was taken out and why: readers see it under the post.");
        }
        String title = request.title() == null || request.title().isBlank() ? null : TextInput.title(request.title());
        String html = renderer.toSafeHtml(body);
        long seq = changes.next();
        Post post = lockedPost(postId);
        if (title != null && !post.opening()) {
            throw ApiException.invalid("title", "Only the opening post of a thread has a title.");
        }
        post.redact(request.version(), body, html, note, clock.now(), seq);
        if (title != null) {
            post.thread().retitledByModerator(title);
        }
        redacted.fire(new PostRedacted(moderator.memberId(), postId, post.thread().id(), note));
        em.flush();
        LOG.info(() -> "post " + postId + " edited by moderator " + moderator.memberId());
        return DiscussionViews.post(post, moderator.memberId(), true);
    }

    /** What a moderator's edit form starts from: the post as written, its thread's title when it opens the thread. */
    public record ModeratorEditable(long id, long threadId, long version, String body, String title) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ModeratorEditable forModeratorEdit(long postId) {
        Post post = post(postId);
        if (post.deleted()) {
            throw ApiException.conflict("The author has deleted this post.");
        }
        return new ModeratorEditable(post.id(), post.thread().id(), post.version(), post.bodyMarkdown(),
                post.opening() ? post.thread().title() : null);
    }

    /** A hidden post as the form to show it again quotes it, for moderators; 409 when it is not hidden. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public PostGlimpse hidden(long postId, int maxChars) {
        Post post = post(postId);
        if (!post.hidden()) {
            throw ApiException.conflict(post.deleted() ? "The author has deleted this post." : "This post is not hidden.");
        }
        return new PostGlimpse(post.id(), post.thread().id(), renderer.excerpt(post.bodyMarkdown(), maxChars));
    }

    /**
     * A moderator shows a hidden post again (a hide was a mistake, or was appealed), with a reason for the audit log,
     * which records it in the same transaction. The change counter, then the post, as every writer takes them.
     */
    @Transactional
    public long restoreByModerator(Viewer moderator, long postId, String reason) {
        String why = TextInput.reason(reason);
        if (why == null) {
            throw ApiException.invalid("reason", "Say why the post is shown again: the audit log keeps it.");
        }
        long seq = changes.next();
        Post post = lockedPost(postId);
        post.restore(seq);
        if (post.opening()) {
            post.thread().openingRestored();
            if (post.thread().openingHeldForApproval()) {
                published(post); // a held post a moderator hid, then showed after all
            }
        }
        restored.fire(new PostRestored(moderator.memberId(), postId, post.thread().id(), why));
        LOG.info(() -> "post " + postId + " shown again by member " + moderator.memberId());
        return post.thread().id();
    }

    private static final String HELD = "This post is waiting for a moderator's approval.";

    private static final String HIDDEN_ALREADY = "A moderator has hidden this post already; there is nothing more to "
            + "report.";

    /**
     * A moderator's decision hides a post (see {@link Post#hide}), inside the decision's transaction. Takes the
     * change counter and then the post's row, as every writer does before it locks a moderation item.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void hideByModerator(long postId) {
        long seq = changes.next();
        Post post = lockedPost(postId);
        post.hide(seq);
        if (post.opening()) {
            post.thread().openingHidden(); // the title is part of what was written
        }
    }

    private Post lockedPost(long postId) {
        Post post = em.find(Post.class, postId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (post == null) {
            throw ApiException.notFound("That post");
        }
        return post;
    }

    /** A post as moderators' lists quote it: a plain-text excerpt ("" once deleted), and whether it is hidden. */
    public record ListedPost(String excerpt, boolean hidden) {
    }

    /** The posts of a moderators' list, as it shows them: one query for all of them. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<Long, ListedPost> listed(Collection<Long> postIds, int maxChars) {
        Map<Long, ListedPost> listed = new HashMap<>();
        List<Long> ids = postIds.stream().filter(java.util.Objects::nonNull).distinct().toList();
        if (ids.isEmpty()) {
            return listed;
        }
        em.createNamedQuery("Post.byIds", Post.class).setParameter("ids", ids).getResultStream()
                .forEach(p -> listed.put(p.id(), new ListedPost(p.deleted() ? "" : renderer.excerpt(p.bodyMarkdown(),
                        maxChars), p.hidden())));
        return listed;
    }

    private DiscussionThread thread(long id) {
        DiscussionThread thread = em.find(DiscussionThread.class, id);
        if (thread == null) {
            throw ApiException.notFound("That thread");
        }
        return thread;
    }

    private Post post(long id) {
        Post post = em.find(Post.class, id);
        if (post == null) {
            throw ApiException.notFound("That post");
        }
        return post;
    }

    private static int pageCount(long total, int perPage) {
        return (int) Math.max(1, (total + perPage - 1) / perPage);
    }
}
