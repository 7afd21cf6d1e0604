package org.haven.content;

import static org.haven.content.SafeHtmlCheck.assertSafe;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The allow-list on its own, fed raw HTML as if the Markdown layer had let it through. The renderer escapes raw
 * HTML before the policy ever sees it, so these tests are what keep the policy a real second line of defence.
 */
class ContentPolicyTest {

    private static String sanitize(String html) {
        return ContentPolicy.POLICY.sanitize(html);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "<script>alert(1)</script>",
        "<SCRIPT SRC=//evil/x.js></SCRIPT>",
        "<img src=x onerror=alert(1)>",
        "<svg onload=alert(1)>",
        "<svg><script>alert(1)</script></svg>",
        "<a href=\"javascript:alert(1)\">x</a>",
        "<a href=\"JaVaScRiPt:alert(1)\">x</a>",
        "<a href=\"java&#x09;script:alert(1)\">x</a>",
        "<a href=\"&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)\">x</a>",
        "<a href=\"data:text/html;base64,PHNjcmlwdD4=\">x</a>",
        "<a href=\"vbscript:msgbox\">x</a>",
        "<a href=\" javascript:alert(1)\">x</a>",
        "<a href=\"https://example.org\" onclick=\"alert(1)\" onmouseover=alert(1)>x</a>",
        "<iframe src=//evil></iframe>",
        "<iframe srcdoc=\"<script>alert(1)</script>\">",
        "<scr<script>ipt>alert(1)</scr</script>ipt>",
        "\"><script>alert(1)</script>",
        "'><img src=x onerror=alert(1)>",
        "<div style=\"background:url(javascript:alert(1))\">x</div>",
        "<p style=\"color:red\">x</p>",
        "<style>body{background:url(javascript:alert(1))}</style>",
        "<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>",
        "<details open ontoggle=alert(1)>",
        "<!-- <script>alert(1)</script> -->",
        "<!--[if IE]><script>alert(1)</script><![endif]-->",
        "<base href=\"https://evil/\">",
        "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
        "<form action=\"https://evil\"><input name=q><button formaction=javascript:alert(1)>go</button></form>",
        "<object data=\"javascript:alert(1)\"></object>",
        "<embed src=\"javascript:alert(1)\">",
        "<link rel=stylesheet href=//evil/x.css>",
        "<body onload=alert(1)>",
        "<video><source onerror=alert(1)></video>",
        "<table background=\"javascript:alert(1)\"><tr><td>x</td></tr></table>",
        "<a href=\"https://example.org\" target=\"_blank\">x</a>",
        "<p class=\"admin\" id=\"main\">x</p>",
        "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>",
        "<template><script>alert(1)</script></template>",
        "<textarea><script>alert(1)</script></textarea>",
        "<xmp><script>alert(1)</script></xmp>",
    })
    void dangerousHtmlComesOutWithoutExecutableMarkup(String html) {
        assertSafe(sanitize(html));
    }

    @Test
    void scriptContentIsDroppedNotShown() {
        assertEquals("", sanitize("<script>alert(1)</script>"));
    }

    @Test
    void linkWithRefusedAddressKeepsOnlyItsText() {
        assertEquals("x", sanitize("<a href=\"javascript:alert(1)\">x</a>"));
    }

    @Test
    void linkWithEmptyAddressKeepsOnlyItsText() {
        assertEquals("x", sanitize("<a href=\"\">x</a>"));
    }

    @Test
    void everyLinkGetsTheForcedRelAndNoTarget() {
        String html = sanitize("<a href=\"https://example.org/\" rel=\"opener\" target=\"_blank\">x</a>");
        assertEquals("<a href=\"https://example.org/\" rel=\"nofollow ugc noopener noreferrer\">x</a>", html);
        assertEquals("nofollow ugc noopener noreferrer", ContentPolicy.LINK_REL);
    }

    @Test
    void mailtoAndRelativeAddressesAreKept() {
        assertTrue(sanitize("<a href=\"mailto:team@example.org\">m</a>").contains("href=\"mailto:team&#64;example.org\""));
        assertTrue(sanitize("<a href=\"/threads/42\">t</a>").contains("href=\"/threads/42\""));
    }

    @Test
    void pageLevelHeadingsBecomeH3() {
        assertEquals("<h3>a</h3><h3>b</h3><h4>c</h4><h6>d</h6>",
                sanitize("<h1>a</h1><h2>b</h2><h4>c</h4><h6>d</h6>"));
    }

    @Test
    void allowedFormattingSurvives() {
        String html = "<p><em>e</em> <strong>s</strong> <code>c</code><br /></p>"
                + "<ul><li>u</li></ul><ol start=\"3\"><li>o</li></ol>"
                + "<blockquote><p>q</p></blockquote><pre><code>x</code></pre><hr />";
        assertEquals(html, sanitize(html));
    }

    @Test
    void classesIdsAndStylesAreRemovedButTheTextStays() {
        assertEquals("<p>x</p>", sanitize("<p class=\"a\" id=\"b\" style=\"color:red\">x</p>"));
        assertEquals("<pre><code>x</code></pre>", sanitize("<pre><code class=\"language-java\">x</code></pre>"));
    }

    @Test
    void nonNumericListStartIsDropped() {
        assertEquals("<ol><li>x</li></ol>", sanitize("<ol start=\"1;alert(1)\"><li>x</li></ol>"));
    }

    @Test
    void sanitisingTwiceChangesNothing() {
        String once = sanitize("<h1>t</h1><p>a <a href=\"https://example.org\">b</a> &lt; &amp;</p><img src=x>");
        assertEquals(once, sanitize(once));
    }

    @Test
    void textIsEscaped() {
        String html = sanitize("1 &lt; 2 &amp;&amp; 3 &gt; 2");
        assertFalse(html.contains("<"));
        assertTrue(html.contains("&lt;") && html.contains("&amp;"));
    }
}
