package org.haven.discussion;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.haven.crisis.CrisisLevel;
import org.haven.crisis.CrisisService;
import org.haven.identity.Viewer;
import org.haven.web.RateLimitedException;
import org.haven.web.Throttle;

/**
 * A generous limit on how much one member writes (new threads, replies and edits together), so that one
 * account cannot flood the forum, the search index or the moderators. Two kinds of writing are never held
 * back: anything in crisis language (CONCERN and above, read from exactly the text the post's own crisis check
 * will read: whoever writes it is never told to wait, and it reaches the care lane as always) and moderators'
 * writing.
 *
 * <p>The check comes before the write's transaction and the count after it has committed, so a refused write
 * has written nothing (its text goes back to the writer) and a write that failed (a locked thread, a stale
 * edit) costs nothing. Writes racing past the check together can go a few over the limit; for a limit this
 * generous that is better than counting writes that never happened.
 */
@ApplicationScoped
public class PostingLimit {

    private static final String SCOPE = "posts";
    private static final Duration WINDOW = Duration.ofHours(1);
    static final String TOO_MANY = "You have written a lot in the last hour. To keep Haven calm for everyone, please wait "
            + "a little before posting again; your text is still here. If you are struggling right now, posting about it "
            + "is never limited.";

    @Inject
    Throttle throttle;

    @Inject
    CrisisService crisis;

    @Inject
    @ConfigProperty(name = "haven.limit.posts.per.hour", defaultValue = "60")
    int postsPerHour;

    /**
     * Runs {@code write} for {@code viewer} unless they are past the limit (a 429 saying when to try again);
     * {@code checkedText} gives what the write's crisis check will read, and is asked for only past the limit.
     */
    public <T> T write(Viewer viewer, Supplier<String> checkedText, Supplier<T> write) {
        if (viewer.canModerate()) {
            return write.get();
        }
        String member = Long.toString(viewer.memberId());
        try {
            throttle.ensureBelow(SCOPE, member, postsPerHour, WINDOW, TOO_MANY);
        } catch (RateLimitedException limited) {
            // only past the limit is the text read (the write's own check reads it again): crisis language goes through
            if (crisis.check(checkedText.get()).level() == CrisisLevel.NONE) {
                throw limited;
            }
        }
        T written = write.get();
        throttle.hit(SCOPE, member, Integer.MAX_VALUE, WINDOW, TOO_MANY);
        return written;
    }
}
