package org.haven.moderation;

/** PENDING until a moderator acts on it; decisions arrive with the moderation issue. */
public enum ItemStatus {
    PENDING
}
