package org.haven.content;

import static org.haven.content.SafeHtmlCheck.assertSafe;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The safety check used by the other tests must itself catch unsafe output, or those tests prove nothing. */
class SafeHtmlCheckTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "<script>alert(1)</script>",
        "<p onclick=\"alert(1)\">x</p>",
        "<a href=\"javascript:alert(1)\">x</a>",
        "<a href=\"java&#x09;script:alert(1)\">x</a>",
        "<a href=\"&#106;avascript:alert(1)\">x</a>",
        "<a href=\"data:text/html,x\">x</a>",
        "<a href=\"ftp://example.org\">x</a>",
        "<img src=\"https://example.org/x.png\" />",
        "<p style=\"color:red\">x</p>",
        "<span>x</span>",
        "<p title=\"x\">x</p>",
        "<p>x</p><b",
    })
    void rejectsUnsafeMarkup(String html) {
        assertThrows(AssertionError.class, () -> assertSafe(html));
    }

    @Test
    void acceptsAllowedMarkup() {
        assertSafe("<h3>t</h3><p><em>a</em> <a href=\"https://example.org/?q&#61;1\" "
                + "rel=\"nofollow ugc noopener noreferrer\">b</a> &lt;script&gt; javascript:alert(1)</p>"
                + "<ol start=\"2\"><li>x<br /></li></ol><hr /><a href=\"/threads/1\">t</a><a href=\"mailto:a&#64;b\">m</a>");
    }
}
