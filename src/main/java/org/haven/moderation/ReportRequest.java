package org.haven.moderation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A member's report of a post: a reason ({@link ReportReason}'s slugs) and an optional note for moderators. */
public record ReportRequest(
        @NotBlank(message = "Choose a reason: " + ReportReason.CHOICES + ".")
        @Size(max = 30, message = "Choose a reason: " + ReportReason.CHOICES + ".")
        String reason,
        // at most 500 characters once cleaned (Reports): a browser counts a line break as one and sends two; this
        // only keeps a body of any size from being cleaned at all
        @Size(max = 4 * PostReport.MAX_NOTE, message = "A note has at most 500 characters.")
        String note) {
}
