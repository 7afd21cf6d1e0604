package org.haven.discussion;

import java.text.Normalizer;
import java.util.regex.Pattern;
import org.haven.web.ApiException;

/**
 * Cleans what members type before it is checked and stored: NFC, no control characters, titles on one
 * line. Length limits are checked again after cleaning, so what is stored always fits.
 */
final class TextInput {

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
        String clean = CONTROL.matcher(Normalizer.normalize(raw.replace("\r\n", "\n").replace('\r', '\n'),
                Normalizer.Form.NFC)).replaceAll("").strip();
        if (clean.isEmpty()) {
            throw ApiException.invalid("body", "Write something in the post.");
        }
        if (clean.length() > DiscussionRequests.MAX_BODY) {
            throw ApiException.invalid("body", "A post has at most 20,000 characters.");
        }
        return clean;
    }
}
