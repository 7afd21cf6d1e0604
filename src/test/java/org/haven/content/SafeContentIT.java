package org.haven.content;

import static org.haven.testing.Problems.assertPage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.haven.testing.Api;
import org.haven.testing.HavenDeployment;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What members write comes back harmless wherever it is shown: in the API's {@code bodyHtml}, and on the
 * thread page the browser renders. Checked with {@link SafeHtmlCheck}, which knows nothing of the sanitizer.
 */
@ExtendWith(ArquillianExtension.class)
class SafeContentIT {

    private static final String TOPIC = "relapse-and-starting-again";
    private static final Pattern POST_BODY = Pattern.compile("<div class=\"post-body\">(.*?)</div>", Pattern.DOTALL);
    private static final Pattern TAG = Pattern.compile("<([a-zA-Z][a-zA-Z0-9-]*)([^>]*)>");
    private static final Pattern EVENT_HANDLER = Pattern.compile("\\son[a-z]+\\s*=");
    private static final Set<String> FORBIDDEN_TAGS = Set.of("img", "svg", "iframe", "frame", "object", "embed", "math",
            "details", "style", "base", "video", "audio", "source");
    private static final String OUR_SCRIPT = "<script src=\"/js/haven.js\" defer>";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return HavenDeployment.war();
    }

    @ArquillianResource
    URL base;

    Api api;

    /**
     * The member who writes the attacks: one for the class, because signing up and in costs two slow passphrase
     * hashes. Each test still starts its own thread.
     */
    static Api.Member writer;

    @BeforeEach
    void client() {
        api = new Api(base);
        if (writer == null) {
            writer = api.newMember("Mischief");
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "<img src=x onerror=alert(1)>",
        "<script>alert(1)</script>",
        "[x](javascript:alert(1))",
        "<svg onload=alert(1)>",
        "<a href=\"javascript:alert(1)\">x</a>",
        "[x](data:text/html;base64,PHNjcmlwdD4=)",
        "[x](JaVaScRiPt:alert(1))",
        "[x](jav&#x61;script:alert(1))",
        "<a href=\"jav&#x61;script:alert(1)\">x</a>",
        "<javascript:alert(1)>",
        "[x](vbscript:msgbox(1))",
        "![x](https://tracker.example/pixel.gif)",
        "<iframe src=\"https://evil.example\"></iframe>",
        "<p style=\"position:fixed\" onclick=\"alert(1)\">x</p>",
        "<details open ontoggle=alert(1)>",
        "<math><mtext></p><img src=x onerror=alert(1)></mtext></math>",
        "`<img src=x onerror=alert(1)>` and\n\n    <script>alert(1)</script>",
        "<<script>script>alert(1)<</script>/script>",
        "\"><script>alert(1)</script>"
    })
    void anAttackInAPostComesOutHarmlessInTheApiAndOnThePage(String attack) {
        String body = "Before the attack.\n\n" + attack + "\n\nAfter the attack.";

        JsonObject created = api.startThread(writer, TOPIC, "Trying something", body, false);
        long thread = created.getJsonNumber("id").longValue();
        JsonObject reply = api.reply(writer, thread, body, false);
        Api.Answer page = api.get("threads/" + thread);

        SafeHtmlCheck.assertSafe(created.getJsonObject("post").getString("bodyHtml"));
        SafeHtmlCheck.assertSafe(reply.getJsonObject("post").getString("bodyHtml"));
        for (JsonValue post : api.thread(thread, null).getJsonArray("posts")) {
            SafeHtmlCheck.assertSafe(post.asJsonObject().getString("bodyHtml"));
        }
        assertPage(200, page);
        List<String> shown = postBodies(page.body());
        assertEquals(2, shown.size(), page.body());
        shown.forEach(SafeHtmlCheck::assertSafe);
        assertTrue(shown.get(0).contains("After the attack."), "the text around an attack is kept: " + shown.get(0));
        assertNoExecutableMarkup(page.body());
    }

    /** Found by ContentRendererFuzzTest: 5,000 '>' overflowed the renderer's stack, and the post failed with a 500. */
    @Test
    void aPostNestedThousandsDeepIsPublishedWithItsTextAndTheThreadShows() {
        String body = ">".repeat(19_900) + " still here";

        JsonObject created = api.startThread(writer, TOPIC, "Deep quotes", body, false);
        long thread = created.getJsonNumber("id").longValue();
        Api.Answer page = api.get("threads/" + thread);

        String html = created.getJsonObject("post").getString("bodyHtml");
        SafeHtmlCheck.assertSafe(html);
        assertTrue(html.contains("still here"), html);
        assertPage(200, page);
        assertTrue(page.body().contains("still here"), "the thread page shows the post");
    }

    @Test
    void anEditCannotSmuggleInWhatAPostCannot() {
        JsonObject post = api.startThread(writer, TOPIC, "Harmless at first", "Nothing to see.", false).getJsonObject("post");

        Api.Answer edited = api.json("PUT", "api/v1/posts/" + post.getJsonNumber("id").longValue(),
                Api.object("body", "<img src=x onerror=alert(1)> [x](javascript:alert(1))",
                        "version", post.getJsonNumber("version").longValue()), writer);

        assertEquals(200, edited.status(), edited.body());
        SafeHtmlCheck.assertSafe(edited.json().getJsonObject("post").getString("bodyHtml"));
    }

    @Test
    void aTitleIsTextAndEveryPageEscapesIt() {
        String title = "<script>alert('title')</script> & <img src=x onerror=alert(2)> \"quoted\"";

        JsonObject created = api.startThread(writer, TOPIC, title, "The title is the attack.", false);
        long thread = created.getJsonNumber("id").longValue();

        assertEquals(title, created.getString("title"), "the API keeps the title as text; whoever shows it escapes it");
        for (String path : new String[] {"threads/" + thread, "topics/" + TOPIC, "/"}) {
            Api.Answer page = api.get(path);
            assertPage(200, page);
            assertTrue(page.body().contains("&lt;script&gt;alert('title')&lt;/script&gt; &amp; &lt;img src=x onerror=alert(2)&gt;"),
                    () -> path + " does not show the title escaped: " + page.body());
            assertFalse(page.body().toLowerCase(Locale.ROOT).contains("<img"), () -> path + ": " + page.body());
            assertFalse(page.body().contains("onerror=alert(2)>"), () -> path + ": " + page.body());
            assertNoExecutableMarkup(page.body());
        }
        String threadPage = api.get("threads/" + thread).body();
        assertTrue(threadPage.contains("<title>&lt;script&gt;"), threadPage);
    }

    private static List<String> postBodies(String page) {
        List<String> bodies = new ArrayList<>();
        Matcher m = POST_BODY.matcher(page);
        while (m.find()) {
            bodies.add(m.group(1));
        }
        return bodies;
    }

    /**
     * Every real tag on the page is one Haven's templates may write: the only script is Haven's own file, and
     * no tag loads a resource, carries an event handler or a style, or points at a script address. Escaped
     * text ({@code &lt;img onerror=...&gt;}) is not a tag and may say what it likes.
     */
    private static void assertNoExecutableMarkup(String page) {
        Matcher tag = TAG.matcher(page);
        while (tag.find()) {
            String name = tag.group(1).toLowerCase(Locale.ROOT);
            String attributes = tag.group(2).toLowerCase(Locale.ROOT);
            assertFalse(FORBIDDEN_TAGS.contains(name), () -> "a <" + name + "> tag on the page: " + page);
            if (name.equals("script")) {
                assertEquals(OUR_SCRIPT, tag.group(), page);
            }
            assertFalse(EVENT_HANDLER.matcher(attributes).find(), () -> "an event handler in " + tag.group() + ": " + page);
            assertFalse(attributes.contains("style="), () -> "a style attribute in " + tag.group());
            for (String scheme : new String[] {"javascript:", "data:", "vbscript:"}) {
                assertFalse(attributes.contains(scheme), () -> "a " + scheme + " address in " + tag.group());
            }
        }
    }
}
