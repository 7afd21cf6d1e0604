package org.haven.screening;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A watched word as a moderator adds or changes it: the word or phrase, and a {@link WatchAction}'s slug. */
public record WatchedWordRequest(
        @NotBlank(message = "Type a word or a phrase to watch.")
        // the canonical form has at most 60 characters; this only keeps an oversized body from being normalised
        @Size(max = 4 * WordList.MAX_PHRASE, message = "A watched word or phrase has at most " + WordList.MAX_PHRASE
                + " characters.")
        String phrase,
        @NotBlank(message = "Choose what the word does: " + WatchAction.CHOICES + ".")
        @Size(max = 20, message = "Choose what the word does: " + WatchAction.CHOICES + ".")
        String action) {
}
