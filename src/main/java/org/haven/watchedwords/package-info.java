/**
 * Watched words: words and phrases moderators keep a list of, each with what a post containing it does (is refused,
 * waits for a moderator's approval, is flagged for review, or has the word censored). Matching is by whole words,
 * Unicode-aware, with {@code *} wildcards. Crisis language wins over every list entry: a post a member writes in crisis
 * language is published (see {@code org.haven.discussion.DiscussionService}).
 */
package org.haven.watchedwords;
