package org.haven.screening;

import jakarta.inject.Inject;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.haven.identity.CurrentMember;
import org.haven.identity.Viewer;
import org.haven.web.ApiException;
import org.haven.web.FormErrors;
import org.haven.web.Pages;

/**
 * The moderators' page of watched words ({@code /moderation/watched-words}): the list, a form to add an entry, and on
 * each entry a form to change what it does and a button to remove it. A refused form is shown again with its values.
 */
@Path("moderation/watched-words")
@Produces(MediaType.TEXT_HTML)
public class WatchedWordPages {

    private static final String PAGE = "/moderation/watched-words";

    @Inject
    CurrentMember current;

    @Inject
    Pages pages;

    @Inject
    Validator validator;

    @Inject
    WatchedWords words;

    @Inject
    Premoderation premoderation;

    /** An action as the form's choices show it. */
    public record Choice(String slug, String label) {
    }

    static final List<Choice> CHOICES = Arrays.stream(WatchAction.values())
            .map(a -> new Choice(a.slug(), a.label())).toList();

    @GET
    @Operation(hidden = true)
    public Response list(@QueryParam("done") String done) {
        if (current.viewer().isEmpty()) {
            return Pages.seeOther("/sign-in?next=" + PAGE);
        }
        current.requireModerator();
        // "done" only picks one of these fixed sentences: nothing from the address is shown
        String notice = switch (done == null ? "" : done) {
            case "added" -> "The word is watched from now on.";
            case "changed" -> "The word's action is changed.";
            case "removed" -> "The word is no longer watched.";
            case "premoderated" -> "Pre-moderation is changed.";
            default -> null;
        };
        return page(200, notice, "", "flag", null, Map.of());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response add(MultivaluedMap<String, String> form) {
        if (current.viewer().isEmpty()) {
            return Pages.seeOther("/sign-in?next=" + PAGE);
        }
        Viewer moderator = current.requireModerator();
        WatchedWordRequest request = new WatchedWordRequest(form.getFirst("phrase"), form.getFirst("action"));
        Map<String, String> errors = FormErrors.check(validator, request);
        if (!errors.isEmpty()) {
            return page(400, null, request.phrase(), request.action(), null, errors);
        }
        try {
            words.add(moderator, request);
            return Pages.seeOther(PAGE + "?done=added");
        } catch (ApiException refused) {
            return Pages.refusal(refused, page(refused.status(), null, request.phrase(), request.action(), null,
                    FormErrors.of(refused)));
        }
    }

    @POST
    @Path("{id: [0-9]{1,18}}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response change(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        if (current.viewer().isEmpty()) {
            return Pages.seeOther("/sign-in?next=" + PAGE);
        }
        Viewer moderator = current.requireModerator();
        WatchedWordRequest request = new WatchedWordRequest(form.getFirst("phrase"), form.getFirst("action"));
        Map<String, String> errors = FormErrors.check(validator, request);
        try {
            if (!errors.isEmpty()) {
                throw ApiException.invalid(errors.keySet().iterator().next(), errors.values().iterator().next());
            }
            words.change(moderator, id, request);
            return Pages.seeOther(PAGE + "?done=changed");
        } catch (ApiException refused) {
            if (refused.status() == 404) {
                throw refused;
            }
            // the entry's own form says what was refused; the add form stays empty
            return page(refused.status(), null, "", "flag", id,
                    Map.of("entry-" + id, refused.toProblem().detail()));
        }
    }

    @POST
    @Path("premoderation")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response premoderate(MultivaluedMap<String, String> form) {
        if (current.viewer().isEmpty()) {
            return Pages.seeOther("/sign-in?next=" + PAGE);
        }
        Viewer moderator = current.requireModerator();
        String typed = form.getFirst("firstPosts");
        try {
            Integer firstPosts;
            try {
                firstPosts = typed == null ? null : Integer.valueOf(typed.strip());
            } catch (NumberFormatException notANumber) {
                firstPosts = null;
            }
            premoderation.set(moderator, firstPosts);
            return Pages.seeOther(PAGE + "?done=premoderated");
        } catch (ApiException refused) {
            Map<String, Object> model = model(null, "", "flag", null, FormErrors.of(refused));
            model.put("firstPosts", typed == null ? "" : typed);
            return pages.page(refused.status(), "watched-words.jte", model);
        }
    }

    @POST
    @Path("{id: [0-9]{1,18}}/remove")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response remove(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        if (current.viewer().isEmpty()) {
            return Pages.seeOther("/sign-in?next=" + PAGE);
        }
        words.remove(current.requireModerator(), id);
        return Pages.seeOther(PAGE + "?done=removed");
    }

    private Response page(int status, String notice, String phrase, String action, Long refusedEntry,
                          Map<String, String> errors) {
        return pages.page(status, "watched-words.jte", model(notice, phrase, action, refusedEntry, errors));
    }

    private Map<String, Object> model(String notice, String phrase, String action, Long refusedEntry,
                                      Map<String, String> errors) {
        Map<String, Object> model = new HashMap<>();
        model.put("firstPosts", String.valueOf(premoderation.firstPostsHeld()));
        model.put("words", words.list());
        model.put("choices", CHOICES);
        model.put("notice", notice);
        model.put("phrase", phrase == null ? "" : phrase);
        model.put("action", action == null ? "" : action);
        model.put("refusedEntry", refusedEntry);
        model.put("errors", errors);
        return model;
    }
}
