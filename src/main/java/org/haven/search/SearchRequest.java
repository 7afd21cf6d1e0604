package org.haven.search;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.haven.web.ApiException;
import org.haven.web.Problem;

/**
 * A search as asked: the words, and optionally a topic, a first and last day (UTC, both included), newest first
 * instead of best first, and the page. Built by {@link #parse}, which answers bad parameters with a 400 that names
 * each one, so that the search itself only ever sees a valid request.
 */
public record SearchRequest(String text, String topic, LocalDate from, LocalDate to, boolean newestFirst, int page) {

    /** Longest query read, in characters: a question, not a post. */
    public static final int MAX_CHARS = 200;

    /** Deepest page: results past the thousandth are not ranked. */
    public static final int MAX_PAGE = PostIndex.MAX_RESULTS / SearchService.PAGE_SIZE;

    /**
     * Reads the query parameters as the API and the page receive them (absent ones are null).
     *
     * @throws ApiException 400 naming every parameter that is wrong
     */
    public static SearchRequest parse(String q, String topic, String from, String to, String sort, String page) {
        List<Problem.FieldError> errors = new java.util.ArrayList<>();
        String text = q == null ? "" : q.strip();
        if (text.isEmpty()) {
            errors.add(error("q", "Type a few words to search for."));
        } else if (text.length() > MAX_CHARS) {
            errors.add(error("q", "Keep the search under " + MAX_CHARS + " characters."));
        } else if (text.chars().anyMatch(c -> Character.isISOControl(c) && !Character.isWhitespace(c))) {
            errors.add(error("q", "The search holds characters that cannot be searched for."));
        }
        String topicSlug = blank(topic) ? null : topic.strip();
        if (topicSlug != null && !topicSlug.matches("[a-z0-9-]{1,60}")) {
            errors.add(error("topic", "There is no such topic."));
        }
        LocalDate first = date("from", from, errors);
        LocalDate last = date("to", to, errors);
        if (first != null && last != null && first.isAfter(last)) {
            errors.add(error("to", "The last day comes before the first."));
        }
        boolean newest = false;
        if (!blank(sort)) {
            switch (sort.strip()) {
                case "relevance" -> newest = false;
                case "newest" -> newest = true;
                default -> errors.add(error("sort", "Sort by relevance or newest."));
            }
        }
        int pageNumber = 1;
        if (!blank(page)) {
            try {
                pageNumber = Integer.parseInt(page.strip());
            } catch (NumberFormatException e) {
                pageNumber = 0;
            }
            if (pageNumber < 1 || pageNumber > MAX_PAGE) {
                errors.add(error("page", "The page is a whole number from 1 to " + MAX_PAGE + "."));
            }
        }
        if (!errors.isEmpty()) {
            throw new ApiException(400, "Invalid input", errors.get(0).message(), errors);
        }
        return new SearchRequest(text, topicSlug, first, last, newest, pageNumber);
    }

    private static LocalDate date(String name, String raw, List<Problem.FieldError> errors) {
        if (blank(raw)) {
            return null;
        }
        String message = "Give the day as YYYY-MM-DD, for example 2026-01-31.";
        try {
            LocalDate day = LocalDate.parse(raw.strip());
            if (day.getYear() >= 1970 && day.getYear() <= 9999) {
                return day;
            }
        } catch (DateTimeParseException e) {
            // answered below
        }
        errors.add(error(name, message));
        return null;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static Problem.FieldError error(String name, String message) {
        return new Problem.FieldError(name, "query", message);
    }

    /** The same search on another page. */
    SearchRequest onPage(int other) {
        return new SearchRequest(text, topic, from, to, newestFirst, other);
    }
}
