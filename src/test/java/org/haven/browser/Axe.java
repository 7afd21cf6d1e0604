package org.haven.browser;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The axe-core accessibility engine (npm package {@code axe-core}), read from the file named by the system
 * property {@code axe.script} (default {@code target/axe/axe.min.js}; the {@code browser} Maven profile fetches
 * it into {@code target/axe/package/axe.min.js}) and run in the page through WebDriver.
 */
final class Axe {

    static final Path SCRIPT = Path.of(System.getProperty("axe.script", "target/axe/axe.min.js"));

    /** The impacts that fail a page; "moderate" and "minor" are printed but do not fail. */
    static final Set<String> BLOCKING = Set.of("serious", "critical");

    /** WCAG 2.0/2.1/2.2 A and AA rules plus axe's best practices. */
    private static final String RUN = """
            var done = arguments[arguments.length - 1];
            axe.run(document, {
                runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']},
                resultTypes: ['violations']
            }).then(function (r) {
                done(JSON.stringify({version: axe.version, violations: r.violations.map(function (v) {
                    return {id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
                        nodes: v.nodes.map(function (n) {
                            return {target: n.target.join(' '), html: n.html, summary: n.failureSummary || ''};
                        })};
                })}));
            }).catch(function (e) { done(JSON.stringify({error: String(e)})); });
            """;

    private final String source;

    private Axe(String source) {
        this.source = source;
    }

    /** The engine, when its script is present. */
    static Optional<Axe> load() {
        if (!Files.isRegularFile(SCRIPT)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Axe(Files.readString(SCRIPT, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What axe found on one page. */
    record Report(String page, String version, List<Violation> violations) {

        List<Violation> blocking() {
            return violations.stream().filter(v -> BLOCKING.contains(v.impact())).toList();
        }

        String describe() {
            if (violations.isEmpty()) {
                return "axe-core " + version + " on " + page + ": no violations";
            }
            return "axe-core " + version + " on " + page + ": " + violations.size() + " violation(s)\n"
                    + violations.stream().map(Violation::describe).collect(Collectors.joining("\n"));
        }
    }

    record Violation(String id, String impact, String help, String helpUrl, List<String> nodes) {

        String describe() {
            return "  [" + impact + "] " + id + ": " + help + " (" + helpUrl + ")\n"
                    + nodes.stream().map(n -> "      " + n).collect(Collectors.joining("\n"));
        }
    }

    /** Injects axe into the page shown (if it is not there yet) and runs it. */
    Report check(Browser browser, String page) {
        if (!Boolean.TRUE.equals(browser.script("return typeof window.axe === 'object';"))) {
            browser.script(source);
        }
        String json = (String) browser.asyncScript(RUN);
        JsonObject result = Json.createReader(new StringReader(json)).readObject();
        if (result.containsKey("error")) {
            throw new AssertionError("axe-core failed on " + page + ": " + result.getString("error"));
        }
        JsonArray violations = result.getJsonArray("violations");
        List<Violation> list = violations.stream().map(JsonValue::asJsonObject).map(v -> new Violation(
                v.getString("id"), v.isNull("impact") ? "unknown" : v.getString("impact"), v.getString("help"),
                v.getString("helpUrl"),
                v.getJsonArray("nodes").stream().map(JsonValue::asJsonObject)
                        .map(n -> n.getString("target") + "  " + n.getString("html")
                                + (n.getString("summary").isEmpty() ? "" : "\n        " + n.getString("summary").replace("\n", "\n        ")))
                        .toList())).toList();
        return new Report(page, result.getString("version"), list);
    }
}
