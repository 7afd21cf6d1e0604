package org.haven.moderation;

import jakarta.json.bind.annotation.JsonbTypeDeserializer;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.haven.web.StrictVersion;

/**
 * A moderator's decision on an item: the action ({@link Decision}'s slugs), why or what was done (optional, at most
 * 500 characters once cleaned) and the item's version as the moderator saw it.
 */
public record DecisionRequest(
        @NotBlank(message = "Choose an action: " + Decision.CHOICES + ".")
        @Size(max = 30, message = "Choose an action: " + Decision.CHOICES + ".")
        String action,
        @Size(max = 4 * AuditEntry.MAX_REASON, message = "A reason has at most 500 characters.")
        String reason,
        @NotNull(message = "Send the item's version as the lane showed it, so that two moderators never act twice.")
        @JsonbTypeDeserializer(StrictVersion.class) Long version) {
}
