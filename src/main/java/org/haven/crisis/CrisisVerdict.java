package org.haven.crisis;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of inspecting one text: the level, the ids of the rules that produced it and the spans of the
 * original text that support it. {@code rules} is never empty when {@code level} is above {@link CrisisLevel#NONE}.
 *
 * @param level   the most severe level found in any clause
 * @param rules   ids of the rules that fired at {@code level}, in lexicon order; when the word model raised the
 *                verdict, {@code model-ideation} or {@code model-imminent} first and then the rules' own; when it
 *                doubted it, {@code model-doubt} first, then the rules it set aside and those that still hold
 * @param matches spans of the original text behind those rules (and the context modifiers that adjusted them),
 *                ordered by position
 */
public record CrisisVerdict(CrisisLevel level, List<String> rules, List<CrisisMatch> matches) {

    private static final CrisisVerdict NONE = new CrisisVerdict(CrisisLevel.NONE, List.of(), List.of());

    public CrisisVerdict {
        Objects.requireNonNull(level, "level");
        rules = List.copyOf(rules);
        matches = List.copyOf(matches);
        if (level != CrisisLevel.NONE && rules.isEmpty()) {
            throw new IllegalArgumentException("a verdict above NONE must name the rules behind it");
        }
    }

    /** The verdict for a text with nothing of concern. */
    public static CrisisVerdict none() {
        return NONE;
    }
}
