package org.haven.identity;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.haven.web.ApiException;
import org.haven.web.FormErrors;
import org.haven.web.Pages;
import org.haven.web.Throttle;

/** The sign-up, sign-in, recovery and sign-out pages, and the account page (passphrase, export, deletion). */
@Path("")
@Produces(MediaType.TEXT_HTML)
public class IdentityPages {

    @Inject
    MemberService members;

    @Inject
    Pages pages;

    @Inject
    Validator validator;

    @Inject
    Throttle throttle;

    @Inject
    AccountService accounts;

    @Inject
    CurrentMember current;

    @Inject
    Sanctions sanctions;

    @Context
    HttpServletRequest http;

    @GET
    @Path("sign-up")
    @Operation(hidden = true)
    public Response signUpForm() {
        return signUpPage(200, Map.of(), members.freeSuggestion());
    }

    @POST
    @Path("sign-up")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response signUp(MultivaluedMap<String, String> form) {
        String pseudonym = form.getFirst("pseudonym");
        String passphrase = form.getFirst("passphrase");
        var request = new IdentityRequests.SignUp(pseudonym == null ? null : pseudonym.strip(), passphrase);
        Map<String, String> errors = FormErrors.check(validator, request);
        if (pseudonym == null || pseudonym.isBlank()) {
            errors.put("pseudonym", "Choose a pseudonym, or keep the one we suggested.");
        }
        if (!errors.isEmpty()) {
            return signUpPage(400, errors, pseudonym);
        }
        try {
            MemberService.SignedUp done = members.signUp(request.pseudonym(), passphrase,
                    throttle.clientKey(http.getRemoteAddr()));
            return pages.page("sign-up-done.jte", Map.of("pseudonym", done.pseudonym(), "recoveryCode", done.recoveryCode()));
        } catch (ApiException refused) {
            return Pages.refusal(refused, signUpPage(refused.status(), FormErrors.of(refused), pseudonym));
        }
    }

    private Response signUpPage(int status, Map<String, String> errors, String pseudonym) {
        return pages.page(status, "sign-up.jte", Map.of("errors", errors, "pseudonym", pseudonym == null ? "" : pseudonym));
    }

    @GET
    @Path("sign-in")
    @Operation(hidden = true)
    public Response signInForm(@QueryParam("next") String next) {
        return signInPage(200, Map.of(), "", next);
    }

    @POST
    @Path("sign-in")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response signIn(MultivaluedMap<String, String> form) {
        String pseudonym = form.getFirst("pseudonym");
        String passphrase = form.getFirst("passphrase");
        String next = form.getFirst("next");
        var request = new IdentityRequests.SignIn(pseudonym, passphrase);
        Map<String, String> errors = FormErrors.check(validator, request);
        if (!errors.isEmpty()) {
            return signInPage(400, errors, pseudonym, next);
        }
        try {
            MemberService.SignedIn session = members.signIn(pseudonym, passphrase, throttle.clientKey(http.getRemoteAddr()));
            return Response.seeOther(java.net.URI.create(Pages.localPath(next)))
                    .cookie(SessionCookies.issue(session.token(), session.maxAgeSeconds(), IdentityResource.secure(http)))
                    .build();
        } catch (ApiException refused) {
            return Pages.refusal(refused, signInPage(refused.status(), FormErrors.of(refused), pseudonym, next));
        }
    }

    private Response signInPage(int status, Map<String, String> errors, String pseudonym, String next) {
        return pages.page(status, "sign-in.jte", Map.of("errors", errors, "pseudonym", pseudonym == null ? "" : pseudonym,
                "next", Pages.localPath(next)));
    }

    @GET
    @Path("recover")
    @Operation(hidden = true)
    public Response recoverForm() {
        return recoverPage(200, Map.of(), "");
    }

