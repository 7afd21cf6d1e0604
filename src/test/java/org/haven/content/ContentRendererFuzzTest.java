package org.haven.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Coverage-guided fuzzing of the only class that renders member text: whatever Markdown (and HTML, entities,
 * addresses) a member writes, the HTML must pass {@link SafeHtmlCheck}, an allow-list check written without the
 * sanitizer; sanitising it again must change nothing (the policy's own claim, which keeps a stored rendering and a
 * fresh one alike); and an excerpt must fit its limit without a broken surrogate pair or a control character.
 *
 * <p>A plain test run replays the inputs committed under {@code ContentRendererFuzzTestInputs} (the attacks of
 * {@link ContentRendererTest} and ordinary posts). To fuzz for five minutes (README, "Tests and CI"):
 * {@code JAZZER_FUZZ=1 mvn test -Dtest=ContentRendererFuzzTest}.
 */
class ContentRendererFuzzTest {

    private static final ContentRenderer RENDERER = new ContentRenderer();
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}\\p{Cf}&&[^\\u200D]]");

    /** The input is the post as UTF-8; its first byte also chooses the excerpt's limit (1 to 256). */
    @FuzzTest(maxDuration = "5m")
    void anyPostRendersToSafeStableHtmlAndFittingExcerpts(byte[] data) {
        String markdown = new String(data, StandardCharsets.UTF_8);

        String html = RENDERER.toSafeHtml(markdown);
        SafeHtmlCheck.assertSafe(html);
        assertEquals(html, ContentPolicy.POLICY.sanitize(html), "sanitising the rendered HTML again changed it");

        int limit = data.length == 0 ? 1 : (data[0] & 0xFF) + 1;
        String excerpt = RENDERER.excerpt(markdown, limit);
        assertTrue(excerpt.length() <= limit,
                () -> "excerpt of " + excerpt.length() + " chars for a limit of " + limit);
        assertFalse(!excerpt.isEmpty() && Character.isHighSurrogate(excerpt.charAt(excerpt.length() - 1)),
                "the excerpt ends in half a surrogate pair");
        assertFalse(excerpt.contains("\u2026") && excerpt.length() > 1
                && Character.isHighSurrogate(excerpt.charAt(excerpt.length() - 2)), "half a pair before the ellipsis");
        assertFalse(CONTROL.matcher(excerpt).find(), "a control or format character in the excerpt");
    }
}
