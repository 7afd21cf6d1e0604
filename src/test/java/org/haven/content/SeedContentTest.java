package org.haven.content;

import static org.haven.content.SafeHtmlCheck.assertSafe;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import org.junit.jupiter.api.Test;

/**
 * The seed content shipped in {@code src/main/resources/seed/} is well-formed, within the forum's bounds, and
 * renders through {@link ContentRenderer} like any member's post.
 */
class SeedContentTest {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern PSEUDONYM = Pattern.compile("[A-Za-z0-9_-]{3,30}");
    /** Not the crisis detector: a blunt guard so the demo never lands in the moderators' care lane. */
    private static final Pattern CRISIS_WORDS = Pattern.compile(
            "\\b(suicid\\w*|kill\\w*|die|dying|dead|overdos\\w*|self-?harm|hurt (myself|me)|end it|wake up"
                    + "|pills?|goodbye|better off without|no reason to live|can'?t go on|unalive|kms)\\b",
            Pattern.CASE_INSENSITIVE);

    private final ContentRenderer renderer = new ContentRenderer();

    @Test
    void thereAreSixteenTopicsWithUniqueUrlSafeSlugsAndShortDescriptions() throws IOException {
        JsonArray topics = read("/seed/topics.json");
        assertEquals(16, topics.size());
        Set<String> slugs = new HashSet<>();
        for (JsonObject topic : topics.getValuesAs(JsonObject.class)) {
            String slug = topic.getString("slug");
            assertTrue(SLUG.matcher(slug).matches() && slug.length() <= 60, slug);
            assertTrue(slugs.add(slug), "duplicate slug " + slug);
            assertFalse(topic.getString("name").isBlank());
            String description = topic.getString("description");
            assertTrue(!description.isBlank() && description.length() <= 300, slug);
        }
    }

    @Test
    void demoThreadsAreInKnownTopicsWithTwoToFourReplies() throws IOException {
        Set<String> slugs = read("/seed/topics.json").getValuesAs(JsonObject.class).stream()
                .map(topic -> topic.getString("slug")).collect(Collectors.toSet());
        JsonArray threads = read("/seed/demo-threads.json");
        assertEquals(8, threads.size());
        Set<String> topicsUsed = new HashSet<>();
        for (JsonObject thread : threads.getValuesAs(JsonObject.class)) {
            assertTrue(slugs.contains(thread.getString("topic")), thread.getString("topic"));
            topicsUsed.add(thread.getString("topic"));
            assertTrue(thread.getString("title").length() <= 200);
            assertTrue(PSEUDONYM.matcher(thread.getString("author")).matches(), thread.getString("author"));
            List<JsonObject> replies = thread.getJsonArray("replies").getValuesAs(JsonObject.class);
            assertTrue(replies.size() >= 2 && replies.size() <= 4, thread.getString("title"));
            for (JsonObject reply : replies) {
                assertTrue(PSEUDONYM.matcher(reply.getString("author")).matches(), reply.getString("author"));
                assertNotNull(reply.get("helpful"));
                reply.getBoolean("helpful");
            }
        }
        assertEquals(8, topicsUsed.size(), "each demo thread is in a different topic");
    }

    @Test
    void demoTextRendersSafelyUsesSomeMarkdownAndAvoidsCrisisLanguage() throws IOException {
        List<String> texts = read("/seed/demo-threads.json").getValuesAs(JsonObject.class).stream()
                .flatMap(thread -> Stream.concat(
                        Stream.of(thread.getString("title"), thread.getString("body")),
                        thread.getJsonArray("replies").getValuesAs(JsonObject.class).stream()
                                .map(reply -> reply.getString("body"))))
                .collect(Collectors.toList());
        String allHtml = texts.stream().map(renderer::toSafeHtml).collect(Collectors.joining());
        assertSafe(allHtml);
        assertTrue(allHtml.contains("<ul>") && allHtml.contains("<ol>") && allHtml.contains("<em>")
                && allHtml.contains("<strong>") && allHtml.contains("<blockquote>"));
        for (String text : texts) {
            assertFalse(CRISIS_WORDS.matcher(text).find(), text);
        }
    }

    private static JsonArray read(String resource) throws IOException {
        try (InputStream in = SeedContentTest.class.getResourceAsStream(resource)) {
            assertNotNull(in, resource);
            try (JsonReader reader = Json.createReader(in)) {
                return reader.readArray();
            }
        }
    }
}
