-- Moderators act on items. A claim tells other moderators someone is on it (claimed_by, claimed_until: it lapses, so an
-- item is never stuck with a volunteer who went offline); a decision closes the item and says what was done.
ALTER TABLE moderation_item ADD COLUMN decision VARCHAR(20);
ALTER TABLE moderation_item ADD COLUMN decided_at TIMESTAMP WITH TIME ZONE;

-- A moderator hid a thread's opening post, and with it the title readers see (the title is kept for the writer's
-- export and for moderators).
ALTER TABLE discussion_thread ADD COLUMN opening_hidden BOOLEAN DEFAULT FALSE NOT NULL;

-- A moderator edited a post to take out identifying or method details; the note (shown under the post to everyone)
-- says so. What was taken out is not kept anywhere.
ALTER TABLE post ADD COLUMN moderator_note VARCHAR(500);
ALTER TABLE post ADD COLUMN moderated_at TIMESTAMP WITH TIME ZONE;

-- Every moderator action. Rows are never deleted; once its care item is gone (the care retention period) a care-lane row
-- loses its reason, post_id and thread_id (what a moderator wrote about a person at risk goes with the care item). Who acted is the moderator's account;
-- if that account is deleted the row stays and shows "[deleted member]" (member data goes, the record of the act
-- stays). The target names the item (with its lane and post) or the thread by id only, and the reason is what the
-- moderator wrote, never the post's words.
CREATE SEQUENCE moderation_audit_seq START WITH 20 INCREMENT BY 20;
CREATE TABLE moderation_audit (
    id            BIGINT       NOT NULL PRIMARY KEY,
    at            TIMESTAMP WITH TIME ZONE NOT NULL,
    moderator_id  BIGINT       REFERENCES member (id) ON DELETE SET NULL,
    action        VARCHAR(20)  NOT NULL,
    item_id       BIGINT,
    lane          VARCHAR(10),
    post_id       BIGINT,
    thread_id     BIGINT,
    reason        VARCHAR(500)
);
CREATE INDEX moderation_audit_at_idx ON moderation_audit (at, id);
CREATE INDEX moderation_audit_moderator_idx ON moderation_audit (moderator_id);
-- the dashboard looks up the first action on each recent item
CREATE INDEX moderation_audit_item_idx ON moderation_audit (item_id);
