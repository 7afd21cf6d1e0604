package org.haven.crisis;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.haven.identity.CurrentMember;
import org.haven.identity.Viewer;

/** The crisis API: the check the compose form uses, the hotlines, and the administrators' directory. */
@Path("api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CrisisResource {

    private static final String ID = "{id: [0-9]{1,18}}";

    @Inject
    CrisisService crisis;

    @Inject
    HotlineDirectory hotlines;

    @Inject
    CurrentMember current;

    /** Text to check; {@code country} overrides the member's chosen country for the resources. */
    public record CheckRequest(
            @NotNull(message = "Send the text to check.")
            @Size(max = 20_000, message = "Text to check has at most 20,000 characters.")
            String text,
            @Pattern(regexp = "(?i)[A-Z]{2}", message = "The country is a two-letter code such as GB.")
            String country) {
    }

    public record Match(int start, int end, String text, String rule) {
    }

    /** The verdict and, at IDEATION or above, the help to show before posting. */
    public record CheckAnswer(CrisisLevel level, List<String> rules, List<Match> matches, List<HotlineView> resources,
            CrisisHelp help) {
    }

    @POST
    @Path("crisis/check")
    @Operation(summary = "Check text for crisis language (nothing is stored or logged); answers the level and, "
            + "at IDEATION or above, help for the member's country")
    public CheckAnswer check(@Valid @NotNull(message = "Send {text}.") CheckRequest request) {
        CrisisVerdict verdict = crisis.check(request.text());
        String country = request.country() != null ? request.country()
                : current.viewer().map(Viewer::country).orElse(null);
        CrisisHelp help = crisis.helpFor(verdict.level(), country).orElse(null);
        return new CheckAnswer(verdict.level(), verdict.rules(),
                verdict.matches().stream().map(m -> new Match(m.start(), m.end(), m.text(), m.ruleId())).toList(),
                help == null ? List.of() : help.resources(), help);
    }

    @GET
    @Path("crisis/hotlines")
    @Operation(summary = "The verified lines shown for a country (the member's, or ?country=); "
            + "countries without lines get the international directories")
    public List<HotlineView> lines(@QueryParam("country") String country) {
        String chosen = country != null && country.matches("(?i)[A-Z]{2}") ? country
                : current.viewer().map(Viewer::country).orElse(null);
        return hotlines.shownFor(hotlines.countryFor(chosen));
    }

    @GET
    @Path("admin/hotlines")
    @Operation(summary = "Administrators: every directory entry, unverified ones included")
    public List<HotlineView> all() {
        current.requireAdmin();
        return hotlines.all();
    }

    @POST
    @Path("admin/hotlines")
    @Operation(summary = "Administrators: add an entry")
    public Response add(@Valid @NotNull(message = "Send the entry.") HotlineRequest request) {
        current.requireAdmin();
        return Response.status(201).entity(hotlines.add(request)).build();
    }

    @PUT
    @Path("admin/hotlines/" + ID)
    @Operation(summary = "Administrators: edit an entry (send its version; 409 when stale)")
    public HotlineView edit(@PathParam("id") long id, @Valid @NotNull(message = "Send the entry.") HotlineRequest request) {
        current.requireAdmin();
        return hotlines.edit(id, request);
    }

    @POST
    @Path("admin/hotlines/" + ID + "/confirm")
    @Operation(summary = "Administrators: confirm an entry with its operator; it is shown from now on")
    public HotlineView confirm(@PathParam("id") long id) {
        current.requireAdmin();
        return hotlines.confirm(id);
    }

    @DELETE
    @Path("admin/hotlines/" + ID)
    @Operation(summary = "Administrators: remove an entry")
    public Response remove(@PathParam("id") long id) {
        current.requireAdmin();
        hotlines.remove(id);
        return Response.noContent().build();
    }

    /** The lexicon in force; {@code warning} (omitted when null) asks for the word model to be retrained. */
    public record LexiconAnswer(String version, String warning) {
    }

    @POST
    @Path("admin/crisis/lexicon/reload")
    @Operation(summary = "Administrators: reload the crisis lexicon without a restart; a malformed file is "
            + "refused with its message and the lexicon in force stays")
    public LexiconAnswer reload() {
        current.requireAdmin();
        CrisisService.LexiconReload reloaded = crisis.reloadLexicon();
        return new LexiconAnswer(reloaded.version(), reloaded.warning());
    }
}
