-- Haven core schema. The same migration runs on H2 (embedded default) and PostgreSQL (production):
-- keep to the SQL both understand (sequences, VARCHAR, TIMESTAMP WITH TIME ZONE, BOOLEAN).
-- Privacy: no email, no real name, no IP address anywhere. A member is a pseudonym and two hashes.

-- EclipseLink reads a block of 20 ids per call and wants the first value to be at least 20.
CREATE SEQUENCE topic_seq START WITH 20 INCREMENT BY 20;
CREATE SEQUENCE member_seq START WITH 20 INCREMENT BY 20;
CREATE SEQUENCE session_seq START WITH 20 INCREMENT BY 20;
CREATE SEQUENCE thread_seq START WITH 20 INCREMENT BY 20;
CREATE SEQUENCE post_seq START WITH 20 INCREMENT BY 20;

CREATE TABLE topic (
    id           BIGINT       NOT NULL PRIMARY KEY,
    slug         VARCHAR(60)  NOT NULL,
    name         VARCHAR(100) NOT NULL,
    description  VARCHAR(300) NOT NULL,
    sort_order   INTEGER      NOT NULL,
    thread_count INTEGER      NOT NULL DEFAULT 0,
    version      BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT topic_slug_unique UNIQUE (slug)
);

CREATE TABLE member (
    id                 BIGINT       NOT NULL PRIMARY KEY,
    pseudonym          VARCHAR(30)  NOT NULL,
    -- lower-cased pseudonym: uniqueness ignores case
    pseudonym_key      VARCHAR(30)  NOT NULL,
    passphrase_hash    VARCHAR(200) NOT NULL,
    recovery_code_hash VARCHAR(100) NOT NULL,
    role               VARCHAR(20)  NOT NULL,
    country            VARCHAR(2),
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    version            BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT member_pseudonym_unique UNIQUE (pseudonym_key)
);

-- A signed-in session. Only a SHA-256 of the bearer token is kept.
CREATE TABLE member_session (
    id          BIGINT      NOT NULL PRIMARY KEY,
    token_hash  VARCHAR(64) NOT NULL,
    member_id   BIGINT      NOT NULL REFERENCES member (id) ON DELETE CASCADE,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT session_token_unique UNIQUE (token_hash)
);
CREATE INDEX session_member_idx ON member_session (member_id);

CREATE TABLE discussion_thread (
    id               BIGINT       NOT NULL PRIMARY KEY,
    topic_id         BIGINT       NOT NULL REFERENCES topic (id),
    title            VARCHAR(200) NOT NULL,
    author_id        BIGINT       REFERENCES member (id) ON DELETE SET NULL,
    anonymous        BOOLEAN      NOT NULL,
    status           VARCHAR(20)  NOT NULL,
    reply_count      INTEGER      NOT NULL DEFAULT 0,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    last_activity_at TIMESTAMP WITH TIME ZONE NOT NULL,
    version          BIGINT       NOT NULL DEFAULT 0
);
CREATE INDEX thread_topic_activity_idx ON discussion_thread (topic_id, last_activity_at);
CREATE INDEX thread_activity_idx ON discussion_thread (last_activity_at);

CREATE TABLE post (
    id            BIGINT        NOT NULL PRIMARY KEY,
    thread_id     BIGINT        NOT NULL REFERENCES discussion_thread (id),
    author_id     BIGINT        REFERENCES member (id) ON DELETE SET NULL,
    anonymous     BOOLEAN       NOT NULL,
    opening       BOOLEAN       NOT NULL,
    body_markdown VARCHAR(20000) NOT NULL,
    -- rendered and sanitised once at write time; reads never render
    body_html     VARCHAR(200000) NOT NULL,
    status        VARCHAR(20)   NOT NULL,
    helpful_count INTEGER       NOT NULL DEFAULT 0,
    support_count INTEGER       NOT NULL DEFAULT 0,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    edited_at     TIMESTAMP WITH TIME ZONE,
    -- bumped from change_counter on every change; search nodes catch up with WHERE change_seq > :mark
    change_seq    BIGINT        NOT NULL,
    version       BIGINT        NOT NULL DEFAULT 0
);
CREATE INDEX post_thread_idx ON post (thread_id, created_at);
CREATE UNIQUE INDEX post_change_seq_idx ON post (change_seq);
CREATE INDEX post_author_idx ON post (author_id);

-- helpful marks and support, one of each kind per member and post
CREATE TABLE post_reaction (
    post_id   BIGINT      NOT NULL REFERENCES post (id) ON DELETE CASCADE,
    member_id BIGINT      NOT NULL REFERENCES member (id) ON DELETE CASCADE,
    kind      VARCHAR(10) NOT NULL,
    PRIMARY KEY (post_id, member_id, kind)
);

-- One row per monotonic counter. Incrementing it takes a row lock held to commit, so change
-- sequence numbers become visible in the order they were handed out (no gaps for a reader to skip).
CREATE TABLE change_counter (
    name  VARCHAR(30) NOT NULL PRIMARY KEY,
    current_value BIGINT     NOT NULL
);
INSERT INTO change_counter (name, current_value) VALUES ('post', 0);
