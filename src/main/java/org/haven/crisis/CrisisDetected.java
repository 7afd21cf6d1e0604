package org.haven.crisis;

/**
 * A post was written (or edited) at CONCERN or above. Fired synchronously inside the post's own
 * transaction, so the care item is stored with the post or not at all.
 */
public record CrisisDetected(long postId, long threadId, CrisisVerdict verdict) {
}
