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
import java.time.OffsetDateTime;
import org.haven.identity.Member;
import org.haven.topic.Topic;

/**
 * A thread: a title in a topic, opened by a member's first post. Replies move its last activity, which
 * orders topic listings. A moderator may lock it; a locked thread refuses replies.
 */
@Entity
@Table(name = "discussion_thread")
@NamedQuery(name = "Thread.byTopic", query = "select t from DiscussionThread t join fetch t.topic left join fetch t.author "
        + "where t.topic = :topic and t.openingHeld = false order by t.lastActivityAt desc, t.id desc")
// a thread whose opening post waits for a moderator's approval is listed nowhere and counted nowhere until approved
@NamedQuery(name = "Thread.countByTopic", query = "select count(t) from DiscussionThread t where t.topic = :topic "
        + "and t.openingHeld = false")
@NamedQuery(name = "Thread.recent", query = "select t from DiscussionThread t join fetch t.topic left join fetch t.author "
        + "where t.openingHeld = false order by t.lastActivityAt desc, t.id desc")
// A reply is counted with a bulk update that only succeeds on an open thread (see DiscussionService#reply).
@NamedQuery(name = "Thread.opening", query = "select t.openingHidden, t.openingHeld from DiscussionThread t "
        + "where t.id = :id")
@NamedQuery(name = "Thread.replied", query = "update DiscussionThread t set t.replyCount = t.replyCount + 1, "
        + "t.lastActivityAt = :now where t.id = :id and t.status = :open")
// a reply held for approval takes its place in the thread, but brings the thread up only once it is approved
@NamedQuery(name = "Thread.repliedQuietly", query = "update DiscussionThread t set t.replyCount = t.replyCount + 1 "
        + "where t.id = :id and t.status = :open")
@NamedQuery(name = "Thread.active", query = "update DiscussionThread t set t.lastActivityAt = :now where t.id = :id")
@NamedQuery(name = "Thread.showBanner", query = "update DiscussionThread t set t.resourceBanner = true where t.id = :id")
public class DiscussionThread {

    @Id
    @SequenceGenerator(name = "thread_seq", sequenceName = "thread_seq", allocationSize = 20)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "thread_seq")
    private Long id;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "topic_id")
    private Topic topic;

    @Column(nullable = false, length = 200)
    private String title;

    @Column(name = "opening_hidden", nullable = false)
    private boolean openingHidden;

    /** The opening post waits for a moderator's approval (a watched word held it). */
    @Column(name = "opening_held", nullable = false)
    private boolean openingHeld;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "author_id")
    private Member author;

    @Column(nullable = false)
    private boolean anonymous;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ThreadStatus status;

    @Column(name = "reply_count", nullable = false)
    private int replyCount;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "last_activity_at", nullable = false)
    private OffsetDateTime lastActivityAt;

    /** Readers see crisis resources: someone wrote at IDEATION or above here. */
    @Column(name = "resource_banner", nullable = false)
    private boolean resourceBanner;

    @Version
    private long version;

    protected DiscussionThread() {
    }

    DiscussionThread(Topic topic, String title, Member author, boolean anonymous, OffsetDateTime now) {
        this.topic = topic;
        this.title = title;
        this.author = author;
        this.anonymous = anonymous;
        this.status = ThreadStatus.OPEN;
        this.createdAt = now;
        this.lastActivityAt = now;
    }

    /** What a thread is called once its writer left Haven and erased what they wrote; the replies stay. */
    static final String ERASED_TITLE = "(title removed by its writer)";

    /** The writer deleted their account: the thread stays for those who replied, without the writer's name or words. */
    void authorLeft(boolean eraseTitle) {
        this.author = null;
        if (eraseTitle) {
            this.title = ERASED_TITLE;
        }
    }

    /** What readers see of a thread whose opening post a moderator hid. */
    static final String HIDDEN_TITLE = "(thread hidden by a moderator)";

    /** A moderator hid the opening post, and so the title and the writer's name with it; the text is kept. */
    void openingHidden() {
        this.openingHidden = true;
    }

    void openingRestored() {
        this.openingHidden = false;
    }

    boolean openingHiddenByModerator() {
        return openingHidden;
    }

    /** What readers see of a thread whose opening post waits for a moderator's approval. */
    static final String HELD_TITLE = "(thread waiting for a moderator's approval)";

    /** The opening post is held for approval: the thread is kept out of lists and counts, and takes no replies. */
    void openingHeld() {
        this.openingHeld = true;
    }

    /** The opening post was approved (or a moderator showed it again): the thread is listed from now on. */
    void openingReleased() {
        this.openingHeld = false;
    }

    boolean openingHeldForApproval() {
        return openingHeld;
    }

    /** A moderator took identifying or method details out of the title. */
    void retitledByModerator(String title) {
        this.title = title;
    }

    /** A moderator moved the thread to another topic (where it belongs, or where it will be read). */
    void moveTo(Topic other) {
        this.topic = other;
    }

    void lock() {
        status = ThreadStatus.LOCKED;
    }

    void unlock() {
        status = ThreadStatus.OPEN;
    }

    Long id() {
        return id;
    }

    Topic topic() {
        return topic;
    }

    String title() {
        return title;
    }

    Member author() {
        return author;
    }

    boolean anonymous() {
        return anonymous;
    }

    boolean resourceBanner() {
        return resourceBanner;
    }

    boolean locked() {
        return status == ThreadStatus.LOCKED;
    }

    int replyCount() {
        return replyCount;
    }

    OffsetDateTime createdAt() {
        return createdAt;
    }

    OffsetDateTime lastActivityAt() {
        return lastActivityAt;
    }
}
