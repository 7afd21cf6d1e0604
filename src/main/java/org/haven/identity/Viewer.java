package org.haven.identity;

/**
 * The signed-in member behind the current request. {@code viaCookie} tells whether the session came
 * from the browser cookie (then writes need a CSRF token) or an {@code Authorization: Bearer} header.
 * {@code suspendedUntil} and {@code unreadNotices} are read with the session, so that no request asks for them again.
 */
public record Viewer(long memberId, String pseudonym, MemberRole role, String country, String csrfToken,
        boolean viaCookie, java.time.OffsetDateTime suspendedUntil, int unreadNotices) {

    /** Whether a moderator's suspension (or ban) keeps the member from writing at {@code now}. */
    public boolean suspendedAt(java.time.OffsetDateTime now) {
        return suspendedUntil != null && suspendedUntil.isAfter(now);
    }

    public boolean banned() {
        return suspendedUntil != null && !suspendedUntil.isBefore(Member.BANNED); // an instant, whatever the offset
    }

    public boolean canModerate() {
        return role.canModerate();
    }

    public boolean isAdmin() {
        return role == MemberRole.ADMIN;
    }
}
