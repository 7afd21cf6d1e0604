package org.haven.content;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An independent check of sanitised output, written without the sanitizer so that it does not share its
 * blind spots. It reads the output as tags and text and fails on anything that could run script, load a
 * resource or change the page: a tag outside the allow-list, an attribute other than {@code href}, {@code rel}
 * or {@code start}, an address with a scheme other than http, https or mailto, a raw {@code <} or {@code >} in
 * the text, and (belt and braces) the usual dangerous names in any tag. Only tag and attribute names are searched:
 * text is inert once it holds no raw {@code <}, and a post may well say "srcdoc" or "style=" (a fuzzer wrote
 * both, see ContentRendererFuzzTest).
 */
final class SafeHtmlCheck {

    private static final Set<String> ALLOWED_TAGS = Set.of(
            "p", "br", "em", "strong", "ul", "ol", "li", "blockquote", "code", "pre", "hr",
            "h3", "h4", "h5", "h6", "a");
    private static final Set<String> ALLOWED_ATTRIBUTES = Set.of("href", "rel", "start");
    private static final Set<String> ALLOWED_SCHEMES = Set.of("http", "https", "mailto");

    private static final Pattern TAG = Pattern.compile("<(/?)([a-zA-Z][a-zA-Z0-9]*)((?:\\s+[a-z]+=\"[^\"<>]*\")*)\\s*(/?)>");
    private static final Pattern ATTRIBUTE = Pattern.compile("([a-z]+)=\"([^\"]*)\"");
    private static final Pattern EVENT_HANDLER = Pattern.compile("\\son\\w+\\s*=", Pattern.CASE_INSENSITIVE);
    private static final Pattern NUMERIC_ENTITY = Pattern.compile("&#(x?)([0-9a-fA-F]+);?");
    private static final String[] FORBIDDEN_IN_TAGS = {
        "<script", "<img", "<svg", "<iframe", "<style", "style=", "<math", "<object", "<embed", "<form",
        "<base", "<meta", "<link", "<details", "<input", "<button", "<!--", "class=", "target=", "srcdoc", "src="
    };

    private static final Pattern TEMPLATE_BREAK = Pattern.compile("([{}])<!-- -->");

    private SafeHtmlCheck() {
    }

    /** Fails the test unless {@code html} is free of executable or resource-loading markup. */
    static void assertSafe(String sanitised) {
        // the one comment the sanitizer writes: after a brace, so that no client-side template reads "{{" or "}}"
        // where text meets text (found by ContentRendererFuzzTest); it is empty, and any other comment still fails
        String html = TEMPLATE_BREAK.matcher(sanitised).replaceAll("$1");
        Matcher tag = TAG.matcher(html);
        StringBuilder textOnly = new StringBuilder();
        int last = 0;
        while (tag.find()) {
            textOnly.append(html, last, tag.start());
            last = tag.end();
            // names only: an attribute's value is an address or a number, checked below, and may hold any word
            String markup = ATTRIBUTE.matcher(tag.group()).replaceAll("$1=\"\"").toLowerCase(Locale.ROOT);
            for (String forbidden : FORBIDDEN_IN_TAGS) {
                assertFalse(markup.contains(forbidden), () -> "found " + forbidden + " in: " + html);
            }
            assertFalse(EVENT_HANDLER.matcher(markup).find(), () -> "found an event handler in: " + html);
            String name = tag.group(2).toLowerCase(Locale.ROOT);
            assertTrue(ALLOWED_TAGS.contains(name), () -> "tag <" + name + "> is not allowed in: " + html);
            Matcher attribute = ATTRIBUTE.matcher(tag.group(3));
            while (attribute.find()) {
                String attributeName = attribute.group(1);
                assertTrue(ALLOWED_ATTRIBUTES.contains(attributeName),
                        () -> "attribute " + attributeName + " is not allowed in: " + html);
                if (attributeName.equals("href")) {
                    assertAllowedAddress(attribute.group(2), html);
                }
            }
        }
        textOnly.append(html.substring(last));
        assertFalse(textOnly.toString().contains("<"), () -> "a raw < outside an allowed tag in: " + html);
        assertFalse(textOnly.toString().contains(">"), () -> "a raw > outside an allowed tag in: " + html);
    }

    private static void assertAllowedAddress(String rawHref, String html) {
        String href = decode(rawHref).replaceAll("[\\p{Cc}\\p{Z}\\s]", "").toLowerCase(Locale.ROOT);
        // a scheme is what comes before the first colon, unless a path, query or fragment starts first: a
        // relative address may well hold "file:" further on (a fuzzer wrote one), which no browser runs
        for (String scheme : new String[] {"javascript:", "data:", "vbscript:", "file:", "blob:"}) {
            assertFalse(href.startsWith(scheme), () -> "href with " + scheme + " in: " + html);
        }
        int colon = href.indexOf(':');
        int pathStart = indexOfAny(href, "/?#");
        if (colon >= 0 && (pathStart < 0 || colon < pathStart)) {
            String scheme = href.substring(0, colon);
            if (!ALLOWED_SCHEMES.contains(scheme)) {
                fail("href with scheme " + scheme + " in: " + html);
            }
        }
    }

    private static String decode(String attributeValue) {
        Matcher entity = NUMERIC_ENTITY.matcher(attributeValue);
        StringBuilder decoded = new StringBuilder();
        while (entity.find()) {
            int codePoint = Integer.parseInt(entity.group(2), entity.group(1).isEmpty() ? 10 : 16);
            entity.appendReplacement(decoded, Matcher.quoteReplacement(Character.toString(codePoint)));
        }
        entity.appendTail(decoded);
        return decoded.toString()
                .replace("&colon;", ":").replace("&tab;", "\t").replace("&newline;", "\n")
                .replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }

    private static int indexOfAny(String text, String characters) {
        for (int i = 0; i < text.length(); i++) {
            if (characters.indexOf(text.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }
}
