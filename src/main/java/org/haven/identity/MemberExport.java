package org.haven.identity;

import jakarta.json.JsonObjectBuilder;

/**
 * A member asked for everything they wrote. Each feature that keeps something of theirs adds its own section
 * to {@code document} (discussions add their threads, posts and reactions), so the export grows with the product.
 */
public record MemberExport(long memberId, JsonObjectBuilder document) {
}
