package org.haven.discussion;

/**
 * A moderator locked a thread or opened it again. Fired synchronously inside that change's transaction, so that the
 * audit log records it with the change or not at all. {@code reason} is what the moderator wrote, or null.
 */
public record ThreadLockChanged(long moderatorId, long threadId, boolean locked, String reason) {
}
