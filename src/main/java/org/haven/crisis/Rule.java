package org.haven.crisis;

/**
 * A lexicon rule: when a hit of every category in {@code all} and, if given, of at least one in {@code any} occur
 * within {@code window} words (inside one sentence unless {@code acrossSentences}), the text reaches
 * {@code level}, subject to the person check and the context modifiers. Either list may be empty, not both: a
 * standalone phrase rule is a rule with only {@code any}, where any one hit fires it.
 *
 * <p>The subject is judged at the rule's last word unless {@code subjectAtFirst}: a wish is about whoever wishes,
 * so "I keep hoping the doctor finds something that takes me out" is the writer's wish although the doctor is the
 * nearest person before "takes me out".
 *
 * <p>When {@code after} is given (phrases, each as the keys of its normalised words), the hit the rule starts from
 * (of its first {@code all} category, or of an {@code any} one) must come right after one of them: "going to" or
 * "i'm" before "end it" makes a decision of it, where "thinking about" or "tried to" does not. They are looked for
 * only where the rule's categories are present, so common words cost the scan nothing.
 */
record Rule(String id, CrisisLevel level, int[] all, int[] any, long[][] after, int window, Person person,
            boolean subjectAtFirst, boolean acrossSentences) {

    /** Whom the words must be about, judged by the nearest person word before them. */
    enum Person {
        /** The writer: a first-person word, or no person word at all ("took all of them"). */
        SELF,
        /** Someone else: a third-person or second-person word ("my brother isn't breathing"). */
        OTHER,
        /** Anyone: no check. */
        ANY
    }
}
