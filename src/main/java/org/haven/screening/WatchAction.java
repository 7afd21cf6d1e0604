package org.haven.screening;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What a watched word does to a post that contains it. When a post holds several, all apply: the words to censor are
 * censored, a word to block refuses it, a word to hold holds it, a word to flag opens a review item.
 */
public enum WatchAction {
    /** The post is refused, with the word named, so the member can change it: nothing is stored. */
    BLOCK("block", "Refuse the post"),
    /** The post is stored but shown to its author and the moderators only, until a moderator approves it. */
    HOLD("hold", "Hold for a moderator's approval"),
    /** The post is published, and a review item asks a moderator to read it. */
    FLAG("flag", "Publish, and flag for review"),
    /** The post is published with the word's letters replaced by dots; the word is stored nowhere. */
    CENSOR("censor", "Publish with the word censored");

    /** The slugs, for messages (a test holds it to the values). */
    public static final String CHOICES = "block, hold, flag, censor";

    private final String slug;
    private final String label;

    WatchAction(String slug, String label) {
        this.slug = slug;
        this.label = label;
    }

    public String slug() {
        return slug;
    }

    public String label() {
        return label;
    }

    public static Optional<WatchAction> of(String slug) {
        return slug == null ? Optional.empty()
                : Arrays.stream(values()).filter(a -> a.slug.equals(slug.strip().toLowerCase(Locale.ROOT))).findFirst();
    }
}
