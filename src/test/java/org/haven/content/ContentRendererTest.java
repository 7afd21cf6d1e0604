package org.haven.content;

import static org.haven.content.SafeHtmlCheck.assertSafe;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ContentRendererTest {

    private final ContentRenderer renderer = new ContentRenderer();

    private String render(String markdown) {
        return renderer.toSafeHtml(markdown).strip();
    }

    @Nested
    class AttacksComeOutHarmless {

        @ParameterizedTest
        @ValueSource(strings = {
            "<script>alert(1)</script>",
            "<img src=x onerror=alert(1)>",
            "[x](javascript:alert(1))",
            "[x](JaVaScRiPt:alert(1))",
            "[x](java&#x09;script:alert(1))",
            "[x](&#106;avascript:alert(1))",
            "[x](<javascript:alert(1)>)",
            "[x]( javascript:alert(1) )",
            "[x](javascript&colon;alert(1))",
            "[x](data:text/html;base64,PHNjcmlwdD4=)",
            "[x](vbscript:msgbox)",
            "[x](file:///etc/passwd)",
            "[x](https://example.org/\"onmouseover=\"alert(1))",
            "[x](https://example.org \"title\\\" onmouseover=alert(1)\")",
            "<svg onload=alert(1)>",
            "<a href=\"javascript:alert(1)\">x</a>",
            "<iframe src=//evil>",
            "<scr<script>ipt>alert(1)</scr</script>ipt>",
            "\"><script>alert(1)</script>",
            "<div style=\"background:url(javascript:alert(1))\">x</div>",
            "&lt;script&gt;alert(1)&lt;/script&gt;",
            "%3Cscript%3Ealert(1)%3C/script%3E",
            "\\u003cscript\\u003ealert(1)\\u003c/script\\u003e",
            "<javascript:alert(1)>",
            "<JAVASCRIPT:alert(1)>",
            "<data:text/html;base64,PHNjcmlwdD4=>",
            "[x][evil]\n\n[evil]: javascript:alert(1)",
            "[evil]\n\n[evil]: data:text/html;base64,PHNjcmlwdD4= \"t\"",
            "<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>",
            "<details open ontoggle=alert(1)>",
            "![x](https://evil/x.png)",
            "![x](javascript:alert(1))",
            "![x\" onerror=\"alert(1)](https://evil/x.png)",
            "[![x](https://evil/x.png)](javascript:alert(1))",
            "<!-- <script>alert(1)</script> -->",
            "<base href=\"https://evil/\">",
            "<meta http-equiv=\"refresh\" content=\"0;url=https://evil\">",
            "<form action=\"https://evil\"><input name=q></form>",
            "<object data=\"https://evil/x.swf\"></object>",
            "<embed src=\"https://evil/x.swf\">",
            "<style>*{display:none}</style>",
            "text <span onclick=alert(1)>inline</span> more",
            "```html\n<script>alert(1)</script>\n```",
            "    <script>alert(1)</script>",
            "`<img src=x onerror=alert(1)>`",
            "# <script>alert(1)</script>",
            "> <iframe src=//evil>",
            "- <svg onload=alert(1)>",
            "**<img src=x onerror=alert(1)>**",
        })
        void noExecutableMarkupSurvives(String markdown) {
            assertSafe(renderer.toSafeHtml(markdown));
        }

        @Test
        void rawHtmlIsShownAsTextSoTheWriterSeesWhatTheyTyped() {
            assertEquals("<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>", render("<script>alert(1)</script>"));
            assertEquals("<p>&lt;b&gt;bold&lt;/b&gt;</p>", render("<b>bold</b>"));
        }

        @Test
        void encodedPayloadsStayInertText() {
            assertEquals("<p>&lt;script&gt;</p>", render("&lt;script&gt;"));
            assertEquals("<p>%3Cscript%3E</p>", render("%3Cscript%3E"));
        }

        @Test
        void linkWithADangerousAddressBecomesItsText() {
            assertEquals("<p>x</p>", render("[x](javascript:alert(1))"));
            assertEquals("<p>x</p>", render("[x](data:text/html;base64,PHNjcmlwdD4=)"));
            assertEquals("<p>x</p>", render("[x][r]\n\n[r]: vbscript:msgbox"));
        }

        @Test
        void autolinkWithADangerousSchemeIsPlainText() {
            assertEquals("<p>javascript:alert(1)</p>", render("<javascript:alert(1)>"));
        }

        @Test
        void imagesAreReplacedByTheirAltText() {
            assertEquals("<p>a photo of my garden</p>", render("![a photo of my *garden*](https://example.org/g.png)"));
            assertEquals("<p>before  after</p>", render("before ![](https://example.org/g.png) after"));
        }

        @Test
        void htmlCommentsAreShownAsTextNotHidden() {
            assertEquals("<p>&lt;!-- note --&gt;</p>", render("<!-- note -->"));
        }
    }

    @Nested
    class MarkdownFormatting {

        @Test
        void emphasisAndStrongAndInlineCode() {
            assertEquals("<p><em>one</em> <strong>day</strong> at a <code>time</code></p>",
                    render("*one* **day** at a `time`"));
        }

        @Test
        void bulletAndNumberedLists() {
            assertEquals("<ul><li>call my sponsor</li><li>go to a meeting</li></ul>",
                    render("- call my sponsor\n- go to a meeting"));
            assertEquals("<ol start=\"3\"><li>three</li><li>four</li></ol>", render("3. three\n4. four"));
        }

        @Test
        void quotes() {
            assertEquals("<blockquote>\n<p>progress, not perfection</p>\n</blockquote>",
                    render("> progress, not perfection"));
        }

        @Test
        void fencedCodeBlockKeepsItsTextButLosesTheLanguageClass() {
            assertEquals("<pre><code>if (x &lt; 2) {}\n</code></pre>", render("```java\nif (x < 2) {}\n```"));
        }

        @Test
        void headingsAreShiftedBelowThePageHeadings() {
            assertEquals("<h3>a</h3>\n<h4>b</h4>\n<h5>c</h5>\n<h6>d</h6>\n<h6>f</h6>",
                    render("# a\n## b\n### c\n#### d\n###### f"));
        }

        @Test
        void hardLineBreakAndThematicBreak() {
            assertEquals("<p>line one<br />\nline two</p>\n<hr />", render("line one  \nline two\n\n---"));
        }

        @Test
        void httpsLinkKeepsItsAddressAndGetsTheForcedRel() {
            assertEquals("<p><a href=\"https://example.org/meetings\" rel=\"nofollow ugc noopener noreferrer\">"
                    + "meetings</a></p>", render("[meetings](https://example.org/meetings)"));
        }

        @Test
        void autolinkAndReferenceLinkGetTheForcedRel() {
            String expected = "<a href=\"https://example.org\" rel=\"nofollow ugc noopener noreferrer\">";
            assertTrue(render("<https://example.org>").contains(expected));
            assertTrue(render("[site][s]\n\n[s]: https://example.org").contains(expected));
        }

        @Test
        void linkTitleIsDropped() {
            assertEquals("<p><a href=\"https://example.org\" rel=\"nofollow ugc noopener noreferrer\">x</a></p>",
                    render("[x](https://example.org \"a title\")"));
        }

        @Test
        void mailtoLinksAreAllowed() {
            String html = render("[write to us](mailto:team@example.org)");
            assertTrue(html.contains("href=\"mailto:team&#64;example.org\""), html);
            assertTrue(html.contains("rel=\"nofollow ugc noopener noreferrer\""), html);
        }

        @Test
        void linksToOtherThreadsAreAllowed() {
            assertTrue(render("[see this](/threads/42)").contains("href=\"/threads/42\""));
        }

        @Test
        void plainTextWithLessThanAndAmpersandIsEscapedAndReadable() {
            assertEquals("<p>day 3 &lt; day 30 &amp; that is ok</p>", render("day 3 < day 30 & that is ok"));
        }

        @Test
        void emptyAndNullGiveEmptyHtml() {
            assertEquals("", renderer.toSafeHtml(null));
            assertEquals("", renderer.toSafeHtml("   \n "));
        }

        @Test
        void everythingAllowedAtOnceIsStillSafe() {
            assertSafe(renderer.toSafeHtml("# t\n\n*e* **s** `c`\n\n- a\n1. b\n\n> q\n\n```\nx\n```\n\n---\n\n"
                    + "[l](https://example.org) <https://example.org> [m](mailto:a@b.org)"));
        }

        @Test
        void isSafeToShareBetweenThreads() {
            List<String> inputs = IntStream.range(0, 200)
                    .mapToObj(i -> "**post " + i + "** [l](https://example.org/" + i + ") <script>x</script>")
                    .collect(Collectors.toList());
            List<String> sequential = inputs.stream().map(renderer::toSafeHtml).collect(Collectors.toList());
            List<String> parallel = inputs.parallelStream().map(renderer::toSafeHtml).collect(Collectors.toList());
            assertEquals(sequential, parallel);
        }
    }

    @Nested
    class Excerpts {

        @Test
        void markupIsRemovedAndWhitespaceCollapsed() {
            assertEquals("Day one Tonight is hard. call someone go to bed early quoted",
                    renderer.excerpt("# Day one\n\nTonight is *hard*.\n\n- call   someone\n- go to bed early\n\n"
                            + "> quoted", 200));
        }

        @Test
        void linkTextImageAltAndCodeAreKeptButNotAddresses() {
            assertEquals("see the meeting list and a map and HALT",
                    renderer.excerpt("see [the meeting list](https://example.org) and ![a map](x.png) and `HALT`",
                            200));
        }

        @Test
        void rawHtmlStaysAsTheTextTheMemberTyped() {
            assertEquals("hello <b>there</b>", renderer.excerpt("hello <b>there</b>", 200));
        }

        @Test
        void longTextIsCutOnAWordBoundaryWithAnEllipsis() {
            String excerpt = renderer.excerpt("One day at a time, one hour at a time if that is what it takes.", 30);
            assertEquals("One day at a time, one hour…", excerpt);
            assertTrue(excerpt.length() <= 30);
        }

        @Test
        void cutDropsTrailingPunctuationBeforeTheEllipsis() {
            assertEquals("One day at a time…", renderer.excerpt("One day at a time, one hour at a time", 20));
        }

        @Test
        void textThatFitsIsNotCut() {
            assertEquals("Ninety days today.", renderer.excerpt("Ninety days *today*.", 18));
        }

        @Test
        void aSingleLongWordIsCutHard() {
            assertEquals("abcdefghi…", renderer.excerpt("abcdefghijklmnopqrstuvwxyz", 10));
        }

        @Test
        void aLongWordNearTheStartIsCutHardRatherThanLeavingAlmostNothing() {
            assertEquals("see https://example.org/a-ver…",
                    renderer.excerpt("see https://example.org/a-very-long-address-indeed and more", 30));
        }

        @Test
        void keepsEmojiSequencesWhole() {
            assertEquals("family 👨‍👩‍👧", renderer.excerpt("family 👨‍👩‍👧", 50));
        }

        @Test
        void neverSplitsASurrogatePair() {
            String excerpt = renderer.excerpt("🌱🌱🌱🌱🌱🌱", 6);
            assertFalse(Character.isHighSurrogate(excerpt.charAt(excerpt.length() - 2)), excerpt);
            assertTrue(excerpt.length() <= 6);
        }

        @Test
        void controlCharactersAreRemoved() {
            assertEquals("ab cd", renderer.excerpt("a\u0007b c\u200Bd", 50));
        }

        @Test
        void emptyInputGivesAnEmptyExcerpt() {
            assertEquals("", renderer.excerpt(null, 10));
            assertEquals("", renderer.excerpt("  \n\n ", 10));
        }

        @Test
        void aLimitBelowOneIsAProgrammingError() {
            assertThrows(IllegalArgumentException.class, () -> renderer.excerpt("x", 0));
        }
    }

    /** Found by ContentRendererFuzzTest: commonmark's visitors and renderer recurse once per level of nesting. */
    @Nested
    class DeepNesting {

        private int count(String html, String tag) {
            return html.split(tag, -1).length - 1;
        }

        @Test
        void quotesDeeperThanTheLimitAreFlattenedAndTheirTextKept() {
            String html = render(">".repeat(19_990) + " still here");
            assertEquals(ContentRenderer.MAX_NESTING, count(html, "<blockquote>"));
            assertEquals(ContentRenderer.MAX_NESTING, count(html, "</blockquote>"));
            assertTrue(html.contains("still here"), html);
            assertSafe(html);
        }

        @Test
        void listsEmphasisAndLinksNestedDeepKeepTheirText() {
            assertTrue(render("- ".repeat(9_995) + "deep item").contains("deep item"));
            assertTrue(render("> - ".repeat(4_997) + "deep item").contains("deep item"));
            String emphasis = render("**a ".repeat(2_000) + "middle" + " a**".repeat(2_000));
            assertTrue(emphasis.contains("middle"));
            assertTrue(count(emphasis, "<strong>") <= ContentRenderer.MAX_NESTING, "strong nested past the limit");
        }

        @Test
        void nestingWithinTheLimitIsLeftAlone() {
            String html = render(">".repeat(ContentRenderer.MAX_NESTING) + " quoted");
            assertEquals(ContentRenderer.MAX_NESTING, count(html, "<blockquote>"));
            assertEquals("<blockquote>\n<p>a <em>b <strong>c</strong></em></p>\n</blockquote>", render("> a *b **c***"));
        }

        @Test
        void excerptsOfDeepPostsKeepTheirText() {
            // commonmark reads the '>' past its own limit of 100 quotes as text, which the excerpt keeps too
            assertTrue(renderer.excerpt(">".repeat(19_990) + " still here", 20_000).endsWith(" still here"));
            assertTrue(renderer.excerpt("> - ".repeat(4_997) + "deep item", 20_000).endsWith(" deep item"));
        }
    }
}
