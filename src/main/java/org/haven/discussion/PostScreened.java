package org.haven.discussion;

import java.util.List;

/**
 * A member's post held words a moderator should read: watched words that flag or hold a post (and, in a post written
 * in crisis language, those that would have refused or held it). Fired inside the post's transaction, so that the
 * review item is stored with the post or not at all. {@code held}: the post waits for a moderator's approval.
 */
public record PostScreened(long postId, long threadId, List<String> phrases, boolean held) {
}
