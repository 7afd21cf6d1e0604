package org.haven.discussion;

/**
 * A moderator showed a hidden post again. Fired synchronously inside that change's transaction, so that the audit
 * log records it with the change or not at all.
 */
public record PostRestored(long moderatorId, long postId, long threadId, String reason) {
}
