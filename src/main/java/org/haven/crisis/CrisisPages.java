package org.haven.crisis;

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
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.haven.identity.CurrentMember;
import org.haven.identity.MemberService;
import org.haven.identity.Viewer;
import org.haven.web.ApiException;
import org.haven.web.FormErrors;
import org.haven.web.Pages;

/** The crisis lines page (anyone) and the administration page with the hotline directory (admins). */
@Path("")
@Produces(MediaType.TEXT_HTML)
public class CrisisPages {

    private static final String ID = "{id: [0-9]{1,18}}";

    @Inject
    HotlineDirectory hotlines;

    @Inject
    CrisisService crisis;

    @Inject
    MemberService members;

    @Inject
    CurrentMember current;

    @Inject
    Pages pages;

    @Inject
    Validator validator;

    @GET
    @Path("help")
    @Operation(hidden = true)
    public Response help(@QueryParam("country") String country, @QueryParam("saved") String saved) {
        String chosen = country != null && country.matches("[A-Z]{2}|INTL") ? country
                : hotlines.countryFor(current.viewer().map(Viewer::country).orElse(null));
        return pages.page("help.jte", Map.of("country", chosen, "countries", hotlines.countries(),
                "lines", hotlines.shownFor(chosen), "saved", saved != null));
    }

    @POST
    @Path("help")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response chooseCountry(MultivaluedMap<String, String> form) {
        String country = form.getFirst("country");
        Viewer viewer = current.viewer().orElse(null);
        String code = country == null ? "" : country.strip().toUpperCase(Locale.ROOT);
        if (viewer == null || !code.matches("[A-Z]{2}|INTL")) {
            return Pages.seeOther("/help");
        }
        members.chooseCountry(viewer.memberId(), code);
        return Pages.seeOther("/help?saved=1");
    }

    @GET
    @Path("admin")
    @Operation(hidden = true)
    public Response admin(@QueryParam("notice") String notice) {
        if (current.viewer().isEmpty()) {
            return Pages.seeOther("/sign-in?next=/admin");
        }
        current.requireAdmin();
        return adminPage(200, Map.of(), notice == null || notice.length() > 200 ? null : notice);
    }

    private Response adminPage(int status, Map<String, String> errors, String notice) {
        Map<String, Object> model = new HashMap<>();
        model.put("hotlines", hotlines.all());
        model.put("lexiconVersion", crisis.lexiconVersion());
        model.put("errors", errors);
        model.put("notice", notice);
        return pages.page(status, "admin.jte", model);
    }

    @POST
    @Path("admin/lexicon/reload")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response reloadLexicon() {
        current.requireAdmin();
        try {
            CrisisService.LexiconReload reloaded = crisis.reloadLexicon();
            // the notice travels in the URL and the page shows at most 200 characters: a fixed text, and the version
            // only while it is short (the full warning is in the log and in the API answer)
            String notice = (reloaded.version().length() <= 40 ? "Lexicon version " + reloaded.version() : "The new lexicon")
                    + " is in force." + (reloaded.warning() == null ? ""
                            : " Retrain the crisis word model: slang, emoji or segment-break words changed since it was trained.");
            return Pages.seeOther("/admin?notice=" + encode(notice));
        } catch (ApiException refused) {
            return adminPage(400, FormErrors.of(refused), null);
        }
    }

    @POST
    @Path("admin/role")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response changeRole(MultivaluedMap<String, String> form) {
        String pseudonym = form.getFirst("pseudonym");
        String role = form.getFirst("role");
        current.requireAdmin();
        try {
            var changed = members.changeRole(pseudonym == null ? "" : pseudonym.strip(),
                    "moderator".equals(role) ? org.haven.identity.MemberRole.MODERATOR : org.haven.identity.MemberRole.MEMBER);
            return Pages.seeOther("/admin?notice=" + encode(changed.pseudonym() + " is now a " + changed.role().wireName() + "."));
        } catch (ApiException refused) {
            return adminPage(refused.status(), FormErrors.of(refused), null);
        }
    }

    @GET
    @Path("admin/hotlines/new")
    @Operation(hidden = true)
    public Response newHotline() {
        current.requireAdmin();
        return hotlinePage(200, null, new HotlineRequest("", "", "", null, null, null, null, null, false, null, null), Map.of());
    }

    @POST
    @Path("admin/hotlines/new")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response addHotline(MultivaluedMap<String, String> form) {
        current.requireAdmin();
        var entry = entryOf(form, null);
        Map<String, String> errors = FormErrors.check(validator, entry);
        if (!errors.isEmpty()) {
            return hotlinePage(400, null, entry, errors);
        }
        hotlines.add(entry);
        return Pages.seeOther("/admin?notice=" + encode("Entry added."));
    }

    @GET
    @Path("admin/hotlines/" + ID)
    @Operation(hidden = true)
    public Response editHotline(@PathParam("id") long id) {
        current.requireAdmin();
        HotlineView h = hotlines.all().stream().filter(v -> v.id() == id).findFirst()
                .orElseThrow(() -> ApiException.notFound("That hotline entry"));
        return hotlinePage(200, id, new HotlineRequest(h.country(), h.name(), h.kind(), h.call(), h.text(), h.url(),
                h.hours(), h.notes(), h.verified(), h.lastVerified(), h.version()), Map.of());
    }

    @POST
    @Path("admin/hotlines/" + ID)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response saveHotline(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        current.requireAdmin();
        Long seen;
        try {
            seen = Long.valueOf(form.getFirst("version"));
        } catch (NumberFormatException e) {
            seen = -1L;
        }
        var entry = entryOf(form, seen);
        Map<String, String> errors = FormErrors.check(validator, entry);
        if (!errors.isEmpty()) {
            return hotlinePage(400, id, entry, errors);
        }
        try {
            hotlines.edit(id, entry);
        } catch (ApiException refused) {
            return hotlinePage(refused.status(), id, entry, FormErrors.of(refused));
        }
        return Pages.seeOther("/admin?notice=" + encode("Entry saved."));
    }

    @POST
    @Path("admin/hotlines/" + ID + "/confirm")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response confirm(@PathParam("id") long id) {
        current.requireAdmin();
        hotlines.confirm(id);
        return Pages.seeOther("/admin?notice=" + encode("Entry confirmed: members see it now."));
    }

    @POST
    @Path("admin/hotlines/" + ID + "/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response remove(@PathParam("id") long id) {
        current.requireAdmin();
        hotlines.remove(id);
        return Pages.seeOther("/admin?notice=" + encode("Entry removed."));
    }

    /** The entry an administrator typed into the hotline form. */
    private static HotlineRequest entryOf(MultivaluedMap<String, String> form, Long version) {
        return new HotlineRequest(trim(form.getFirst("country")), trim(form.getFirst("name")), trim(form.getFirst("kind")),
                trim(form.getFirst("call")), trim(form.getFirst("text")), trim(form.getFirst("url")),
                trim(form.getFirst("hours")), trim(form.getFirst("notes")), "true".equals(form.getFirst("verified")), null,
                version);
    }

    private static String trim(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private Response hotlinePage(int status, Long id, HotlineRequest entry, Map<String, String> errors) {
        Map<String, Object> model = new HashMap<>();
        model.put("id", id);
        model.put("entry", entry);
        model.put("errors", errors);
        return pages.page(status, "hotline-edit.jte", model);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

}
