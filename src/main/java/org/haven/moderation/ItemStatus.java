package org.haven.moderation;

/** PENDING until a moderator decides on it; DECIDED items leave the lanes and go at the end of retention. */
public enum ItemStatus {
    PENDING, DECIDED
}
