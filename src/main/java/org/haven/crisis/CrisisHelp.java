package org.haven.crisis;

import java.util.List;

/**
 * What a person is shown when help is needed: calm, short, hopeful words and the lines to call or text,
 * in the order that fits the level (for IMMINENT the emergency number first). No method details, ever.
 */
public record CrisisHelp(CrisisLevel level, String headline, String message, String country,
        List<HotlineView> resources) {
}
