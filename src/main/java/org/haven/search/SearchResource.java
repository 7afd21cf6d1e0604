package org.haven.search;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.haven.identity.CurrentMember;
import org.haven.identity.Viewer;

/** The search API, and the administrators' rebuild of this node's index. */
@Path("api/v1")
@Produces(MediaType.APPLICATION_JSON)
public class SearchResource {

    @Inject
    SearchService search;

    @Inject
    CurrentMember current;

    @Inject
    SearchLimit limit;

    @GET
    @Path("search")
    @Operation(summary = "Search visible posts and thread titles: q (words, \"phrases\", -word, word*; at most 200 "
            + "characters), topic (slug), from and to (YYYY-MM-DD, UTC, both included), sort (relevance or newest), "
            + "page (10 results each, up to 100). Answers total, hits with a snippet (escaped HTML, the words found in "
            + "<mark>), per-topic counts, a suggested spelling when little is found, and crisis help when the query "
            + "itself reads as someone in danger. Queries are never stored or logged. 429 past "
            + "HAVEN_LIMIT_SEARCHES_PER_MINUTE (60) searches a minute, except for a query in crisis language")
    public SearchService.Results search(@QueryParam("q") String q, @QueryParam("topic") String topic,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("sort") String sort,
            @QueryParam("page") String page, @jakarta.ws.rs.core.Context jakarta.servlet.http.HttpServletRequest http) {
        Viewer viewer = current.viewer().orElse(null);
        limit.admit(q, viewer, http.getRemoteAddr());
        return search.search(SearchRequest.parse(q, topic, from, to, sort, page), viewer);
    }

    @POST
    @Path("admin/search/rebuild")
    @Operation(summary = "Administrators: rebuild this node's search index from the database now (searches keep "
            + "using the old index until the new one is complete); answers how many posts it holds")
    public SearchService.Rebuilt rebuild() {
        current.requireAdmin();
        return search.rebuild();
    }
}
