package org.haven.search;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.haven.identity.CurrentMember;
import org.haven.topic.TopicService;
import org.haven.web.ApiException;
import org.haven.web.FormErrors;
import org.haven.web.Pages;

/**
 * The search page: a form (which works without JavaScript), crisis help above the results when the query reads as
 * someone in danger, the results with the words found marked, topic filters with their counts, "did you mean", and
 * pages. A bad parameter re-shows the form with its message (400), never an error page.
 */
@Path("search")
@Produces(MediaType.TEXT_HTML)
public class SearchPages {

    @Inject
    SearchService search;

    @Inject
    TopicService topics;

    @Inject
    CurrentMember current;

    @Inject
    SearchLimit limit;

    @jakarta.ws.rs.core.Context
    jakarta.servlet.http.HttpServletRequest http;

    @Inject
    Pages pages;

    /** What the form shows: the parameters as typed, so that a refused search keeps them. */
    public record Form(String q, String topic, String from, String to, String sort) {
        /** This search's address with other parameters (null leaves one out), for filters, sorting and pages. */
        public String href(String topicSlug, String sortBy) {
            StringBuilder href = new StringBuilder("/search?q=").append(encode(q));
            append(href, "topic", topicSlug);
            append(href, "from", from);
            append(href, "to", to);
            append(href, "sort", sortBy);
            return href.toString();
        }

        public String href() {
            return href(topic, sort);
        }

        /** Whether a topic, a date or newest-first was chosen: the form then shows its options open. */
        public boolean filtered() {
            return !blank(topic) || !blank(from) || !blank(to) || "newest".equals(sort);
        }

        private static boolean blank(String value) {
            return value == null || value.isBlank();
        }

        private static void append(StringBuilder href, String name, String value) {
            if (!blank(value)) {
                href.append('&').append(name).append('=').append(encode(value));
            }
        }

        private static String encode(String value) {
            return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
        }
    }

    @GET
    @Operation(hidden = true)
    public Response page(@QueryParam("q") String q, @QueryParam("topic") String topic, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("sort") String sort, @QueryParam("page") String page) {
        Form form = new Form(q, topic, from, to, sort);
        Map<String, Object> model = new HashMap<>();
        model.put("form", form);
        model.put("topics", topics.all());
        model.put("results", null);
        model.put("errors", Map.of());
        model.put("help", null);
        if (q == null && topic == null && from == null && to == null && sort == null && page == null) {
            return pages.page("search.jte", model); // the empty form
        }
        try {
            limit.admit(q, current.viewer().orElse(null), http.getRemoteAddr());
            SearchService.Results results = search.search(SearchRequest.parse(q, topic, from, to, sort, page),
                    current.viewer().orElse(null));
            model.put("results", results);
            model.put("help", results.crisis());
            return pages.page("search.jte", model);
        } catch (ApiException refused) {
            if (refused.status() != 400 && refused.status() != 429) {
                throw refused;
            }
            model.put("errors", FormErrors.of(refused));
            if (q != null && !q.isBlank()) {
                model.put("help", search.helpFor(q, current.viewer().orElse(null)));
            }
            return Pages.refusal(refused, pages.page(refused.status(), "search.jte", model));
        }
    }
}
