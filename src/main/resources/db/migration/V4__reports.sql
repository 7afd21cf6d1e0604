-- Members' reports of a post ("I'm worried this person may be at risk", harassment, drug sourcing, identifying
-- details, spam, other). A report joins the pending item of its post in its lane: worry goes to the care lane,
-- everything else to the review lane. Moderators see the reason, the note and the time, never who reported:
-- reporter_id is kept only so that one member's report counts once, and goes with the member. A report is
-- deleted with its item (the care retention period) or its post.
CREATE SEQUENCE post_report_seq START WITH 20 INCREMENT BY 20;
CREATE TABLE post_report (
    id           BIGINT       NOT NULL PRIMARY KEY,
    item_id      BIGINT       NOT NULL REFERENCES moderation_item (id) ON DELETE CASCADE,
    reporter_id  BIGINT       NOT NULL REFERENCES member (id) ON DELETE CASCADE,
    reason       VARCHAR(20)  NOT NULL,
    note         VARCHAR(500),
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT post_report_once UNIQUE (item_id, reporter_id)
);
CREATE INDEX post_report_reporter_idx ON post_report (reporter_id);

-- How many members reported the item's post in its lane: within a level, more reports sort first.
ALTER TABLE moderation_item ADD COLUMN reports INTEGER DEFAULT 0 NOT NULL;

-- When a waiting care item last rose to a more severe level (an edit from worry to danger): moderators online are
-- alerted to new and newly raised items alike, and every node finds both by time.
ALTER TABLE moderation_item ADD COLUMN raised_at TIMESTAMP WITH TIME ZONE;
CREATE INDEX moderation_raised_idx ON moderation_item (raised_at);
