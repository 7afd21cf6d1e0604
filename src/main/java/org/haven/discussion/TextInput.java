package org.haven.discussion;

import java.text.Normalizer;
import java.util.regex.Pattern;
import org.haven.web.ApiException;

/**
 * Cleans what members type before it is checked and stored: NFC, no control characters, titles on one
 * line. Length limits are checked again after cleaning, so what is stored always fits.
 */
public final class TextInput {

    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\n\\t]]|[\\u200B-\\u200F\\u202A-\\u202E\\u2066-\\u2069]");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private TextInput() {
    }

    static String title(String raw) {
        String clean = SPACES.matcher(CONTROL.matcher(Normalizer.normalize(raw, Normalizer.Form.NFC)).replaceAll(""))
                .replaceAll(" ").strip();
        if (clean.isEmpty()) {
            throw ApiException.invalid("title", "Give your thread a title.");
        }
        if (clean.length() > DiscussionRequests.MAX_TITLE) {
            throw ApiException.invalid("title", "A title has at most 200 characters.");
        }
        return clean;
    }

    static String body(String raw) {
        String clean = multiline(raw);
        if (clean.isEmpty()) {
            throw ApiException.invalid("body", "Write something in the post.");
        }
        if (clean.length() > DiscussionRequests.MAX_BODY) {
            throw ApiException.invalid("body", "A post has at most 20,000 characters.");
        }
        return clean;
    }

    /**
     * An optional short text (a report's note): cleaned like a body, null when nothing is left, refused past
     * {@code max} characters with {@code tooLong} on {@code field}.
     */
    public static String optional(String raw, String field, int max, String tooLong) {
        if (raw == null) {
            return null;
        }
        String clean = multiline(raw);
        if (clean.length() > max) {
            throw ApiException.invalid(field, tooLong);
        }
        return clean.isEmpty() ? null : clean;
    }

    /** The most a moderator's reason (kept in the audit log) may say. */
    public static final int MAX_REASON = 500;

    /** A moderator's reason for the audit log: {@link #optional} at {@link #MAX_REASON} characters. */
    public static String reason(String raw) {
        return optional(raw, "reason", MAX_REASON, "A reason has at most " + MAX_REASON + " characters.");
    }

    /** NFC, one kind of line break, no control or direction characters, no space around. */
    private static String multiline(String raw) {
        return CONTROL.matcher(Normalizer.normalize(raw.replace("\r\n", "\n").replace('\r', '\n'),
                Normalizer.Form.NFC)).replaceAll("").strip();
    }
}
