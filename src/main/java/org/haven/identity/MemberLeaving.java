package org.haven.identity;

/**
 * A member is deleting their account. Fired inside the deletion's transaction, before the member's row goes:
 * every feature that keeps something of the member's detaches it (and erases it when {@code erasePosts}), or
 * the whole deletion rolls back.
 */
public record MemberLeaving(long memberId, boolean erasePosts) {
}
