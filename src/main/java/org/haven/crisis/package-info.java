/**
 * Crisis detection for posts and search queries: decides whether a text shows someone in danger
 * ({@link org.haven.crisis.CrisisLevel}) and explains why ({@link org.haven.crisis.CrisisVerdict}).
 *
 * <p>The package owns the whole pipeline: normalisation of forum spelling (leetspeak, slang, emoji,
 * spacing tricks) with an offset map back to the original text, one Aho-Corasick scan over the normalised
 * text, and the co-occurrence and context rules. All vocabulary, rules and idiom exclusions live in the
 * versioned data file {@code crisis/lexicon.json}, which moderators may extend and which
 * {@link org.haven.crisis.LexiconHolder} reloads without a restart.
 *
 * <p>Plain Java only: no CDI, JPA or container types, so it runs in unit tests and benchmarks as it runs in
 * the server. It must not import other Haven features (the CDI wrapper, the help panel and the moderator queue
 * depend on this package, not the other way round), and it must never log the text it inspects.
 */
package org.haven.crisis;
