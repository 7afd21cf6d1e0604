package org.haven.identity;

import org.haven.platform.Secrets;

/**
 * One-time recovery codes: 20 characters of Crockford base32 (100 bits), shown once at sign-up in
 * groups of four. Only the SHA-256 of the normalised code is stored; with that much entropy a slow hash
 * adds nothing.
 */
final class RecoveryCodes {

    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();

    private RecoveryCodes() {
    }

    static String generate() {
        var random = Secrets.random();
        StringBuilder code = new StringBuilder(24);
        for (int i = 0; i < 20; i++) {
            if (i > 0 && i % 4 == 0) {
                code.append('-');
            }
            code.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        return code.toString();
    }

    static String hash(String code) {
        return Secrets.sha256Hex(normalise(code));
    }

    /** Ignores case, spaces and dashes, and reads the letters people confuse (O, I, L) as digits. */
    static String normalise(String code) {
        return code.toUpperCase(java.util.Locale.ROOT).replaceAll("[\\s-]", "")
                .replace('O', '0').replace('I', '1').replace('L', '1');
    }
}
