/**
 * Screening of members' posts as they are written: watched words (words and phrases moderators keep a list of, each
 * with what a post containing it does: refused, held for a moderator's approval, flagged for review, or the word
 * censored; matched by whole words, Unicode-aware, with {@code *} wildcards) and pre-moderation (a new member's first
 * posts held for approval, as many as an administrator sets). Crisis language wins over both: a post a member writes in
 * crisis language is published (see {@code org.haven.discussion.DiscussionService}).
 */
package org.haven.screening;
