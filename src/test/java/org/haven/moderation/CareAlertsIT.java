package org.haven.moderation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.haven.testing.Api;
import org.haven.testing.HavenDeployment;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Moderators online hear of someone at risk as it happens (server-sent events), and only moderators do. */
@ExtendWith(ArquillianExtension.class)
class CareAlertsIT {

    private static final String TOPIC = "relapse-and-starting-again";
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Deployment(testable = false)
    static WebArchive deployment() {
        return HavenDeployment.war();
    }

    @ArquillianResource
    URL base;

    /** A moderator's open stream: its events, as (name, data) pairs, in the order they came. */
    private static final class EventStream implements AutoCloseable {
        final BlockingQueue<String[]> events = new LinkedBlockingQueue<>();
        final CompletableFuture<HttpResponse<Stream<String>>> response;
        /** Completes when the server ends the stream. */
        final CompletableFuture<Void> ended;

        EventStream(Api api, Api.Member moderator) {
            HttpRequest request = HttpRequest.newBuilder(api.uri("api/v1/moderation/stream"))
                    .header("Accept", "text/event-stream").header("Authorization", "Bearer " + moderator.token())
                    .GET().build();
            response = HttpClient.newHttpClient().sendAsync(request, HttpResponse.BodyHandlers.ofLines());
            ended = response.thenAcceptAsync(r -> {
                String[] event = {null, null};
                r.body().forEach(line -> {
                    if (line.startsWith("event:")) {
                        event[0] = line.substring(6).strip();
                    } else if (line.startsWith("data:")) {
                        event[1] = line.substring(5).strip();
                    } else if (line.isEmpty() && event[0] != null) {
                        events.add(event.clone());
                        event[0] = null;
                        event[1] = null;
                    }
                });
            });
        }

        /** The next event named {@code name}, skipping others; fails after {@link #PATIENCE}. */
        String[] next(String name) throws InterruptedException {
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (System.nanoTime() < deadline) {
                String[] event = events.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (event != null && name.equals(event[0])) {
                    return event;
                }
            }
            throw new AssertionError("no '" + name + "' event within " + PATIENCE);
        }

        @Override
        public void close() {
            response.thenAccept(r -> r.body().close());
            response.cancel(true);
        }
    }

    private static JsonObject data(String[] event) {
        return Json.createReader(new StringReader(event[1])).readObject();
    }

    private static long postOf(JsonObject thread) {
        return thread.getJsonObject("post").getJsonNumber("id").longValue();
    }

    @Test
    void aModeratorOnlineHearsOfSomeoneInDangerAndOfAMembersWorryButNotOfAPastAttempt() throws Exception {
        Api api = new Api(base);
        Api.Member moderator = api.newModerator("Listening");
        Api.Member writer = api.newMember("Alerting");
        try (EventStream stream = new EventStream(api, moderator)) {
            assertEquals(200, stream.response.get(PATIENCE.toSeconds(), TimeUnit.SECONDS).statusCode());
            stream.next("ready");

            // a past attempt is CONCERN: a care item, but no alert; the imminent post after it is the first alert
            long past = postOf(api.startThread(writer, TOPIC, "Looking back", "Three years ago I attempted suicide. "
                    + "Today I have 2 years sober and I'm doing well.", false));
            long danger = postOf(api.startThread(writer, TOPIC, "Tonight", "i took all my pills and i'm scared", false));
            List<Long> heard = new ArrayList<>();
            JsonObject alert;
            do {
                alert = data(stream.next("care"));
                heard.add(alert.getJsonNumber("postId").longValue());
            } while (alert.getJsonNumber("postId").longValue() != danger);
            assertFalse(heard.contains(past), "a past attempt is not an alert: " + heard);
            assertEquals("IMMINENT", alert.getString("level"));
            assertEquals("Imminent danger", alert.getString("label"));
            assertEquals("/posts/" + danger, alert.getString("postLink"));
            assertFalse(alert.toString().contains("pills") || alert.toString().contains("scared"),
                    "the post's words stay off the stream: " + alert);
            assertTrue(api.queueItem(moderator, "care", past) != null,
                    "the past attempt has its care item, just no alert");

            // a post the detector let pass, reported by a worried reader
            long quiet = postOf(api.startThread(writer, TOPIC, "Quiet", "Quiet week. Cleared out the shed.", false));
            Api.Member reader = api.newMember("WorriedListener");
            assertEquals(201, api.json("POST", "api/v1/posts/" + quiet + "/reports",
                    Api.object("reason", "at-risk", "note", null), reader).status());
            do {
                alert = data(stream.next("care"));
            } while (alert.getJsonNumber("postId").longValue() != quiet);
            assertEquals("A member is worried about this person", alert.getString("label"));
        }
    }

    @Test
    void aModeratorWhoConnectsJustAfterAPostIsToldOfItAndSoAreThoseAlreadyListening() throws Exception {
        Api api = new Api(base);
        Api.Member first = api.newModerator("ListeningFirst");
        Api.Member second = api.newModerator("ListeningSecond");
        Api.Member writer = api.newMember("BetweenTwo");
        try (EventStream early = new EventStream(api, first)) {
            early.next("ready");
            long danger = postOf(api.startThread(writer, TOPIC, "Now", "i took all my pills and i'm scared", false));
            // the second stream opens at once, most likely before the next look: its catch-up must not take the
            // alert from the stream that was already open
            try (EventStream late = new EventStream(api, second)) {
                awaitAlertAbout(late, danger); // the late stream's catch-up holds the post
                awaitAlertAbout(early, danger); // and the stream that was already open is told too
            }
        }
    }

    /** Reads care events until one about {@code postId}; fails if none comes within {@link #PATIENCE}. */
    private static void awaitAlertAbout(EventStream stream, long postId) throws InterruptedException {
        while (data(stream.next("care")).getJsonNumber("postId").longValue() != postId) {
            // an alert about another post: keep reading
        }
    }

    @Test
    void aStreamEndsOnceItsModeratorSignsOutAndHearsNothingMore() throws Exception {
        Api api = new Api(base);
        Api.Member moderator = api.newModerator("SigningOut");
        Api.Member writer = api.newMember("AfterSignOut");
        try (EventStream stream = new EventStream(api, moderator)) {
            stream.next("ready");
            assertEquals(204, api.send("DELETE", "api/v1/sessions/current", null, null, moderator.bearer()).status());

            long danger = postOf(api.startThread(writer, TOPIC, "Tonight", "i took all my pills and i'm scared", false));

            // the alert finds the stream's session gone: the server ends the stream instead of sending it
            stream.ended.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
            assertTrue(stream.events.stream().filter(e -> "care".equals(e[0]))
                    .noneMatch(e -> data(e).getJsonNumber("postId").longValue() == danger), "nothing after signing out");
        }
    }

    @Test
    void onlyModeratorsMayListen() throws Exception {
        Api api = new Api(base);
        Api.Member member = api.newMember("NotListening");
        HttpClient client = HttpClient.newHttpClient();
        HttpResponse<String> refused = client.send(HttpRequest.newBuilder(api.uri("api/v1/moderation/stream"))
                .header("Accept", "text/event-stream").header("Authorization", "Bearer " + member.token()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(403, refused.statusCode(), refused.body());
        HttpResponse<String> visitor = client.send(HttpRequest.newBuilder(api.uri("api/v1/moderation/stream"))
                .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, visitor.statusCode(), visitor.body());
        assertTrue(refused.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
    }
}
