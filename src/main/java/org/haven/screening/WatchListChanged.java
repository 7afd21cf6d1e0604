package org.haven.screening;

/**
 * A moderator added, changed or removed a watched word; fired inside the change's transaction so that the audit log
 * records it with the change or not at all. {@code change} is "add", "change" or "remove".
 */
public record WatchListChanged(long moderatorId, String change, String phrase, WatchAction action) {
}
