package org.haven.identity;

/** What a member may do. Administrators can do everything moderators can. */
public enum MemberRole {
    MEMBER, MODERATOR, ADMIN;

    public boolean canModerate() {
        return this == MODERATOR || this == ADMIN;
    }

    /** The lower-case name used on the API. */
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
