package org.haven.crisis;

/** Edits of the shipped lexicon's JSON that tests make, as a moderator might. */
final class LexiconEdits {

    private static final String ANCHOR = "\"tryna\": \"trying to\"";

    private LexiconEdits() {
    }

    /**
     * The lexicon {@code json} with one more slang entry: a change to how the normaliser spells words, which the
     * word model was not trained with.
     *
     * @throws IllegalStateException if the entry the edit is anchored on is gone from the lexicon
     */
    static String withSlangAdded(String json) {
        if (!json.contains(ANCHOR)) {
            throw new IllegalStateException("the slang entry " + ANCHOR + " that tests anchor their edit on is gone");
        }
        return json.replace(ANCHOR, ANCHOR + ", \"smth\": \"something\"");
    }
}
