package org.haven.web;

/**
 * What every page needs besides its own model: who is signed in (pseudonym, or null), whether they
 * moderate, and the CSRF token each form must carry.
 */
public record PageContext(String pseudonym, boolean moderator, String csrf) {

    public boolean signedIn() {
        return pseudonym != null;
    }
}
