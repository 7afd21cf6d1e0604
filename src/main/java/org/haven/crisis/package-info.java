/**
 * Crisis detection and help: decides whether a text shows someone in danger
 * ({@link org.haven.crisis.CrisisLevel}), explains why ({@link org.haven.crisis.CrisisVerdict}), and
 * builds the help a person sees (hotlines for their country).
 *
 * <p>The detector is plain Java (no CDI, JPA or container types, so it runs in unit tests and
 * benchmarks as in the server): normalisation of forum spelling (leetspeak, slang, emoji, spacing tricks)
 * with an offset map back to the original text, one Aho-Corasick scan over the normalised text, and the
 * co-occurrence and context rules. All vocabulary, rules and idiom exclusions live in the versioned data
 * file {@code crisis/lexicon.json}, which {@link org.haven.crisis.LexiconHolder} reloads without a restart.
 *
 * <p>Around it, the container side: {@link org.haven.crisis.CrisisService} (the one instance the
 * application uses), the hotline directory, the check endpoint and the help and administration pages.
 * Discussion and moderation depend on this package, never the other way round, and nothing here logs
 * the text it inspects.
 */
package org.haven.crisis;
