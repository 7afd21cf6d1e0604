package org.haven.testing;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A small black-box client of Haven's HTTP API and pages for integration tests: real HTTP to the server
 * that Arquillian started, JSON parsed with JSON-P. Helpers that must succeed (sign-up, sign-in, starting a
 * thread) fail the test with the server's answer when they do not.
 */
public final class Api {

    /** The first administrator of the test server (liberty/config/profile-arquillian.xml). */
    public static final String ADMIN_PSEUDONYM = "ItAdministrator";
    public static final String ADMIN_PASSPHRASE = "integration tests only, never deployed";

    public static final String PASSPHRASE = "steady harbor lantern 42";

    private final HttpClient http;
    private final URI base;

    /** A client speaking HTTP/1.1, as most API clients and every reverse proxy towards Haven do. */
    public Api(URL base) {
        this(base, HttpClient.Version.HTTP_1_1);
    }

    /** A client preferring {@code version} (HTTP/2 over plain HTTP upgrades the connection with h2c). */
    public Api(URL base, HttpClient.Version version) {
        String root = base.toString();
        this.base = URI.create(root.endsWith("/") ? root : root + "/");
        this.http = HttpClient.newBuilder().version(version).connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** An answer: status, headers and body, with the body parsed as JSON on demand. */
    public record Answer(int status, java.net.http.HttpHeaders headers, String body) {
        public JsonObject json() {
            return Json.createReader(new StringReader(body)).readObject();
        }

        public JsonStructure jsonStructure() {
            return Json.createReader(new StringReader(body)).read();
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        public String contentType() {
            return header("Content-Type");
        }

        /** The whole {@code Set-Cookie} header that sets {@code name}, attributes included. */
        public Optional<String> setCookie(String name) {
            return headers.allValues("Set-Cookie").stream().filter(c -> c.startsWith(name + "=")).findFirst();
        }

        /** The value a {@code Set-Cookie} header gives {@code name}. */
        public String cookieValue(String name) {
            String header = setCookie(name).orElseThrow(() -> new AssertionError("no cookie " + name + " set: " + headers.map()));
            int end = header.indexOf(';');
            return header.substring(name.length() + 1, end < 0 ? header.length() : end).replace("\"", "");
        }

        /** The value of the hidden form field {@code name} on a page. */
        public String hiddenField(String name) {
            Matcher m = Pattern.compile("<input type=\"hidden\" name=\"" + Pattern.quote(name) + "\" value=\"([^\"]*)\"")
                    .matcher(body);
            if (!m.find()) {
                throw new AssertionError("no hidden field " + name + " in: " + body);
            }
            return m.group(1);
        }
    }

    /** A signed-in member: the pseudonym and what sign-in handed out. */
    public record Member(String pseudonym, String token, String csrfToken) {
        public Map<String, String> bearer() {
            return Api.bearer(token);
        }
    }

    public URI uri(String path) {
        return base.resolve(path.startsWith("/") ? path.substring(1) : path);
    }

    /** The host the tests reach the server on (what the server sees as the client address on one machine). */
    public String host() {
        return base.getHost();
    }

    public Answer get(String path, Map<String, String> headers) {
        return send(builder(path, headers).GET());
    }

    /**
     * A GET sent as raw bytes over a socket, for addresses {@link java.net.URI} refuses to build (a stray {@code %}):
     * what a careless client or a hand-typed address sends. Answers the status and body (headers left out).
     */
    public Answer rawGet(String pathAndQuery) {
        java.net.URI root = uri("");
        try (java.net.Socket socket = new java.net.Socket(root.getHost(), root.getPort())) {
            String request = "GET /" + pathAndQuery + " HTTP/1.1\r\nHost: " + root.getHost() + ":" + root.getPort()
                    + "\r\nConnection: close\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            String response = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            int status = Integer.parseInt(response.substring(9, 12));
            int bodyStart = response.indexOf("\r\n\r\n");
            return new Answer(status, java.net.http.HttpHeaders.of(Map.of(), (a, b) -> true),
                    bodyStart < 0 ? "" : response.substring(bodyStart + 4));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public Answer get(String path) {
        return get(path, Map.of());
    }

    /** GET as a member (bearer token), or anonymously when {@code member} is null. */
    public Answer get(String path, Member member) {
        return get(path, member == null ? Map.of() : member.bearer());
    }

    public Answer send(String method, String path, String contentType, String body, Map<String, String> headers) {
        return send(method, path, contentType,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8),
                headers);
    }

    /** Sends raw bytes as they are (for bodies that are not valid UTF-8). */
    public Answer sendBytes(String method, String path, String contentType, byte[] body, Map<String, String> headers) {
        return send(method, path, contentType, HttpRequest.BodyPublishers.ofByteArray(body), headers);
    }

    /** Sends a body without a Content-Length (chunked), as a client that streams would. */
    public Answer sendChunked(String method, String path, String contentType, byte[] body, Map<String, String> headers) {
        return send(method, path, contentType, HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)),
                headers);
    }

    private Answer send(String method, String path, String contentType, HttpRequest.BodyPublisher body,
            Map<String, String> headers) {
        HttpRequest.Builder b = builder(path, headers);
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        return send(b.method(method, body));
    }

    public Answer json(String method, String path, String json, String token) {
        return send(method, path, "application/json", json, token == null ? Map.of() : bearer(token));
    }

    /** A JSON request as a member (bearer token), or anonymously when {@code member} is null. */
    public Answer json(String method, String path, String json, Member member) {
        return json(method, path, json, member == null ? null : member.token());
    }

    /** A page form post: {@code fields} URL-encoded in order, with the given headers (cookies). */
    public Answer form(String path, Map<String, String> fields, Map<String, String> headers) {
        String body = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send("POST", path, "application/x-www-form-urlencoded", body, headers);
    }

    public static Map<String, String> bearer(String token) {
        return Map.of("Authorization", "Bearer " + token);
    }

    /** A {@code Cookie} header with one cookie. */
    public static Map<String, String> cookie(String name, String value) {
        return Map.of("Cookie", name + "=" + value);
    }

    /** Headers merged into one map (later ones win). */
    @SafeVarargs
    public static Map<String, String> headers(Map<String, String>... parts) {
        Map<String, String> all = new HashMap<>();
        for (Map<String, String> part : parts) {
            all.putAll(part);
        }
        return all;
    }

    private HttpRequest.Builder builder(String path, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(60));
        headers.forEach(b::header);
        return b;
    }

