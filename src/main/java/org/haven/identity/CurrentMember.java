package org.haven.identity;

import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;
import org.haven.web.ApiException;

/** Who is asking, for the length of one request; set by {@link AuthenticationFilter}. */
@RequestScoped
public class CurrentMember {

    private Viewer viewer;
    private String sessionHash;

    void signedIn(Viewer viewer, String sessionHash) {
        this.viewer = viewer;
        this.sessionHash = sessionHash;
    }

    /**
     * The hash of the session token the request was signed in with, for what outlives the request (a moderator's
     * alert stream asks {@link MemberService#stillModerates} before each alert).
     */
    public Optional<String> sessionHash() {
        return Optional.ofNullable(sessionHash);
    }

    public Optional<Viewer> viewer() {
        return Optional.ofNullable(viewer);
    }

    /** The viewer, or a 401 answer. */
    public Viewer require() {
        if (viewer == null) {
            throw ApiException.unauthorized();
        }
        return viewer;
    }

    /** The viewer if a moderator or admin; 401 or 403 otherwise. */
    public Viewer requireModerator() {
        Viewer v = require();
        if (!v.canModerate()) {
            throw ApiException.forbidden("Only moderators can do this.");
        }
        return v;
    }

    public Viewer requireAdmin() {
        Viewer v = require();
        if (!v.isAdmin()) {
            throw ApiException.forbidden("Only administrators can do this.");
        }
        return v;
    }
}
