package org.haven.identity;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.haven.platform.Secrets;

/**
 * The rules of a pseudonym (3–30 characters: letters, digits, '_' and '-', starting with a letter or
 * digit; not one that impersonates the service or its staff) and friendly generated suggestions.
 */
public final class Pseudonyms {

    public static final String PATTERN = "^[A-Za-z0-9][A-Za-z0-9_-]{2,29}$";
    public static final String RULE = "Use 3 to 30 letters, digits, '_' or '-', starting with a letter or digit.";
    private static final Pattern VALID = Pattern.compile(PATTERN);
    private static final List<String> RESERVED_PREFIXES =
            List.of("admin", "moderator", "mod-", "mod_", "haven", "anonymous", "deleted", "system", "staff");

    private static final List<String> CALM = List.of("Quiet", "Steady", "Gentle", "Brave", "Hopeful", "Patient",
            "Kind", "Bright", "Calm", "Morning", "Still", "Open", "Warm", "Clear", "Rising", "Tender");
    private static final List<String> PLACES = List.of("Harbor", "River", "Meadow", "Lantern", "Cedar", "Tide",
            "Willow", "Summit", "Garden", "Compass", "Ember", "Path", "Shore", "Valley", "Beacon", "Sparrow");

    private Pseudonyms() {
    }

    /** The lower-cased form that uniqueness is checked on. */
    public static String key(String pseudonym) {
        return pseudonym.toLowerCase(Locale.ROOT);
    }

    public static boolean isWellFormed(String pseudonym) {
        return pseudonym != null && VALID.matcher(pseudonym).matches();
    }

    public static boolean isReserved(String pseudonym) {
        String key = key(pseudonym);
        return RESERVED_PREFIXES.stream().anyMatch(key::startsWith);
    }

    /** A suggestion such as "QuietHarbor482". */
    public static String suggest() {
        var random = Secrets.random();
        return CALM.get(random.nextInt(CALM.size())) + PLACES.get(random.nextInt(PLACES.size()))
                + (100 + random.nextInt(900));
    }
}
