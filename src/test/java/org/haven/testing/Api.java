package org.haven.testing;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/**
 * A small black-box client of Haven's HTTP API for integration tests: real HTTP to the server that
 * Arquillian started, JSON parsed with JSON-P.
 */
public final class Api {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final URI base;

    public Api(URL base) {
        String root = base.toString();
        this.base = URI.create(root.endsWith("/") ? root : root + "/");
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
    }

    public URI uri(String path) {
        return base.resolve(path.startsWith("/") ? path.substring(1) : path);
    }

    public Answer get(String path, Map<String, String> headers) {
        return send(builder(path, headers).GET());
    }

    public Answer get(String path) {
        return get(path, Map.of());
    }

    public Answer send(String method, String path, String contentType, String body, Map<String, String> headers) {
        HttpRequest.Builder b = builder(path, headers);
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        return send(b);
    }

    public Answer json(String method, String path, String json, String token) {
        return send(method, path, "application/json", json, token == null ? Map.of() : bearer(token));
    }

    public static Map<String, String> bearer(String token) {
        return Map.of("Authorization", "Bearer " + token);
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

    public static final String PASSPHRASE = "steady harbor lantern 42";

    /** Signs up a new member and returns its pseudonym. */
    public String signUp(String prefix) {
        String pseudonym = newPseudonym(prefix);
        Answer a = json("POST", "api/v1/members", "{\"pseudonym\":\"" + pseudonym + "\",\"passphrase\":\"" + PASSPHRASE + "\"}", null);
        if (a.status() != 201) {
            throw new AssertionError("sign-up failed: " + a.status() + " " + a.body());
        }
        return pseudonym;
    }

    /** Signs in and returns the session answer (token, csrfToken, pseudonym, role). */
    public JsonObject signIn(String pseudonym, String passphrase) {
        Answer a = json("POST", "api/v1/sessions", "{\"pseudonym\":\"" + pseudonym + "\",\"passphrase\":\"" + passphrase + "\"}", null);
        if (a.status() != 201) {
            throw new AssertionError("sign-in failed: " + a.status() + " " + a.body());
        }
        return a.json();
    }

    /** A new member, signed in: its bearer token. */
    public String newMemberToken(String prefix) {
        return signIn(signUp(prefix), PASSPHRASE).getString("token");
    }

    /** JSON string literal of a value. */
    public static String str(String value) {
        return Json.createValue(value).toString();
    }

    public static boolean isNull(JsonObject o, String key) {
        return !o.containsKey(key) || o.get(key).getValueType() == JsonValue.ValueType.NULL;
    }
}
