package org.haven.search;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Logger;
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.store.FSDirectory;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.haven.crisis.CrisisHelp;
import org.haven.crisis.CrisisService;
import org.haven.discussion.DiscussionViews.TopicRef;
import org.haven.discussion.PostFeed;
import org.haven.discussion.PostsChanged;
import org.haven.identity.Viewer;
import org.haven.platform.DatabaseMigration;
import org.haven.platform.StartupTask;
import org.haven.topic.TopicService;
import org.haven.web.ApiException;

/**
 * Search over every visible post, and the index behind it. The index is this node's projection of the database: at
 * start-up it is opened and caught up, or built from the database when it is missing, unreadable, built with another
 * analysis, ahead of the database (which was replaced) or holding another number of posts than the database shows;
 * it catches up after every commit that changed posts (so a writer finds their post as soon as it is acknowledged)
 * and every second besides (so that other nodes' changes arrive within a second or two).
 *
 * <p>Queries are never stored or logged: the same detector as for posts reads them, and a query in crisis language
 * gets the help card above its results.
 */
@ApplicationScoped
public class SearchService implements StartupTask {

    private static final Logger LOG = Logger.getLogger(SearchService.class.getName());

    static final int PAGE_SIZE = 10;

    /** Posts read from the database per step of a catch-up. */
    private static final int BATCH = 500;

    @Inject
    @ConfigProperty(name = "haven.index.dir", defaultValue = "search-index")
    String indexDir;

    @Inject
    @ConfigProperty(name = "haven.search.poll.millis", defaultValue = "1000")
    long pollMillis;

    @Inject
    @ConfigProperty(name = "haven.search.purge.minutes", defaultValue = "10")
    long purgeMinutes;

    @Inject
    PostFeed feed;

    @Inject
    DatabaseMigration migration;

    @Inject
    CrisisService crisis;

    @Inject
    TopicService topics;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Resource
    ManagedExecutorService executor;

    /** One writer at a time: catch-ups, rebuilds, commits and purges take turns. */
    private final ReentrantLock writing = new ReentrantLock();

    private volatile PostIndex index;
    /** While a rebuild holds the writer: writers then leave their change to the poll rather than wait for it. */
    private volatile boolean rebuilding;
    private volatile long lastPurge = System.nanoTime();
    private volatile java.util.concurrent.ScheduledFuture<?> polling;

    @Override
    public int order() {
        return 50; // after the demo content, whose posts the first catch-up then finds
    }

    @Override
    public void run() {
        writing.lock();
        try {
            Path path = Path.of(indexDir).toAbsolutePath();
            Files.createDirectories(path);
            PostIndex opened = PostIndex.open(FSDirectory.open(path), migration.installation());
            try {
                bringUpToDate(opened);
            } catch (IOException | RuntimeException e) {
                opened.close(); // else its write lock would outlive this deployment and refuse the next one
                throw e;
            }
            index = opened;
            LOG.info(() -> "search index ready at change " + opened.mark());
        } catch (IOException e) {
            throw new UncheckedIOException("The search index cannot be opened", e);
        } finally {
            writing.unlock();
        }
        polling = scheduler.scheduleWithFixedDelay(this::poll, pollMillis, pollMillis, TimeUnit.MILLISECONDS);
    }

    /** Start-up: catches the index up with the database, or builds it again when it does not match the database. */
    private void bringUpToDate(PostIndex opened) throws IOException {
        if (opened.created()) {
            LOG.info("search index built from the database: there was none this node could use (missing, "
                    + "unreadable, or of another analysis version or database)");
        }
        String why = opened.mark() > feed.latestChange() ? "it is ahead of the database" : null;
        if (why == null) {
            why = countMismatch(opened);
            if (why != null) {
                why = countMismatch(opened); // once more: other nodes may have written between catch-up and count
            }
        }
        if (why != null) {
            String reason = why;
            LOG.warning(() -> "search index rebuilt from the database: " + reason);
            rebuild(opened);
        }
        opened.commit();
    }