    private Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(r.statusCode(), r.headers(), r.body());
        } catch (Exception e) {
            throw new AssertionError("request failed: " + e, e);
        }
    }

    /** A unique, valid pseudonym for a test's own member. */
    public static String newPseudonym(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    /** Signs up a new member and returns its pseudonym. */
    public String signUp(String prefix) {
        String pseudonym = newPseudonym(prefix);
        Answer a = json("POST", "api/v1/members", object("pseudonym", pseudonym, "passphrase", PASSPHRASE), (String) null);
        if (a.status() != 201) {
            throw new AssertionError("sign-up failed: " + a.status() + " " + a.body());
        }
        return pseudonym;
    }

    /** Signs in and returns the session answer (token, csrfToken, pseudonym, role). */
    public JsonObject signIn(String pseudonym, String passphrase) {
        Answer a = json("POST", "api/v1/sessions", object("pseudonym", pseudonym, "passphrase", passphrase), (String) null);
        if (a.status() != 201) {
            throw new AssertionError("sign-in failed: " + a.status() + " " + a.body());
        }
        return a.json();
    }

    /** A new member, signed in: its bearer token. */
    public String newMemberToken(String prefix) {
        return newMember(prefix).token();
    }

    /** A new member, signed in. */
    public Member newMember(String prefix) {
        return signInAs(signUp(prefix), PASSPHRASE);
    }

    public Member signInAs(String pseudonym, String passphrase) {
        JsonObject session = signIn(pseudonym, passphrase);
        return new Member(session.getString("pseudonym"), session.getString("token"), session.getString("csrfToken"));
    }

    /** The test server's first administrator, signed in. */
    public Member administrator() {
        return signInAs(ADMIN_PSEUDONYM, ADMIN_PASSPHRASE);
    }

    /** The administrator gives {@code pseudonym} a role; fails unless that works. */
    public void changeRole(Member admin, String pseudonym, String role) {
        Answer a = json("PUT", "api/v1/admin/members/" + pseudonym + "/role", object("role", role), admin);
        if (a.status() != 200) {
            throw new AssertionError("role change failed: " + a.status() + " " + a.body());
        }
    }

    /** A new member whom the administrator made a moderator (the member's session sees the role at once). */
    public Member newModerator(String prefix) {
        Member moderator = newMember(prefix);
        changeRole(administrator(), moderator.pseudonym(), "moderator");
        return moderator;
    }

    /** Starts a thread; fails unless it is created. Answers {id, title, topic, post, crisis}. */
    public JsonObject startThread(Member author, String topic, String title, String body, boolean anonymous) {
        Answer a = json("POST", "api/v1/topics/" + topic + "/threads",
                object("title", title, "body", body, "anonymous", anonymous), author);
        if (a.status() != 201) {
            throw new AssertionError("starting a thread failed: " + a.status() + " " + a.body());
        }
        return a.json();
    }

    /** Replies to a thread; fails unless the reply is created. Answers {id, threadId, post, crisis}. */
    public JsonObject reply(Member author, long threadId, String body, boolean anonymous) {
        Answer a = json("POST", "api/v1/threads/" + threadId + "/posts", object("body", body, "anonymous", anonymous), author);
        if (a.status() != 201) {
            throw new AssertionError("reply failed: " + a.status() + " " + a.body());
        }
        return a.json();
    }

    /** A thread as {@code viewer} (or a visitor, when null) reads it; fails unless it answers 200. */
    public JsonObject thread(long id, Member viewer) {
        Answer a = get("api/v1/threads/" + id, viewer);
        if (a.status() != 200) {
            throw new AssertionError("reading thread " + id + " failed: " + a.status() + " " + a.body());
        }
        return a.json();
    }

    /** A JSON object from alternating names and values (String, Boolean, Number or null). */
    public static String object(Object... namesAndValues) {
        JsonObjectBuilder o = Json.createObjectBuilder();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            String name = (String) namesAndValues[i];
            Object value = namesAndValues[i + 1];
            if (value == null) {
                o.addNull(name);
            } else if (value instanceof String s) {
                o.add(name, s);
            } else if (value instanceof Boolean b) {
                o.add(name, b);
            } else if (value instanceof Integer n) {
                o.add(name, n);
            } else if (value instanceof Long n) {
                o.add(name, n);
            } else {
                throw new IllegalArgumentException("unsupported JSON value " + value);
            }
        }
        return o.build().toString();
    }

    /** JSON string literal of a value. */
    public static String str(String value) {
        return Json.createValue(value).toString();
    }

    public static boolean isNull(JsonObject o, String key) {
        return !o.containsKey(key) || o.get(key).getValueType() == JsonValue.ValueType.NULL;
    }

    /** The pending item of {@code postId} in {@code lane}, looked for on every page of the queue, or null. */
    public JsonObject queueItem(Member moderator, String lane, long postId) {
        for (int page = 1; page <= 100; page++) {
            Answer queue = get("api/v1/moderation/queue?lane=" + lane + "&page=" + page, moderator);
            if (queue.status() != 200) {
                throw new AssertionError("reading the " + lane + " lane failed: " + queue.status() + " " + queue.body());
            }
            List<JsonObject> items = queue.json().getJsonArray("items").getValuesAs(JsonObject.class);
            if (items.isEmpty()) {
                return null;
            }
            for (JsonObject item : items) {
                if (!isNull(item, "postId") && item.getJsonNumber("postId").longValue() == postId) {
                    return item;
                }
            }
        }
        return null;
    }
}
