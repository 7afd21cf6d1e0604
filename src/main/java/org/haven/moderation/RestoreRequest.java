package org.haven.moderation;

import jakarta.validation.constraints.Size;

/** A moderator shows a hidden post again, saying why (needed; at most 500 characters once cleaned). */
public record RestoreRequest(
        // the bound after cleaning is checked where the text is cleaned; this keeps a body of any size from being cleaned
        @Size(max = 2000, message = "A reason has at most 500 characters.") String reason) {
}
