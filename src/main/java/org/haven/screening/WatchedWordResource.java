package org.haven.screening;

import jakarta.inject.Inject;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.haven.identity.CurrentMember;
import org.haven.web.RequestBodies;

/** Moderators keep the list of watched words. */
@Path("api/v1/moderation/watched-words")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class WatchedWordResource {

    @Inject
    Validator validator;

    @Inject
    CurrentMember current;

    @Inject
    WatchedWords words;

    public record WordsList(List<WatchedWords.View> words) {
    }

    @GET
    @Operation(summary = "Moderators: the watched words, alphabetically: {words: [{id, phrase, action, label, "
            + "createdAt}]}")
    public WordsList list() {
        current.requireModerator();
        return new WordsList(words.list());
    }

    @POST
    @Operation(summary = "Moderators: watch a word or phrase {phrase, action}. Whole words match, in any script and "
            + "case; * stands for any letters within a word. Action 'block' refuses a post with it (naming the "
            + "word), 'hold' keeps the post from readers until a moderator approves it, 'flag' publishes it and "
            + "opens a review item, 'censor' publishes it with the word's letters replaced by dots. A post in crisis "
            + "language is never refused or held: it is published and flagged. 409 when the phrase is listed "
            + "already. Recorded in the audit log")
    public Response add(WatchedWordRequest request) {
        WatchedWords.View added = words.add(current.requireModerator(),
                RequestBodies.valid(validator, request, "Send {phrase, action}."));
        return Response.created(URI.create("/api/v1/moderation/watched-words/" + added.id())).entity(added).build();
    }

    @PUT
    @Path("{id: [0-9]{1,18}}")
    @Operation(summary = "Moderators: change a watched word {phrase, action}. Recorded in the audit log")
    public WatchedWords.View change(@PathParam("id") long id, WatchedWordRequest request) {
        return words.change(current.requireModerator(), id,
                RequestBodies.valid(validator, request, "Send {phrase, action}."));
    }

    @DELETE
    @Path("{id: [0-9]{1,18}}")
    @Operation(summary = "Moderators: stop watching a word. Recorded in the audit log")
    public Response remove(@PathParam("id") long id) {
        words.remove(current.requireModerator(), id);
        return Response.noContent().build();
    }
}
