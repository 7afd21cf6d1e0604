package org.haven.web;

/**
 * What every page needs besides its own model: who is signed in (pseudonym, or null), whether they
 * moderate or administer, the country they chose for help lines (or null) and the CSRF token each form
 * must carry, and how many notices from the moderators they have not opened.
 */
public record PageContext(String pseudonym, boolean moderator, boolean admin, String country, String csrf,
        int unreadNotices) {

    public boolean signedIn() {
        return pseudonym != null;
    }
}
