package org.haven.crisis;

import java.util.Objects;

/**
 * One span of the original text that supports a verdict, for highlighting in the moderator view.
 *
 * @param start  offset of the first character in the original (un-normalised) text, inclusive
 * @param end    offset after the last character in the original text, exclusive
 * @param text   the original text of the span
 * @param ruleId the id of the rule this span supports, or of the context modifier (such as
 *               {@code negation}) that changed the rule's level
 */
public record CrisisMatch(int start, int end, String text, String ruleId) {

    public CrisisMatch {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("match span must satisfy 0 <= start <= end, was " + start + ".." + end);
        }
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(ruleId, "ruleId");
    }
}
