-- Request limits (sign-up, failed sign-ins, posting), kept here so that every node counts against the same
-- window. A bucket is an HMAC of the scope and its key (a client address already reduced to an HMAC under a
-- daily key that never leaves a node's memory, a pseudonym, a member id): the table names no address,
-- pseudonym or member. A row is useless once it expires and is swept away.
CREATE TABLE rate_limit (
    bucket      VARCHAR(64) NOT NULL PRIMARY KEY,
    expires_at  BIGINT      NOT NULL,
    hits        INTEGER     NOT NULL
);
CREATE INDEX rate_limit_expiry_idx ON rate_limit (expires_at);
