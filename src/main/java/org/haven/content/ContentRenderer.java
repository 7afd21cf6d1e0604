package org.haven.content;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Block;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.DefaultUrlSanitizer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Turns what a member wrote (Markdown) into HTML that is safe to put on a page, and into short plain-text
 * excerpts for listings and the moderation queue. This is the only class in Haven that renders user text.
 *
 * <p>Rendering is two independent layers, so that a mistake in one is caught by the other:
 * <ol>
 *   <li>commonmark-java with raw HTML escaped (a {@code <script>} a member types shows up as text), image
 *       syntax replaced by its alt text, headings shifted down two levels and only {@code http}, {@code https}
 *       and {@code mailto} link addresses kept;</li>
 *   <li>the OWASP Java HTML Sanitizer with the allow-list in {@link ContentPolicy}, which is what actually
 *       guarantees the output.</li>
 * </ol>
 *
 * <p>Stateless and thread-safe: the parser, renderer and policy are immutable once built. Constructible with
 * {@code new} in unit tests.
 */
@ApplicationScoped
public class ContentRenderer {

    private static final List<String> LINK_PROTOCOLS = List.of("http", "https", "mailto");
    private static final String ELLIPSIS = "…";
    private static final Pattern WHITESPACE = Pattern.compile("[\\s\\p{Z}]+");
    /** Invisible control and format characters, except whitespace and the joiner that builds emoji sequences. */
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}\\p{Cf}&&[^\\s\\u200D]]");
    private static final Pattern TRAILING_JOINERS = Pattern.compile("[\\s,;:\\-–—(\\[{]+$");

    private final Parser parser = Parser.builder().build();

    private final HtmlRenderer renderer = HtmlRenderer.builder()
            .escapeHtml(true)
            .sanitizeUrls(true)
            .urlSanitizer(new DefaultUrlSanitizer(LINK_PROTOCOLS))
            .nodeRendererFactory(AltTextImageRenderer::new)
            .build();

    /**
     * Renders a post body for display.
     *
     * @param markdown what the member wrote; {@code null} is treated as empty
     * @return sanitised HTML fragment, safe to write into a page unescaped; empty for empty input
     */
    public String toSafeHtml(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return "";
        }
        Node document = parse(markdown);
        document.accept(new HeadingShifter());
        return ContentPolicy.POLICY.sanitize(renderer.render(document));
    }

    /**
     * A plain-text summary of a post: Markdown and markup removed (the text of links, images' alt text and
     * code kept), whitespace collapsed, cut on a word boundary and ended with "…" when it is too long.
     *
     * <p>The result is <em>text</em>, not HTML: whoever puts it on a page must escape it as usual (a member who
     * typed {@code <b>} sees {@code <b>} in the excerpt, as in the post).
     *
     * @param markdown what the member wrote; {@code null} is treated as empty
     * @param maxChars the longest result allowed, in Java {@code char}s, including the ellipsis; at least 1
     * @return the excerpt, never longer than {@code maxChars}
     */
    public String excerpt(String markdown, int maxChars) {
        if (maxChars < 1) {
            throw new IllegalArgumentException("maxChars must be at least 1, was " + maxChars);
        }
        if (markdown == null || markdown.isBlank()) {
            return "";
        }
        PlainTextCollector collector = new PlainTextCollector();
        parse(markdown).accept(collector);
        String text = CONTROL.matcher(collector.text).replaceAll("");
        text = WHITESPACE.matcher(text).replaceAll(" ").strip();
        return truncate(text, maxChars);
    }

    /**
     * How deep quotes, lists, emphasis and links may nest: deeper than anyone quotes or lists, and far below what
     * the visitors, the renderer and the sanitizer can take. commonmark's visitors and renderer recurse once per
     * level: with commonmark 0.26, which nested without limit, a post of 5,000 {@code >} (well inside the length
     * limit) overflowed the stack (found by {@code ContentRendererFuzzTest}). 0.32 stops quotes at 100 and lists at
     * 50 and reads deeper markers as text, but not every mix of them, and the sanitizer keeps at most 256 open
     * elements: the cap here holds whatever the parser allows.
     */
    static final int MAX_NESTING = 32;

    private Node parse(String markdown) {
        Node document = parser.parse(markdown);
        flattenBelow(document, MAX_NESTING);
        return document;
    }

    /**
     * Unwraps every node nested deeper than {@code limit} that may nest (anything but a paragraph, a heading or a
     * leaf), keeping its content in its place: a quote inside the 33rd quote reads as text of the 32nd, emphasis
     * that deep as plain text, a link as its text. Iterative, so that it cannot overflow the stack itself.
     */
    static void flattenBelow(Node document, int limit) {
        record Nested(Node node, int depth) {
        }
        Deque<Nested> pending = new ArrayDeque<>();
        pending.push(new Nested(document, 0));
        while (!pending.isEmpty()) {
            Nested parent = pending.pop();
            int depth = parent.depth() + 1;
            Node child = parent.node().getFirstChild();
            while (child != null) {
                Node next = child.getNext();
                if (depth > limit && child.getFirstChild() != null && !(child instanceof Paragraph)
                        && !(child instanceof Heading)) {
                    Node first = child.getFirstChild();
                    for (Node moved = first; moved != null; ) {
                        Node after = moved.getNext();
                        child.insertBefore(moved);
                        moved = after;
                    }
                    child.unlink();
                    next = first; // what moved up is looked at again, at this depth
                } else {
                    pending.push(new Nested(child, depth));
                }
                child = next;
            }
        }
    }

    static String truncate(String text, int maxChars) {
        if (text.length() <= maxChars) {
            return text;
        }
        int limit = maxChars - ELLIPSIS.length();
        if (limit <= 0) {
            return ELLIPSIS;
        }
        int cut;
        if (Character.isWhitespace(text.charAt(limit))) {
            cut = limit;
        } else {
            int lastSpace = text.lastIndexOf(' ', limit);
            // A word boundary far back (say, before a long address) would throw away most of the room.
            cut = lastSpace > limit / 2 ? lastSpace : limit;
        }
        if (cut > 0 && Character.isHighSurrogate(text.charAt(cut - 1))) {
            cut--;
        }
        String head = TRAILING_JOINERS.matcher(text.substring(0, cut)).replaceAll("");
        return head + ELLIPSIS;
    }

    /**
     * Shifts Markdown headings down two levels ({@code #} is {@code h3}, {@code ####} and deeper are
     * {@code h6}) so a post never competes with the page's {@code h1} title and {@code h2} sections.
     */
    private static final class HeadingShifter extends AbstractVisitor {
        @Override
        public void visit(Heading heading) {
            heading.setLevel(Math.min(heading.getLevel() + 2, 6));
            visitChildren(heading);
        }
    }

    /**
     * Renders {@code ![alt](src)} as its alt text, escaped. Haven shows no member images: they could track
     * readers (every view would reach a third-party server) and could show triggering pictures without warning.
     */
    private static final class AltTextImageRenderer implements NodeRenderer {
        private final HtmlNodeRendererContext context;

        AltTextImageRenderer(HtmlNodeRendererContext context) {
            this.context = context;
        }

        @Override
        public Set<Class<? extends Node>> getNodeTypes() {
            return Set.of(Image.class);
        }

        @Override
        public void render(Node node) {
            PlainTextCollector alt = new PlainTextCollector();
            node.accept(alt);
            context.getWriter().text(WHITESPACE.matcher(alt.text).replaceAll(" ").strip());
        }
    }

    /** Collects the readable text of a Markdown tree, with a space between blocks and lines. */
    private static final class PlainTextCollector extends AbstractVisitor {
        private final StringBuilder text = new StringBuilder();

        @Override
        public void visit(Text node) {
            text.append(node.getLiteral());
        }

        @Override
        public void visit(Code node) {
            text.append(node.getLiteral());
        }

        @Override
        public void visit(FencedCodeBlock node) {
            separate();
            text.append(node.getLiteral());
            separate();
        }

        @Override
        public void visit(IndentedCodeBlock node) {
            separate();
            text.append(node.getLiteral());
            separate();
        }

        @Override
        public void visit(HtmlInline node) {
            text.append(node.getLiteral());
        }

        @Override
        public void visit(HtmlBlock node) {
            separate();
            text.append(node.getLiteral());
            separate();
        }

        @Override
        public void visit(SoftLineBreak node) {
            separate();
        }

        @Override
        public void visit(HardLineBreak node) {
            separate();
        }

        @Override
        protected void visitChildren(Node parent) {
            boolean block = parent instanceof Block;
            if (block) {
                separate();
            }
            super.visitChildren(parent);
            if (block) {
                separate();
            }
        }

        private void separate() {
            text.append(' ');
        }
    }
}