    /** Catches up, then compares the posts the index holds with those the database shows; null when they agree. */
    private String countMismatch(PostIndex opened) throws IOException {
        catchUp(opened);
        long expected = feed.searchableCount();
        int held = opened.size();
        return held == expected ? null : "it holds " + held + " posts and the database shows " + expected;
    }

    /** Whether searches can be answered (the readiness check): after start-up has opened the index. */
    public boolean ready() {
        PostIndex current = index;
        return current != null && current.healthy();
    }

    /** After a commit that changed posts: catch up now, waiting at most briefly (the poll follows anyway). */
    void onPostsChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) PostsChanged changed) {
        if (index == null || rebuilding) {
            return; // start-up catches up itself; after a rebuild the poll brings the change in
        }
        try {
            // another thread: this one is still completing the transaction that made the change
            executor.submit(() -> tryCatchUp(2, TimeUnit.SECONDS)).get(3, TimeUnit.SECONDS);
        } catch (TimeoutException | ExecutionException | RuntimeException e) {
            LOG.warning(() -> "search catch-up after change " + changed.upTo() + " deferred to the next poll: "
                    + e.getClass().getName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void poll() {
        try {
            if (tryCatchUp(0, TimeUnit.SECONDS)) {
                writing.lock();
                try {
                    if (index != null) {
                        index.commit();
                    }
                    if (index != null && System.nanoTime() - lastPurge >= TimeUnit.MINUTES.toNanos(purgeMinutes)) {
                        lastPurge = System.nanoTime();
                        if (index.purge()) {
                            LOG.fine("search index purged of removed posts");
                        }
                    }
                } finally {
                    writing.unlock();
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.warning(() -> "search index poll failed: " + e.getClass().getName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Catches up if the writer is free within the wait; false when it was busy (a rebuild runs). */
    private boolean tryCatchUp(long wait, TimeUnit unit) throws IOException, InterruptedException {
        if (!writing.tryLock(wait, unit)) {
            return false;
        }
        try {
            if (index == null) {
                return false; // stopped
            }
            catchUp(index);
            return true;
        } finally {
            writing.unlock();
        }
    }

    /** Applies every change after the index's mark, in order, then lets searches see them. */
    private void catchUp(PostIndex target) throws IOException {
        boolean applied = false;
        List<PostFeed.Change> batch;
        do {
            batch = feed.changedSince(target.mark(), BATCH);
            if (!batch.isEmpty()) {
                target.apply(batch);
                applied = true;
            }
        } while (batch.size() == BATCH);
        if (applied) {
            target.refresh();
        }
    }

    /** Builds the index again from the database; searches see the old index until the new one is complete. */
    private void rebuild(PostIndex target) throws IOException {
        rebuilding = true;
        try {
            target.clear();
            catchUp(target);
            target.refresh(); // also when the database has no posts: the old documents must go
            target.commit();
        } finally {
            rebuilding = false;
        }
    }

    /**
     * The administrators' rebuild: how many posts the index holds afterwards, up to which change, and how many the
     * database shows readers (the two counts agree unless posts were written meanwhile; start-up compares them too).
     */
    public record Rebuilt(int posts, long mark, long databasePosts) {
    }

    public Rebuilt rebuild() {
        requireReady();
        writing.lock();
        try {
            rebuild(index);
            LOG.info(() -> "search index rebuilt on demand up to change " + index.mark());
            return new Rebuilt(index.size(), index.mark(), feed.searchableCount());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writing.unlock();
        }
    }

    /**
     * One result: where it is, its thread's title (as text, and as escaped HTML with the words found marked), and a
     * passage of it with the words found marked (escaped HTML). {@code reply} is false for a thread's opening post.
     */
    public record Hit(long threadId, long postId, boolean reply, String title, String titleHtml, String snippet,
            TopicRef topic, OffsetDateTime createdAt) {
    }

    /** How many results one topic has (for the filters beside the results). */
    public record TopicCount(String slug, String name, int count) {
    }

    /**
     * A page of results.
     *
     * @param suggestion the query with its words that no post holds replaced by near words that posts hold, or null
     * @param crisis help shown above the results when the query itself reads as someone in danger, or null
     * @param message why nothing could be searched for (a query of stop words only), or null
     */
    public record Results(String query, long total, int page, int pageCount, List<Hit> hits, List<TopicCount> facets,
            String suggestion, CrisisHelp crisis, String message) {
    }

    public Results search(SearchRequest request, Viewer viewer) {
        requireReady();
        List<TopicService.TopicView> all = topics.all(); // one read: the topic's check and the counts' names
        if (request.topic() != null && all.stream().noneMatch(t -> t.slug().equals(request.topic()))) {
            throw new ApiException(400, "Invalid input", "There is no such topic.",
                    List.of(new org.haven.web.Problem.FieldError("topic", "query", "There is no such topic.")));
        }
        CrisisHelp help = helpFor(request.text(), viewer);
        PostIndex current = index;
        try {
            PostIndex.Found found = current.search(request, PAGE_SIZE);
            if (found.query() == null) {
                return new Results(request.text(), 0, 1, 1, List.of(), List.of(), null, help,
                        "Those words are too common to search for. Try the words that matter, like \"cravings at night\".");
            }
            Map<Long, PostFeed.Shown> shown = feed.shown(found.hits().stream().map(PostIndex.Hit::postId).toList());
            List<Hit> hits = new ArrayList<>();
            for (PostIndex.Hit hit : found.hits()) {
                PostFeed.Shown post = shown.get(hit.postId());
                if (post != null) { // hidden or deleted since the index last caught up: not shown
                    hits.add(new Hit(post.threadId(), post.postId(), !post.opening(), post.title(),
                            current.markedTitle(found.query(), post.title()),
                            post.bodyShown() ? current.snippet(found.query(), post.text()) : PostIndex.escape(post.text()),
                            post.topic(), post.createdAt()));
                }
            }
            long ranked = Math.min(found.total(), PostIndex.MAX_RESULTS);
            int pageCount = (int) Math.max(1, (ranked + PAGE_SIZE - 1) / PAGE_SIZE);
            return new Results(request.text(), found.total(), request.page(), pageCount, hits,
                    facets(all, found.topics()), found.suggestion(), help, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (AlreadyClosedException e) {
            throw starting(); // the application is stopping
        }
    }

    /**
     * Help for someone whose search reads as being in danger (IDEATION or above), else null. The page asks for it
     * also when it refuses the search's parameters: a query too long to search can still be a cry for help.
     */
    public CrisisHelp helpFor(String query, Viewer viewer) {
        return crisis.helpFor(crisis.check(query).level(), viewer == null ? null : viewer.country()).orElse(null);
    }

    private static List<TopicCount> facets(List<TopicService.TopicView> all, Map<String, Integer> counts) {
        return all.stream().filter(t -> counts.containsKey(t.slug()))
                .map(t -> new TopicCount(t.slug(), t.name(), counts.get(t.slug())))
                .sorted(Comparator.comparingInt(TopicCount::count).reversed())
                .toList();
    }

    private void requireReady() {
        if (!ready()) {
            throw starting();
        }
    }

    private static ApiException starting() {
        return new ApiException(503, "Search is unavailable", "Search is being prepared. Please try again in a minute.",
                null);
    }

    @PreDestroy
    void close() {
        if (polling != null) {
            polling.cancel(false);
        }
        writing.lock();
        try {
            if (index != null) {
                PostIndex closing = index;
                index = null;
                try {
                    closing.commit();
                } finally {
                    closing.close(); // the write lock must go with this deployment, whatever the commit did
                }
            }
        } catch (IOException e) {
            LOG.warning(() -> "search index not closed cleanly: " + e.getClass().getName());
        } finally {
            writing.unlock();
        }
    }
}
