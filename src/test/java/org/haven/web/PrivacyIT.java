package org.haven.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.haven.testing.Api;
import org.haven.testing.HavenDeployment;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The privacy rules of DESIGN.md that can be seen from outside: the server's logs carry no post text, no
 * pseudonym tied to a request, no secret and no client address, whatever members do, right or wrong. The
 * test server runs on this machine, so its log directory is read directly.
 */
@ExtendWith(ArquillianExtension.class)
class PrivacyIT {

    private static final Path LOGS = Path.of("target/liberty/wlp/usr/servers",
            System.getProperty("it.server.name", "arquillianServer"), "logs");
    /** A documentation address (RFC 5737), sent as a proxy would forward a client's. */
    private static final String FORWARDED = "198.51.100.23";
    private static final Path MESSAGES = LOGS.resolve("messages.log");
    private static final String TOPIC = "family-and-friends";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return HavenDeployment.war();
    }

    @ArquillianResource
    URL base;

    Api api;

    @BeforeEach
    void client() {
        api = new Api(base);
    }

    @Test
    void whatMembersDoNeverReachesTheServerLogs() throws IOException {
        long logSizeBefore = Files.isRegularFile(MESSAGES) ? Files.size(MESSAGES) : 0;
        String marker = "PrivacyMarker" + UUID.randomUUID().toString().replace("-", "");
        String pseudonym = Api.newPseudonym("LogShy");
        String recoveryCode = api.json("POST", "api/v1/members",
                Api.object("pseudonym", pseudonym, "passphrase", Api.PASSPHRASE), (String) null).json().getString("recoveryCode");
        Api.Member member = api.signInAs(pseudonym, Api.PASSPHRASE);
        Api.Member friend = api.newMember("LogFriend");

        long thread = api.startThread(member, TOPIC, "Title " + marker, "My story " + marker, false).getJsonNumber("id").longValue();
        JsonObject reply = api.reply(member, thread, "Anonymously " + marker, true).getJsonObject("post");
        api.json("POST", "api/v1/posts/" + reply.getJsonNumber("id") + "/support", null, friend);
        api.json("PUT", "api/v1/posts/" + reply.getJsonNumber("id"),
                Api.object("body", "Edited " + marker, "version", reply.getJsonNumber("version").longValue()), member);
        api.json("POST", "api/v1/sessions", Api.object("pseudonym", pseudonym, "passphrase", "wrong " + marker), (String) null);
        api.json("POST", "api/v1/topics/" + TOPIC + "/threads", "{\"title\": \"" + marker + "\", \"body\": ", member);
        api.json("POST", "api/v1/topics/" + TOPIC + "/threads", Api.object("title", marker.repeat(10), "body", marker), member);
        api.json("POST", "api/v1/members", Api.object("pseudonym", marker + "; drop", "passphrase", Api.PASSPHRASE), (String) null);
        api.get("threads/" + thread + "?page=" + marker);
        api.get("no-such-page-" + marker);
        api.form("sign-in", Map.of("pseudonym", pseudonym, "passphrase", marker), Map.of());
        // behind a proxy the forwarded address is the client's (it keys the per-address limits): it must not be logged either
        api.send("POST", "api/v1/sessions", "application/json",
                Api.object("pseudonym", pseudonym, "passphrase", "wrong again " + marker), Map.of("X-Forwarded-For", FORWARDED));
        // a worried friend's report, and one with a reason that does not exist: the note and the reason stay out of logs
        assertEquals(201, api.json("POST", "api/v1/posts/" + reply.getJsonNumber("id") + "/reports",
                Api.object("reason", "at-risk", "note", "Worried " + marker), friend).status());
        assertEquals(400, api.json("POST", "api/v1/posts/" + reply.getJsonNumber("id") + "/reports",
                Api.object("reason", marker.substring(0, 25), "note", null), friend).status());
        api.get("api/v1/me/export", member);
        // searches, good and bad, in words the detector reads as someone in danger too
        // a watched word refuses a post: the refusal names the list's entry, never the words as written (Liberty
        // writes an incident file with the message of a refusal thrown inside a transaction)
        Api.Member moderator = api.newModerator("PrivacyModerator");
        String entry = "pm" + UUID.randomUUID().toString().replaceAll("[^a-z]", "");
        long watched = api.json("POST", "api/v1/moderation/watched-words", Api.object("phrase", entry + "*",
                "action", "block"), moderator).json().getJsonNumber("id").longValue();
        assertEquals(400, api.json("POST", "api/v1/threads/" + thread + "/posts", Api.object("body", "Call "
                + entry + marker), member).status());
        api.send("DELETE", "api/v1/moderation/watched-words/" + watched, null, null, moderator.bearer());
        assertEquals(200, api.get("api/v1/search?q=" + marker + "+pills+to+not+wake+up", member).status());
        assertEquals(400, api.get("api/v1/search?q=" + marker + "&from=" + marker).status());
        assertEquals(200, api.get("search?q=" + marker + "&sort=newest").status());
        assertEquals(400, api.rawGet("search?q=" + marker + "+100%").status(), "a broken escape is refused, not logged");
        api.json("DELETE", "api/v1/me", Api.object("passphrase", "not it " + marker, "posts", "erase"), member);
        api.send("DELETE", "api/v1/sessions/current", null, null, member.bearer());

        String everyLog = readAll(LOGS);
        String messages = Files.readString(MESSAGES, StandardCharsets.ISO_8859_1);
        String newMessages = messages.length() >= logSizeBefore ? messages.substring((int) logSizeBefore) : messages;

        assertFalse(everyLog.contains(marker), "member text in the server logs");
        assertFalse(everyLog.contains(pseudonym), "a pseudonym in the server logs");
        assertFalse(everyLog.contains(friend.pseudonym()), "a pseudonym in the server logs");
        assertFalse(everyLog.contains(member.token()), "a session token in the server logs");
        assertFalse(everyLog.contains(recoveryCode), "a recovery code in the server logs");
        assertFalse(everyLog.contains(Api.PASSPHRASE), "a passphrase in the server logs");
        assertFalse(everyLog.contains(FORWARDED), "a forwarded client address in the server logs");
        for (String address : List.of(api.host(), "127.0.0.1", "0:0:0:0:0:0:0:1")) {
            assertFalse(newMessages.contains(address), () -> "a client address (" + address + ") in messages.log: " + newMessages);
        }
    }

    private static String readAll(Path directory) throws IOException {
        List<String> contents = new ArrayList<>();
        try (Stream<Path> files = Files.walk(directory)) {
            files.filter(Files::isRegularFile).forEach(file -> {
                try {
                    contents.add(Files.readString(file, StandardCharsets.ISO_8859_1));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        return String.join("\n", contents);
    }
}
