package org.haven.discussion;

/**
 * Posts took change sequence numbers up to {@code upTo} in the current transaction. Fired inside it; the search
 * index observes it after a successful commit ({@code TransactionPhase.AFTER_SUCCESS}) and catches up at once, so
 * that a writer finds their post in search as soon as it is acknowledged.
 */
public record PostsChanged(long upTo) {
}
