package org.haven.moderation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A moderator's action on a post's writer: {@code warn}, {@code suspend} (for {@code days}, 1 to 365), {@code ban} or
 * {@code lift}, with the reason the writer reads (needed but for a lift; at most 500 characters once cleaned).
 */
public record SanctionRequest(
        @NotBlank(message = "Choose an action: " + WriterActions.CHOICES + ".")
        @Size(max = 30, message = "Choose an action: " + WriterActions.CHOICES + ".")
        String action,
        @Size(max = 4 * AuditEntry.MAX_REASON, message = "A reason has at most 500 characters.")
        String reason,
        // read as it was sent, so that "days": 2.9 or "seven" is a 400 naming days (JSON-B would round, or refuse
        // the whole body without saying which field)
        jakarta.json.JsonValue days) {
}
