package org.haven.discussion;

/**
 * A moderator moved a thread from one topic to another. Fired synchronously inside that change's transaction, so that
 * the audit entry commits or rolls back with the move.
 */
public record ThreadMoved(long moderatorId, long threadId, String from, String to, String reason) {
}