    @POST
    @Path("recover")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response recover(MultivaluedMap<String, String> form) {
        String pseudonym = form.getFirst("pseudonym");
        var request = new IdentityRequests.Recovery(pseudonym, form.getFirst("recoveryCode"), form.getFirst("newPassphrase"));
        Map<String, String> errors = FormErrors.check(validator, request);
        if (!errors.isEmpty()) {
            return recoverPage(400, errors, pseudonym);
        }
        try {
            MemberService.SignedUp done = members.recover(pseudonym, request.recoveryCode(), request.newPassphrase(),
                    throttle.clientKey(http.getRemoteAddr()));
            return pages.page("recovered.jte", Map.of("pseudonym", done.pseudonym(), "recoveryCode", done.recoveryCode()));
        } catch (ApiException refused) {
            Map<String, String> shown = FormErrors.of(refused);
            if (refused.status() == 401) {
                // the message names both; the code is what a person retypes, so that is where it is shown
                shown = Map.of("recoveryCode", refused.toProblem().detail());
            }
            return Pages.refusal(refused, recoverPage(refused.status(), shown, pseudonym));
        }
    }

    private Response recoverPage(int status, Map<String, String> errors, String pseudonym) {
        return pages.page(status, "recover.jte", Map.of("errors", errors, "pseudonym", pseudonym == null ? "" : pseudonym));
    }

    @POST
    @Path("sign-out")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response signOut(@CookieParam(SessionCookies.NAME) String token) {
        if (token != null && !token.isBlank()) {
            members.signOut(token);
        }
        return Response.seeOther(java.net.URI.create("/")).cookie(SessionCookies.clear(IdentityResource.secure(http))).build();
    }

    @GET
    @Path("account")
    @Operation(hidden = true)
    public Response account(@QueryParam("changed") String changed) {
        if (current.viewer().isEmpty()) {
            return Pages.seeOther("/sign-in?next=/account");
        }
        return accountPage(200, Map.of(), null, changed != null, null);
    }

    @POST
    @Path("account/passphrase")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response changePassphrase(MultivaluedMap<String, String> form) {
        Viewer viewer = current.viewer().orElse(null);
        if (viewer == null) {
            return Pages.seeOther("/sign-in?next=/account");
        }
        var request = new IdentityRequests.PassphraseChange(form.getFirst("currentPassphrase"), form.getFirst("newPassphrase"));
        Map<String, String> errors = FormErrors.check(validator, request);
        if (!errors.isEmpty()) {
            return accountPage(400, errors, null, false, "passphrase");
        }
        MemberService.SignedIn session;
        try {
            session = members.changePassphrase(viewer, request.currentPassphrase(), request.newPassphrase(),
                    throttle.clientKey(http.getRemoteAddr()));
        } catch (ApiException refused) {
            return Pages.refusal(refused, accountPage(refused.status(), FormErrors.of(refused), null, false, "passphrase"));
        }
        // every session ended with the old passphrase: this browser carries on in the new one
        return Response.seeOther(java.net.URI.create("/account?changed"))
                .cookie(SessionCookies.issue(session.token(), session.maxAgeSeconds(), IdentityResource.secure(http))).build();
    }

    @POST
    @Path("account/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response deleteAccount(MultivaluedMap<String, String> form) {
        Viewer viewer = current.viewer().orElse(null);
        if (viewer == null) {
            return Pages.seeOther("/sign-in?next=/account");
        }
        String posts = form.getFirst("posts");
        var request = new IdentityRequests.AccountDeletion(form.getFirst("passphrase"), posts);
        Map<String, String> errors = FormErrors.check(validator, request);
        if (!errors.isEmpty()) {
            return accountPage(400, errors, posts, false, "delete");
        }
        try {
            accounts.delete(viewer, request, throttle.clientKey(http.getRemoteAddr()));
        } catch (ApiException refused) {
            return Pages.refusal(refused, accountPage(refused.status(), FormErrors.of(refused), posts, false, "delete"));
        }
        return Response.seeOther(java.net.URI.create("/account/deleted"))
                .cookie(SessionCookies.clear(IdentityResource.secure(http))).build();
    }

    @GET
    @Path("account/deleted")
    @Operation(hidden = true)
    public Response accountDeleted() {
        return pages.page("account-deleted.jte", Map.of());
    }

    /** The account page; {@code section} is the form whose mistakes are shown ("passphrase" or "delete"). */
    private Response accountPage(int status, Map<String, String> errors, String posts, boolean changed, String section) {
        Map<String, Object> model = new java.util.HashMap<>();
        model.put("section", section);
        model.put("errors", errors);
        model.put("posts", posts);
        model.put("changed", changed);
        // the moderators' notices, opened here: reading them marks them read
        model.put("notices", current.viewer().map(sanctions::open).orElse(java.util.List.of()));
        current.noticesOpened();
        return pages.page(status, "account.jte", model);
    }
}
