package org.haven.identity;

/**
 * The signed-in member behind the current request. {@code viaCookie} tells whether the session came
 * from the browser cookie (then writes need a CSRF token) or an {@code Authorization: Bearer} header.
 */
public record Viewer(long memberId, String pseudonym, MemberRole role, String country, String csrfToken,
        boolean viaCookie) {

    public boolean canModerate() {
        return role.canModerate();
    }

    public boolean isAdmin() {
        return role == MemberRole.ADMIN;
    }
}
