package org.haven.discussion;

/**
 * VISIBLE: shown and searchable. DELETED: removed by its author; the text is erased at once and the
 * post shows as a placeholder so the conversation around it still reads. A DELETED post never returns.
 */
public enum PostStatus {
    VISIBLE, DELETED
}
