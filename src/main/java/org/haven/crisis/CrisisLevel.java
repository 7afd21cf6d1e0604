package org.haven.crisis;

/**
 * How urgently a text suggests someone is in danger, in increasing order of severity.
 *
 * <p>What Haven does at each level is decided elsewhere (help panel, banner, moderator queue); this type only
 * orders the levels.
 */
public enum CrisisLevel {
    /** Nothing that calls for help or moderator attention. */
    NONE,
    /** Past attempts, grief, general talk of suicide, strong words in hyperbole: a low-priority care item. */
    CONCERN,
    /** Wish to die, passive wish, urges, conditional intent. */
    IDEATION,
    /** Acting now: means at hand, pills taken, overdose or self-harm in progress, a farewell with a time,
     * someone else in danger now. */
    IMMINENT;

    /** Whether this level is at least as severe as {@code other}. */
    public boolean atLeast(CrisisLevel other) {
        return compareTo(other) >= 0;
    }

    /** The more severe of two levels. */
    static CrisisLevel max(CrisisLevel a, CrisisLevel b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
