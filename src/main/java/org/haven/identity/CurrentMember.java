package org.haven.identity;

import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;
import org.haven.web.ApiException;

/** Who is asking, for the length of one request; set by {@link AuthenticationFilter}. */
@RequestScoped
public class CurrentMember {

    private Viewer viewer;
    private String token;

    void signedIn(Viewer viewer, String token) {
        this.viewer = viewer;
        this.token = token;
    }

    /**
     * The hash of the session token the request was signed in with, for what outlives the request (a moderator's
     * alert stream asks {@link MemberService#stillModerates} before each alert).
     */
    public Optional<String> sessionHash() {
        // hashed when asked, not for every request: only a stream that outlives its request needs it
        return Optional.ofNullable(token).map(org.haven.platform.Secrets::sha256Hex);
    }

    /** The member just opened their notices: this request's pages no longer say some are unread. */
    void noticesOpened() {
        if (viewer != null) {
            viewer = new Viewer(viewer.memberId(), viewer.pseudonym(), viewer.role(), viewer.country(),
                    viewer.csrfToken(), viewer.viaCookie(), viewer.suspendedUntil(), 0);
        }
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
