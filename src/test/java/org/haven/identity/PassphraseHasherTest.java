package org.haven.identity;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PassphraseHasherTest {

    private final PassphraseHasher hasher = new PassphraseHasher();

    @Test
    void theRightPassphraseVerifiesAndAWrongOneDoesNot() {
        String stored = hasher.hash("four calm words here");

        assertTrue(hasher.verify("four calm words here", stored));
        assertFalse(hasher.verify("four calm words her", stored));
    }

    @Test
    void theStoredFormNamesTheAlgorithmAndTheOwaspIterationCountAndNeverThePassphrase() {
        String stored = hasher.hash("four calm words here");

        assertTrue(stored.startsWith("pbkdf2-sha256$600000$"), stored);
        assertFalse(stored.contains("calm"));
    }

    @Test
    void eachHashHasItsOwnSalt() {
        assertNotEquals(hasher.hash("same passphrase!"), hasher.hash("same passphrase!"));
    }

    @Test
    void aStoredValueOfAnotherFormatNeverVerifies() {
        assertFalse(hasher.verify("anything at all", "!demo-account-no-sign-in"));
    }
}
