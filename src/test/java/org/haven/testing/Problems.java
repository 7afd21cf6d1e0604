package org.haven.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;

/**
 * Assertions on Haven's error answers: RFC 9457 problem details on the API (with the offending field named),
 * friendly pages in the browser, and never an exception or stack trace in either.
 */
public final class Problems {

    public static final String PROBLEM_JSON = "application/problem+json";

    private Problems() {
    }

    /** The answer is a problem with this status, readable by a person; returns the problem. */
    public static JsonObject assertProblem(int status, Api.Answer answer) {
        assertEquals(status, answer.status(), answer::body);
        assertNotNull(answer.contentType(), "a problem has a content type");
        assertTrue(answer.contentType().startsWith(PROBLEM_JSON), () -> "content type " + answer.contentType() + ": " + answer.body());
        assertNoStackTrace(answer.body());
        JsonObject problem = answer.json();
        assertEquals(status, problem.getInt("status"), answer::body);
        assertFalse(problem.getString("title", "").isBlank(), answer::body);
        assertFalse(problem.getString("detail", "").isBlank(), answer::body);
        return problem;
    }

    /** The answer is a problem with this status that names {@code field} among its errors. */
    public static JsonObject assertProblemNaming(int status, String field, Api.Answer answer) {
        JsonObject problem = assertProblem(status, answer);
        assertTrue(fields(problem).contains(field), () -> "expected an error naming " + field + ": " + answer.body());
        return problem;
    }

    /** The fields named in {@code errors[].field}, empty when there are none. */
    public static List<String> fields(JsonObject problem) {
        if (!problem.containsKey("errors") || problem.get("errors").getValueType() != JsonValue.ValueType.ARRAY) {
            return List.of();
        }
        return problem.getJsonArray("errors").stream().map(JsonValue::asJsonObject).map(e -> e.getString("field")).toList();
    }

    /** The answer is an HTML page (not JSON) with this status. */
    public static void assertPage(int status, Api.Answer answer) {
        assertEquals(status, answer.status(), answer::body);
        assertNotNull(answer.contentType(), "a page has a content type");
        assertTrue(answer.contentType().startsWith("text/html"), () -> "content type " + answer.contentType());
        assertTrue(answer.body().startsWith("<!doctype html>"), answer::body);
        assertNoStackTrace(answer.body());
    }

    /** Nothing in a body that only a developer should see. */
    public static void assertNoStackTrace(String body) {
        for (String leak : new String[] {"Exception", "at org.", "at java.", "at jakarta.", "at com.ibm.", "Caused by"}) {
            assertFalse(body.contains(leak), () -> "found '" + leak + "' in: " + body);
        }
    }
}
