package org.haven.screening;

/** A moderator changed how many of a new member's first posts wait for approval; for the audit log, in the change's
 * transaction. */
public record PremoderationChanged(long moderatorId, int firstPosts) {
}
