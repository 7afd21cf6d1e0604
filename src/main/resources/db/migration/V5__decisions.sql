-- Moderators act on items. A claim tells other moderators someone is on it (claimed_by, claimed_until: it lapses, so an
-- item is never stuck with a volunteer who went offline); a decision closes the item and says what was done.
ALTER TABLE moderation_item ADD COLUMN decision VARCHAR(20);
ALTER TABLE moderation_item ADD COLUMN decided_at TIMESTAMP WITH TIME ZONE;

-- Every moderator action, append-only: the application only ever inserts here. Who acted is the moderator's account;
-- if that account is deleted the row stays and shows "[deleted member]" (member data goes, the record of the act
-- stays). The target names the item and its post by id only, and the reason is what the moderator wrote, never the
-- post's words.
CREATE SEQUENCE moderation_audit_seq START WITH 20 INCREMENT BY 20;
CREATE TABLE moderation_audit (
    id            BIGINT       NOT NULL PRIMARY KEY,
    at            TIMESTAMP WITH TIME ZONE NOT NULL,
    moderator_id  BIGINT       REFERENCES member (id) ON DELETE SET NULL,
    action        VARCHAR(20)  NOT NULL,
    item_id       BIGINT       NOT NULL,
    lane          VARCHAR(10)  NOT NULL,
    post_id       BIGINT,
    reason        VARCHAR(500)
);
CREATE INDEX moderation_audit_at_idx ON moderation_audit (at, id);
CREATE INDEX moderation_audit_moderator_idx ON moderation_audit (moderator_id);
