package org.haven.crisis;

import java.io.InputStream;
import java.util.Objects;

/**
 * Holds the detector currently in use and replaces it when moderators edit the lexicon. A reload parses and
 * compiles the new lexicon completely before publishing it, so callers see either the old detector or the new
 * one, never a half-built one, and a bad file leaves the old detector in place.
 *
 * <p>Thread-safe: readers take the detector from a volatile field without locking; reloads are serialised so
 * two admins saving at once cannot interleave.
 */
public final class LexiconHolder {

    private volatile CrisisDetector current;
    /** The word model each new detector gets; it is trained data, not edited by moderators, so reloads keep it. */
    private final WordModel model;

    public LexiconHolder(Lexicon initial) {
        this(initial, CrisisDetector.shippedModel());
    }

    /** A holder whose detectors use {@code model} as their second opinion, or rules alone when it is null. */
    LexiconHolder(Lexicon initial, WordModel model) {
        this.model = model;
        current = new CrisisDetector(Objects.requireNonNull(initial, "initial"), model);
    }

    /** A holder starting with the lexicon shipped with Haven. */
    public static LexiconHolder withDefaultLexicon() {
        return new LexiconHolder(Lexicon.loadDefault());
    }

    /** The detector to use for the next text. Do not cache it across requests, or reloads will not be seen. */
    public CrisisDetector detector() {
        return current;
    }

    /** Shorthand for {@code detector().detect(text)}. */
    public CrisisVerdict detect(String text) {
        return current.detect(text);
    }

    /**
     * Parses {@code json} as a lexicon and, if it is valid, makes it the one in use.
     *
     * @return the detector now in use, so the caller reads its version and warnings from it and not from whatever a
     *         concurrent reload put in force a moment later
     * @throws LexiconException if the new lexicon is invalid; the previous one stays in use
     */
    public synchronized CrisisDetector reload(InputStream json) {
        CrisisDetector replacement = new CrisisDetector(Lexicon.parse(json), model);
        current = replacement;
        return replacement;
    }
}
