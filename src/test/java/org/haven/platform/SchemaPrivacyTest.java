package org.haven.platform;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Anonymity by construction: no migration may create a column that could hold an email, a real name, a
 * phone number, an IP address or a browser fingerprint, and secrets are stored only as hashes.
 */
class SchemaPrivacyTest {

    private static final Pattern COLUMN = Pattern.compile("^\\s+([a-z_]+)\\s+(BIGINT|VARCHAR|INTEGER|BOOLEAN|TIMESTAMP|DATE)",
            Pattern.MULTILINE);
    private static final Pattern ADDED = Pattern.compile("ADD COLUMN ([a-z_]+)", Pattern.CASE_INSENSITIVE);
    private static final List<String> FORBIDDEN = List.of("email", "mail", "ip", "addr", "address", "phone", "real_name",
            "first_name", "last_name", "full_name", "user_agent", "location", "geo", "device", "fingerprint");

    private static List<String> columns() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/db/migration"))) {
            return files.filter(f -> f.toString().endsWith(".sql")).flatMap(f -> {
                try {
                    String sql = Files.readString(f).replaceAll("--[^\\n]*", "");
                    Stream.Builder<String> names = Stream.builder();
                    Matcher m = COLUMN.matcher(sql);
                    while (m.find()) {
                        names.add(m.group(1).toLowerCase(Locale.ROOT));
                    }
                    Matcher a = ADDED.matcher(sql);
                    while (a.find()) {
                        names.add(a.group(1).toLowerCase(Locale.ROOT));
                    }
                    return names.build();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
        }
    }

    @Test
    void theMigrationsAreReadAndDeclareTheColumnsWeExpect() throws IOException {
        List<String> columns = columns();

        assertTrue(columns.contains("pseudonym"), columns.toString());
        assertTrue(columns.contains("passphrase_hash"));
        assertTrue(columns.contains("token_hash"));
        assertTrue(columns.contains("resource_banner"));
    }

    @Test
    void noColumnCouldHoldPersonalData() throws IOException {
        for (String column : columns()) {
            for (String word : FORBIDDEN) {
                assertFalse(List.of(column.split("_")).contains(word) || column.equals(word),
                        "column '" + column + "' looks like it could hold personal data (" + word + ")");
            }
        }
    }

    @Test
    void secretsAreOnlyStoredAsHashes() throws IOException {
        for (String column : columns()) {
            boolean secret = column.contains("passphrase") || column.contains("token") || column.contains("recovery");
            assertTrue(!secret || column.endsWith("_hash"), "column '" + column + "' must hold a hash");
        }
    }
}
