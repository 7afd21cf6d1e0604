package org.haven.discussion;

/**
 * A moderator edited a post to take out identifying or method details. Fired synchronously inside that change's
 * transaction, so that the audit log records it with the change or not at all. {@code note} is what readers see
 * under the post.
 */
public record PostRedacted(long moderatorId, long postId, long threadId, String note) {
}
