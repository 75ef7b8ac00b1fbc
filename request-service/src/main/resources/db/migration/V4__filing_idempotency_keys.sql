-- The Idempotency-Key a resident's client sent with a filing (POST /requests): a repeat with the same key and the same
-- body answers with the request it filed instead of filing another. Keys belong to the caller (the token's subject):
-- the same key from someone else is unrelated. Written in the filing's own transaction, before the request row, so a
-- second attempt with the same key waits for the first to commit and then replays it. Kept for
-- request.idempotency.retention (24 h): an older row no longer counts and is purged.
CREATE TABLE filing_idempotency_key (
    requester_subject VARCHAR(255) NOT NULL,
    idempotency_key   VARCHAR(255) NOT NULL,
    body_sha256       CHAR(64)     NOT NULL,
    -- checked at commit: the key row is written before the request it names
    request_id        UUID         NOT NULL REFERENCES information_request (id) DEFERRABLE INITIALLY DEFERRED,
    created_at        TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (requester_subject, idempotency_key)
);
CREATE INDEX filing_idempotency_key_by_age ON filing_idempotency_key (created_at);
