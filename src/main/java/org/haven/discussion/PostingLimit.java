package org.haven.discussion;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.haven.crisis.CrisisLevel;
import org.haven.crisis.CrisisService;
import org.haven.identity.Viewer;
import org.haven.web.Throttle;

/**
 * A generous limit on how much one member writes (new threads, replies and edits together), so that one
 * account cannot flood the forum, the search index or the moderators. Two kinds of writing are never
 * held back: anything in crisis language (CONCERN and above: whoever writes it is never told to wait,
 * and it reaches the care lane as always) and moderators' writing. Counted before the post's own
 * transaction, so a refused post has written nothing and its text goes back to the writer.
 */
@ApplicationScoped
public class PostingLimit {

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

    /** Counts one write of {@code text} by {@code viewer}; past the limit, throws a 429 saying when to try again. */
    public void admit(Viewer viewer, String text) {
        if (viewer.canModerate() || crisis.check(text).level() != CrisisLevel.NONE) {
            return;
        }
        throttle.hit("posts", Long.toString(viewer.memberId()), postsPerHour, WINDOW, TOO_MANY);
    }
}
