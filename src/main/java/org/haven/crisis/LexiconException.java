package org.haven.crisis;

/**
 * A crisis lexicon could not be read or is invalid. The message names what is wrong in terms a moderator
 * editing the data file understands (which rule, category or term, and why).
 */
public class LexiconException extends RuntimeException {

    public LexiconException(String message) {
        super(message);
    }

    public LexiconException(String message, Throwable cause) {
        super(message, cause);
    }
}
