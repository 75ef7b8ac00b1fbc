-- Shared by every service that uses org.acceso.eventing. Versions 0.x are reserved for this
-- library; a service's own migrations start at V1 in db/migration.

-- Transactional outbox: written in the same transaction as the state change it announces,
-- published to Kafka by OutboxRelay, then marked sent.
CREATE TABLE outbox_message (
    id           BIGSERIAL PRIMARY KEY,
    event_id     UUID         NOT NULL UNIQUE,
    topic        VARCHAR(128) NOT NULL,
    message_key  VARCHAR(128) NOT NULL,
    type         VARCHAR(64)  NOT NULL,
    payload      TEXT         NOT NULL,
    created_at   TIMESTAMPTZ  NOT NULL,
    sent_at      TIMESTAMPTZ,
    attempts     INTEGER      NOT NULL DEFAULT 0,
    last_error   VARCHAR(1000)
);
CREATE INDEX outbox_message_unsent ON outbox_message (id) WHERE sent_at IS NULL;

-- Idempotent consumers: one row per event a consumer has applied, written in the same
-- transaction as the effect.
CREATE TABLE processed_event (
    event_id     UUID         NOT NULL,
    consumer     VARCHAR(64)  NOT NULL,
    processed_at TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (event_id, consumer)
);
