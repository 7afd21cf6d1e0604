package org.haven.moderation;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What a moderator decided about an item. APPROVE closes it and leaves the post as it is: in the care lane, the
 * person was looked after (or needs nothing more); in the review lane, the post breaks no rule. HIDE closes it and
 * takes the post out of view (harassment, drug sourcing, someone's identifying details, spam), with a reason.
 */
public enum Decision {
    APPROVE("approve"),
    HIDE("hide");

    private final String slug;

    Decision(String slug) {
        this.slug = slug;
    }

    public String slug() {
        return slug;
    }

    /** The slugs, for messages and validation annotations (a constant; a test holds it to the values). */
    static final String CHOICES = "approve, hide";

    static Optional<Decision> of(String slug) {
        return slug == null ? Optional.empty()
                : Arrays.stream(values()).filter(d -> d.slug.equals(slug.strip().toLowerCase(Locale.ROOT))).findFirst();
    }
}
