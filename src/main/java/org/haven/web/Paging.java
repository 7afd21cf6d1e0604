package org.haven.web;

import java.util.List;

/** Reads a {@code ?page=} parameter: 1 when absent, a 400 naming the parameter when out of bounds. */
public final class Paging {

    public static final int MAX_PAGE = 10_000;

    private Paging() {
    }

    public static int page(String raw) {
        if (raw == null || raw.isBlank()) {
            return 1;
        }
        try {
            int page = Integer.parseInt(raw.strip());
            if (page >= 1 && page <= MAX_PAGE) {
                return page;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        String message = "The page is a whole number from 1 to " + MAX_PAGE + ".";
        throw new ApiException(400, "Invalid input", message, List.of(new Problem.FieldError("page", "query", message)));
    }
}
