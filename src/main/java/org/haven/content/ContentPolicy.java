package org.haven.content;

import java.util.regex.Pattern;

import org.owasp.html.ElementPolicy;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * The one allow-list that every piece of member-written HTML passes through before it reaches a page.
 *
 * <p>Anything not named here is dropped: no images, no styles or classes, no ids, no forms, no frames, no SVG or
 * MathML, no event handlers. Links keep only an {@code http}, {@code https} or {@code mailto} address and always
 * carry {@code rel="nofollow ugc noopener noreferrer"} (and never a {@code target}); a link whose address is
 * refused or empty loses its {@code <a>} and keeps its text. Relative addresses ({@code /threads/42},
 * {@code #top}) are allowed so members can link to other threads.
 *
 * <p>Only {@code h3} to {@code h6} survive: the page owns {@code h1} (the thread title) and {@code h2}
 * (sections), and a post must not break the heading outline that screen-reader users navigate by. The renderer
 * already shifts Markdown headings down two levels; here {@code h1} and {@code h2} become {@code h3} as a
 * safety net, which keeps the policy idempotent (sanitising its own output changes nothing).
 */
final class ContentPolicy {

    /** The rel values forced on every link: no SEO credit for spam, and no window.opener or Referer leak. */
    static final String LINK_REL = "nofollow ugc noopener noreferrer";

    /** Immutable and thread-safe, so one instance serves every request. */
    static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowElements("p", "br", "em", "strong", "ul", "ol", "li", "blockquote", "code", "pre", "hr",
                    "h3", "h4", "h5", "h6")
            .allowElements(renameTo("h3"), "h1", "h2")
            .allowElements("a")
            .allowUrlProtocols("http", "https", "mailto")
            .allowAttributes("href").matching(ContentPolicy::nonBlank).onElements("a")
            .allowAttributes("start").matching(Pattern.compile("[0-9]{1,6}")).onElements("ol")
            .requireRelsOnLinks(LINK_REL.split(" "))
            .toFactory();

    private ContentPolicy() {
    }

    /**
     * Refuses an empty address, which is what commonmark leaves when it removes a dangerous one: the link then
     * has no attributes left and the sanitizer keeps only its text.
     */
    private static String nonBlank(String element, String attribute, String value) {
        return value.isBlank() ? null : value;
    }

    private static ElementPolicy renameTo(String element) {
        return (name, attributes) -> element;
    }
}
