package org.haven.content;

import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opentest4j.AssertionFailedError;

/** The oracle the content tests and the fuzzer rely on: it must refuse what is unsafe and pass what is inert. */
class SafeHtmlCheckTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "<p>x<script>alert(1)</script></p>",
        "<p><img src=\"x\"></p>",
        "<p><a href=\"javascript:alert(1)\">x</a></p>",
        "<p><a href=\"&#106;avascript:alert(1)\">x</a></p>",
        "<p><a href=\"&#x09;java&#x0A;script:alert(1)\">x</a></p>",
        "<p><a href=\"ftp://example.org/x\">x</a></p>",
        "<p><a href=\"https://example.org\" onclick=\"alert(1)\">x</a></p>",
        "<p><a href=\"https://example.org\" target=\"_blank\">x</a></p>",
        "<p style=\"color:red\">x</p>",
        "<p>x <!-- hidden --> y</p>",
        "<p>{<!-- a -->{</p>",
        "<p>x<!-- -->{</p>",
        "<p>x < y</p>",
        "<div>x</div>",
    })
    void refusesMarkupThatCouldRunOrLoadOrHide(String html) {
        assertThrows(AssertionFailedError.class, () -> SafeHtmlCheck.assertSafe(html));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "<p>alert srcdoc style&#61;x class&#61;y onclick&#61;z</p>",
        "<p><a href=\"notes?about=file:x\" rel=\"nofollow\">x</a></p>",
        "<p><a href=\"srcdoc/onclick=x\" rel=\"nofollow\">x</a></p>",
        "<p>{<!-- -->{name}<!-- -->}</p>",
        "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>",
        "<ol start=\"3\"><li><a href=\"https://example.org\" rel=\"nofollow ugc noopener noreferrer\">x</a></li></ol>",
    })
    void passesInertText(String html) {
        SafeHtmlCheck.assertSafe(html);
    }

    @Test
    void aSanitizerTemplateBreakIsTheOnlyCommentAllowed() {
        SafeHtmlCheck.assertSafe("<p>{<!-- -->{</p>");
        assertThrows(AssertionFailedError.class, () -> SafeHtmlCheck.assertSafe("<p><!-- --></p>"));
    }
}
