package org.haven.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PagingTest {

    @Test
    void anAbsentPageIsTheFirst() {
        assertEquals(1, Paging.page(null));
        assertEquals(1, Paging.page(" "));
        assertEquals(7, Paging.page("7"));
    }

    @Test
    void zeroNegativeHugeAndNonNumericPagesAreA400NamingThePageParameter() {
        for (String bad : new String[] {"0", "-1", "10001", "abc", "1e3", "99999999999"}) {
            ApiException refused = assertThrows(ApiException.class, () -> Paging.page(bad), bad);
            assertEquals(400, refused.status());
            assertEquals("page", refused.toProblem().errors().get(0).field());
            assertEquals("query", refused.toProblem().errors().get(0).in());
        }
    }
}
