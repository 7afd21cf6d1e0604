package org.haven.identity;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.haven.web.Throttle;

/** The identity API: sign-up, sessions, and the administrator's role changes. */
@Path("api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class IdentityResource {

    @Inject
    MemberService members;

    @Inject
    CurrentMember current;

    @Inject
    Sanctions sanctions;

    @Inject
    org.haven.platform.Clock clock;

    @Inject
    Throttle throttle;

    @Inject
    AccountService accounts;

    @Context
    HttpServletRequest http;

    @Context
    HttpHeaders headers;

    @POST
    @Path("members")
    @Operation(summary = "Sign up with a pseudonym and a passphrase; answers the one-time recovery code")
    public Response signUp(@Valid @NotNull(message = "Send {pseudonym, passphrase}.") IdentityRequests.SignUp request) {
        MemberService.SignedUp done = members.signUp(request.pseudonym(), request.passphrase(), clientKey());
        return Response.status(201).entity(new IdentityRequests.SignedUpView(done.pseudonym(), done.recoveryCode())).build();
    }

    @POST
    @Path("members/recovery")
    @Operation(summary = "Forgotten passphrase: the recovery code sets a new one, ends every session and is "
            + "replaced by a new code (answered once)")
    public IdentityRequests.SignedUpView recover(
            @Valid @NotNull(message = "Send {pseudonym, recoveryCode, newPassphrase}.") IdentityRequests.Recovery request) {
        MemberService.SignedUp done = members.recover(request.pseudonym(), request.recoveryCode(), request.newPassphrase(),
                clientKey());
        return new IdentityRequests.SignedUpView(done.pseudonym(), done.recoveryCode());
    }

    @GET
    @Path("members/suggestion")
    @Operation(summary = "A free pseudonym suggestion such as QuietHarbor482")
    public IdentityRequests.Suggestion suggestion() {
        return new IdentityRequests.Suggestion(members.freeSuggestion());
    }

    @POST
    @Path("sessions")
    @Operation(summary = "Sign in; answers a bearer token and its CSRF token, and sets the session cookie")
    public Response signIn(@Valid @NotNull(message = "Send {pseudonym, passphrase}.") IdentityRequests.SignIn request) {
        return sessionAnswer(201, members.signIn(request.pseudonym(), request.passphrase(), clientKey()));
    }

    @DELETE
    @Path("sessions/current")
    @Operation(summary = "Sign out: the session's token stops working")
    public Response signOut() {
        current.require();
        String token = bearerOrCookie();
        if (token != null) {
            members.signOut(token);
        }
        return Response.noContent().cookie(SessionCookies.clear(secure(http))).build();
    }

    @GET
    @Path("me")
    @Operation(summary = "Who the current session belongs to")
    public IdentityRequests.MemberView me() {
        Viewer viewer = current.require();
        return new IdentityRequests.MemberView(viewer.pseudonym(), viewer.role().wireName(), viewer.country());
    }

    public record Notices(java.util.List<Sanctions.NoticeView> notices, String suspendedUntil, boolean banned) {
    }

    @GET
    @Path("me/notices")
    @Operation(summary = "What the moderators sent you, newest first (50 at most): {notices: [{kind: warning, "
            + "suspension, ban, lifted or hidden, heading, message, postId, endsAt, createdAt}], suspendedUntil, "
            + "banned}. Reading them marks them read")
    public Notices notices() {
        Viewer viewer = current.require();
        boolean suspended = viewer.suspendedAt(clock.now());
        return new Notices(sanctions.open(viewer), suspended && !viewer.banned()
                ? viewer.suspendedUntil().toString() : null, suspended && viewer.banned());
    }

    @GET
    @Path("me/export")
    @Operation(summary = "Everything you wrote (threads, posts as written, reactions) as one JSON document, to download")
    public Response export() {
        Viewer viewer = current.require();
        return Response.ok(accounts.export(viewer))
                .header("Content-Disposition", "attachment; filename=\"haven-" + viewer.pseudonym() + ".json\"")
                .build();
    }

    @PUT
    @Path("me/passphrase")
    @Operation(summary = "Change your passphrase, confirming the current one. Every session ends, this one too; the "
            + "answer is a new session (token, csrfToken and cookie), as from sign-in. 403 on a wrong current passphrase "
            + "(counted like a failed sign-in)")
    public Response changePassphrase(
            @Valid @NotNull(message = "Send {currentPassphrase, newPassphrase}.") IdentityRequests.PassphraseChange request) {
        return sessionAnswer(200, members.changePassphrase(current.require(), request.currentPassphrase(),
                request.newPassphrase(), clientKey()));
    }

    /** A new session as the API hands it out: the token and its CSRF token in the body, and the cookie for browsers. */
    private Response sessionAnswer(int status, MemberService.SignedIn session) {
        return Response.status(status)
                .cookie(SessionCookies.issue(session.token(), session.maxAgeSeconds(), secure(http)))
                .entity(new IdentityRequests.SessionView(session.token(), session.csrfToken(), session.pseudonym(),
                        session.role().wireName()))
                .build();
    }

    @DELETE
    @Path("me")
    @Operation(summary = "Delete your account, confirming with your passphrase: posts \"erase\" erases your posts and "
            + "thread titles, \"keep\" leaves them under [deleted member]. 403 on a wrong passphrase, 409 for the only "
            + "administrator")
    public Response deleteAccount(
            @Valid @NotNull(message = "Send {passphrase, posts}.") IdentityRequests.AccountDeletion request) {
        accounts.delete(current.require(), request, clientKey());
        return Response.noContent().cookie(SessionCookies.clear(secure(http))).build();
    }

    @PUT
    @Path("me/country")
    @Operation(summary = "Choose the country whose help lines you see (a two-letter code; null for the default)")
    public IdentityRequests.MemberView chooseCountry(
            @Valid @NotNull(message = "Send {country}.") IdentityRequests.CountryChoice request) {
        Viewer viewer = current.require();
        String country = request.country() == null ? null : request.country().toUpperCase(Locale.ROOT);
        members.chooseCountry(viewer.memberId(), country);
        return new IdentityRequests.MemberView(viewer.pseudonym(), viewer.role().wireName(), country);
    }

    @PUT
    @Path("admin/members/{pseudonym}/role")
    @Operation(summary = "Administrators only: make a member a moderator, or a moderator a member again")
    public IdentityRequests.MemberView changeRole(@PathParam("pseudonym") String pseudonym,
            @Valid @NotNull(message = "Send {role}.") IdentityRequests.RoleChange request) {
        current.requireAdmin();
        Member changed = members.changeRole(pseudonym, MemberRole.valueOf(request.role().toUpperCase(Locale.ROOT)));
        return new IdentityRequests.MemberView(changed.pseudonym(), changed.role().wireName(), changed.country());
    }

    private String bearerOrCookie() {
        String authorization = headers.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return authorization.substring(7).trim();
        }
        Cookie cookie = headers.getCookies().get(SessionCookies.NAME);
        return cookie == null ? null : cookie.getValue();
    }

    private String clientKey() {
        return throttle.clientKey(http.getRemoteAddr());
    }

    /** Whether cookies must be marked Secure: the request came over TLS, directly or through a proxy. */
    public static boolean secure(HttpServletRequest request) {
        return request.isSecure() || "https".equalsIgnoreCase(request.getHeader("X-Forwarded-Proto"));
    }
}
