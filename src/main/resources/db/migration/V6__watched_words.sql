-- Watched words: entries moderators keep (a word or phrase, NFKC and lower case, with * wildcards) and what a post
-- containing one does: BLOCK (refused, nothing stored), HOLD (shown to its author and moderators only until a
-- moderator approves it), FLAG (published, with a review item), CENSOR (published with the word's letters replaced).
-- Who added or changed an entry is in the audit log.
CREATE SEQUENCE watched_word_seq START WITH 20 INCREMENT BY 20;
CREATE TABLE watched_word (
    id          BIGINT       NOT NULL PRIMARY KEY,
    phrase      VARCHAR(60)  NOT NULL,
    action      VARCHAR(10)  NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    version     BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT watched_word_phrase UNIQUE (phrase)
);

-- A post can now be HELD (post.status): written, but waiting for a moderator's approval. A thread whose opening post
-- is held is left out of the lists, the topic's count and search until it is approved, and takes no replies.
ALTER TABLE discussion_thread ADD COLUMN opening_held BOOLEAN DEFAULT FALSE NOT NULL;
