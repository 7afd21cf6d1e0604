package org.haven.discussion;

/**
 * VISIBLE: shown and searchable. HIDDEN: taken out of view by a moderator's decision; its text is kept (for the
 * moderators, and for the author's export) and it shows as a placeholder. DELETED: removed by its author; the text
 * is erased at once and the post shows as a placeholder so the conversation around it still reads. A DELETED post
 * never returns; a HIDDEN one may still be deleted by its author. HELD: written with a watched word that holds posts
 * for approval; only its author and the moderators read it until a moderator approves it (VISIBLE) or hides it.
 */
public enum PostStatus {
    VISIBLE, HIDDEN, DELETED, HELD
}
