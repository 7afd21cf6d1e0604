package org.haven.crisis;

import java.util.Set;

/**
 * A context modifier after NegEx/ConText: a hit of {@code category} within {@code scope} of a rule's words
 * lowers the rule's level, either to at most {@code cap} or by {@code lower} steps. It does not apply when a hit
 * of an {@code unless} category shares the scope (history does not soften "tonight"), and, when {@code rules}
 * is not empty, applies only to those rules. The {@code unless} categories are a set of category indexes as two
 * 64-bit words, as {@link Lexicon#categoriesOf} gives them.
 *
 * <p>Instead of a category, a modifier may name plain {@code words} (phrases, each as the keys of its normalised
 * words; {@code category} is then -1). The scan does not look for them: they are looked for in the scope only when
 * one of the modifier's rules has fired, so a word as common as "if" costs nothing on the posts where none does.
 * A match inside one of the {@code except} phrases does not count ("if" in "even if").
 *
 * <p>A modifier of {@link Scope#CLAUSE} scope may name {@code until} phrases that end its clause as "but" does: the
 * answer to a screening question ("I said no", "I lied") ends the question, and what follows is the writer's own
 * statement.
 */
record ContextModifier(String id, int category, long[][] words, long[][] except, long[][] until, Scope scope,
                       int window, CrisisLevel cap, int lower, long unlessMask, long unlessMaskHigh, Set<String> rules,
                       Phrases wordsByFirst, Phrases untilByFirst) {

    ContextModifier(String id, int category, long[][] words, long[][] except, long[][] until, Scope scope, int window,
                    CrisisLevel cap, int lower, long unlessMask, long unlessMaskHigh, Set<String> rules) {
        this(id, category, words, except, until, scope, window, cap, lower, unlessMask, unlessMaskHigh, rules,
                new Phrases(words == null ? new long[0][] : words), new Phrases(until));
    }

    /** Whether this modifier names plain words, looked for when its rules fire, rather than a category. */
    boolean byWords() {
        return words != null;
    }

    /** How far from a rule's words a modifier hit may be. */
    enum Scope {
        /** Up to {@code window} words before the rule's first word, in the same part of the sentence. */
        PRECEDING,
        /** The same part of the sentence (between commas, "but" and sentence ends). */
        SEGMENT,
        /**
         * The same sentence up to a segment-break word such as "but"; commas do not end it. For words that frame a
         * whole statement but not what follows a turn: in "the nurse asked if I was safe and I said yes, but I've
         * taken all my pills" the screening question frames its own clause, not the overdose.
         */
        CLAUSE,
        /** The same sentence. */
        SENTENCE,
        /**
         * The same sentence, or up to {@code window} words into the next one: "I'd rather die. jk" (a laugh or
         * "jk" often follows in a sentence of its own).
         */
        ADJACENT,
        /** Anywhere in the text. */
        TEXT
    }

    CrisisLevel apply(CrisisLevel level) {
        if (cap != null) {
            return level.compareTo(cap) > 0 ? cap : level;
        }
        return CrisisLevel.values()[Math.max(0, level.ordinal() - lower)];
    }

    boolean appliesTo(Rule rule) {
        return rules.isEmpty() || rules.contains(rule.id());
    }
}
