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

-- Moderators act on a post's writer without learning who they are: a warning, a suspension for some days, or a ban (a
-- suspension without end). suspended_until is when the member may write again (null: never suspended or lifted;
-- 9999-12-31: banned). A suspended member still reads, reports, exports and deletes their account, and a post of theirs
-- in crisis language is still published: help comes before sanctions.
ALTER TABLE member ADD COLUMN suspended_until TIMESTAMP WITH TIME ZONE;

-- What moderators send a member: a warning, a suspension or ban and its end, a post hidden with the reason. The message
-- is the moderator's own words, never a post's; post_id says which post it was about. Deleted with the member.
-- unread_notices counts those the member has not opened yet, so that every page can say so without a query.
ALTER TABLE member ADD COLUMN unread_notices INTEGER DEFAULT 0 NOT NULL;
CREATE SEQUENCE member_notice_seq START WITH 20 INCREMENT BY 20;
CREATE TABLE member_notice (
    id          BIGINT       NOT NULL PRIMARY KEY,
    member_id   BIGINT       NOT NULL REFERENCES member (id) ON DELETE CASCADE,
    kind        VARCHAR(20)  NOT NULL,
    message     VARCHAR(500),
    post_id     BIGINT,
    ends_at     TIMESTAMP WITH TIME ZONE,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX member_notice_member_idx ON member_notice (member_id, created_at);

-- Settings moderators change while Haven runs, read by every node on every use: first_posts_held is pre-moderation, how
-- many of a member's posts must have been published before the next one goes up at once (each waits for a moderator's
-- approval until then); 0 turns it off.
CREATE TABLE site_setting (
    name    VARCHAR(60)  NOT NULL PRIMARY KEY,
    number  INTEGER      NOT NULL
);
INSERT INTO site_setting (name, number) VALUES ('first_posts_held', 0);
-- a row that changes to the watched words lock, so that they happen one at a time on every node
INSERT INTO site_setting (name, number) VALUES ('watched_words_lock', 0);
