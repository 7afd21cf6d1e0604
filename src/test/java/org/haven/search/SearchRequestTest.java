package org.haven.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.haven.web.ApiException;
import org.haven.web.Problem;
import org.junit.jupiter.api.Test;

/** The search's parameters: read when valid, each one named when not. */
class SearchRequestTest {

    private static List<String> refused(String q, String topic, String from, String to, String sort, String page) {
        ApiException e = assertThrows(ApiException.class, () -> SearchRequest.parse(q, topic, from, to, sort, page));
        assertEquals(400, e.status());
        return e.toProblem().errors().stream().map(Problem.FieldError::field).toList();
    }

    @Test
    void readsAValidSearch() {
        SearchRequest r = SearchRequest.parse("  cravings at night ", "cravings-and-triggers", "2026-01-01", "2026-01-31",
                "newest", "3");
        assertEquals(new SearchRequest("cravings at night", "cravings-and-triggers", LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 1, 31), true, 3), r);
        SearchRequest plain = SearchRequest.parse("tea", null, "", null, "relevance", null);
        assertNull(plain.from());
        assertEquals(1, plain.page());
        assertEquals(false, plain.newestFirst());
    }

    @Test
    void namesEveryParameterThatIsWrong() {
        assertEquals(List.of("q"), refused(null, null, null, null, null, null));
        assertEquals(List.of("q"), refused("   ", null, null, null, null, null));
        assertEquals(List.of("q"), refused("a".repeat(SearchRequest.MAX_CHARS + 1), null, null, null, null, null));
        assertEquals(List.of("q"), refused("tea\u0000", null, null, null, null, null));
        assertEquals(List.of("topic"), refused("tea", "Not A Slug!", null, null, null, null));
        assertEquals(List.of("from", "to"), refused("tea", null, "31/01/2026", "soon", null, null));
        assertEquals(List.of("to"), refused("tea", null, "2026-02-01", "2026-01-31", null, null));
        assertEquals(List.of("from", "to"), refused("tea", null, "+300000000-01-01", "+999999999-12-31", null, null));
        assertEquals(List.of("from"), refused("tea", null, "1969-12-31", null, null, null));
        assertEquals(List.of("sort"), refused("tea", null, null, null, "loudest", null));
        assertEquals(List.of("page"), refused("tea", null, null, null, null, "0"));
        assertEquals(List.of("page"), refused("tea", null, null, null, null, String.valueOf(SearchRequest.MAX_PAGE + 1)));
        assertEquals(List.of("page"), refused("tea", null, null, null, null, "two"));
        assertEquals(List.of("q", "sort", "page"), refused("", null, null, null, "up", "-1"));
        assertTrue(SearchRequest.parse("a".repeat(SearchRequest.MAX_CHARS), null, null, null, null,
                String.valueOf(SearchRequest.MAX_PAGE)).page() == SearchRequest.MAX_PAGE);
    }
}
