-- Crisis help and the moderators' care lane.

-- The hotline directory, seeded from crisis/hotlines.json and edited by administrators.
-- Unverified entries are kept but never shown until an administrator confirms them.
CREATE SEQUENCE hotline_seq START WITH 20 INCREMENT BY 20;
CREATE TABLE hotline (
    id            BIGINT       NOT NULL PRIMARY KEY,
    country       VARCHAR(4)   NOT NULL,
    name          VARCHAR(200) NOT NULL,
    kind          VARCHAR(40)  NOT NULL,
    call_number   VARCHAR(60),
    text_number   VARCHAR(100),
    url           VARCHAR(300),
    hours         VARCHAR(100),
    notes         VARCHAR(500),
    verified      BOOLEAN      NOT NULL,
    last_verified DATE,
    sort_order    INTEGER      NOT NULL,
    version       BIGINT       NOT NULL DEFAULT 0
);
CREATE INDEX hotline_country_idx ON hotline (country, sort_order);

-- One item of the moderation queue. The care lane holds people who may be at risk. Detection details
-- (level, rule ids, matched spans) live here and nowhere else, and go when the item goes (retention).
CREATE SEQUENCE moderation_item_seq START WITH 20 INCREMENT BY 20;
CREATE TABLE moderation_item (
    id            BIGINT        NOT NULL PRIMARY KEY,
    lane          VARCHAR(10)   NOT NULL,
    kind          VARCHAR(20)   NOT NULL,
    status        VARCHAR(20)   NOT NULL,
    priority      INTEGER       NOT NULL,
    crisis_level  VARCHAR(10),
    rules         VARCHAR(1000),
    spans         VARCHAR(4000),
    post_id       BIGINT        REFERENCES post (id) ON DELETE CASCADE,
    thread_id     BIGINT        REFERENCES discussion_thread (id) ON DELETE CASCADE,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    claimed_by    BIGINT        REFERENCES member (id) ON DELETE SET NULL,
    claimed_until TIMESTAMP WITH TIME ZONE,
    version       BIGINT        NOT NULL DEFAULT 0
);
CREATE INDEX moderation_queue_idx ON moderation_item (lane, status, priority, created_at);
CREATE INDEX moderation_post_idx ON moderation_item (post_id);
CREATE INDEX moderation_created_idx ON moderation_item (created_at);

-- Readers of a thread where someone wrote at IDEATION or above see a resource banner. A display
-- decision only: which post and why stays on the care item.
ALTER TABLE discussion_thread ADD COLUMN resource_banner BOOLEAN DEFAULT FALSE NOT NULL;
