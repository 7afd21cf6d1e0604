package org.haven.identity;

import jakarta.enterprise.context.ApplicationScoped;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.haven.platform.Secrets;

/**
 * PBKDF2-HMAC-SHA256 at the OWASP Password Storage Cheat Sheet's 600,000 iterations, 16-byte salt.
 * The stored form carries its own parameters ({@code pbkdf2-sha256$iterations$salt$hash}) so the cost
 * can rise later without locking anyone out. Uses only the JDK.
 */
@ApplicationScoped
public class PassphraseHasher {

    static final int ITERATIONS = 600_000;
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;
    private static final String PREFIX = "pbkdf2-sha256";

    public String hash(String passphrase) {
        byte[] salt = new byte[SALT_BYTES];
        Secrets.random().nextBytes(salt);
        byte[] hash = derive(passphrase, salt, ITERATIONS);
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return PREFIX + "$" + ITERATIONS + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(hash);
    }

    public boolean verify(String passphrase, String stored) {
        String[] parts = stored.split("\\$");
        if (parts.length != 4 || !PREFIX.equals(parts[0])) {
            return false;
        }
        int iterations = Integer.parseInt(parts[1]);
        byte[] salt = Base64.getDecoder().decode(parts[2]);
        byte[] expected = Base64.getDecoder().decode(parts[3]);
        return MessageDigest.isEqual(expected, derive(passphrase, salt, iterations));
    }

    /** Spends the same time as a real check, so an unknown pseudonym cannot be told apart by timing. */
    public void burn(String passphrase) {
        derive(passphrase, new byte[SALT_BYTES], ITERATIONS);
    }

    private static byte[] derive(String passphrase, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(passphrase.toCharArray(), salt, iterations, HASH_BITS);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is part of every JDK", e);
        } finally {
            spec.clearPassword();
        }
    }
}
