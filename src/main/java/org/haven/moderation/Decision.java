package org.haven.moderation;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What a moderator decided about an item. APPROVE closes it and leaves the post as it is: in the care lane, the
 * person was looked after (or needs nothing more); in the review lane, the post breaks no rule.
 */
public enum Decision {
    APPROVE("approve");

    private final String slug;

    Decision(String slug) {
        this.slug = slug;
    }

    public String slug() {
        return slug;
    }

    /** The slugs, for messages and validation annotations (a constant; a test holds it to the values). */
    static final String CHOICES = "approve";

    static Optional<Decision> of(String slug) {
        return slug == null ? Optional.empty()
                : Arrays.stream(values()).filter(d -> d.slug.equals(slug.strip().toLowerCase(Locale.ROOT))).findFirst();
    }
}
