package org.haven.search;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.haven.crisis.CrisisLevel;
import org.haven.crisis.CrisisService;
import org.haven.identity.Viewer;
import org.haven.web.Throttle;

/**
 * How many searches a member, or a visitor's address, may run a minute: a search reads the index and the database, and
 * a script asking thousands a minute would slow everyone's. Counted in the database like every limit (every node
 * counts against one window). A query in crisis language is never refused: it is answered, with the help first.
 */
@ApplicationScoped
public class SearchLimit {

    static final String TOO_MANY = "You have searched many times in the last minute. Please wait a moment, then "
            + "search again.";

    @Inject
    Throttle throttle;

    @Inject
    CrisisService crisis;

    @Inject
    @ConfigProperty(name = "haven.limit.searches.per.minute", defaultValue = "60")
    int perMember;

    @Inject
    @ConfigProperty(name = "haven.limit.searches.per.minute.per.client", defaultValue = "60")
    int perClient;

    /** Counts one search; past the limit, a 429 saying when to try again. */
    public void admit(String query, Viewer viewer, String remoteAddress) {
        if (query != null && query.length() <= SearchRequest.MAX_CHARS
                && crisis.check(query).level().atLeast(CrisisLevel.IDEATION)) {
            return;
        }
        if (viewer != null) {
            throttle.hit("search-member", Long.toString(viewer.memberId()), perMember, Duration.ofMinutes(1), TOO_MANY);
        } else {
            throttle.hit("search-client", throttle.clientKey(remoteAddress), perClient, Duration.ofMinutes(1),
                    TOO_MANY);
        }
    }
}
