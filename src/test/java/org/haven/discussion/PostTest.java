package org.haven.discussion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.haven.web.ApiException;
import org.junit.jupiter.api.Test;

class PostTest {

    private static final OffsetDateTime WRITTEN = OffsetDateTime.of(2026, 11, 22, 3, 0, 0, 0, ZoneOffset.UTC);
    private static final Duration WINDOW = Duration.ofMinutes(30);

    /** A post by nobody in particular: isBy() is false for every member, as for a deleted account. */
    private static Post post() {
        return new Post(null, null, false, false, "first", "<p>first</p>", WRITTEN, 1);
    }

    @Test
    void onlyTheAuthorMayEditOrDelete() {
        Post post = post();

        assertEquals(403, assertThrows(ApiException.class,
                () -> post.edit(7, 0, "x", "x", WRITTEN, WINDOW, 2)).status());
        assertEquals(403, assertThrows(ApiException.class, () -> post.delete(7, 2)).status());
    }

    @Test
    void aPostThatIsNotTheMembersKeepsItsText() {
        Post post = post();
        assertThrows(ApiException.class, () -> post.delete(7, 2));

        assertEquals("first", post.bodyMarkdown());
        assertEquals(1, post.changeSeq());
        assertTrue(!post.deleted());
        assertNotNull(post.bodyHtml());
    }
}
