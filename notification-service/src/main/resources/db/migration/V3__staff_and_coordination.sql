-- Staff (clerks and coordinators) as request-service reads them from Keycloak, from the compacted staff-events topic
-- (the latest record of each person): coordinators to write to, and each person's language.
CREATE TABLE staff_member (
    user_id     VARCHAR(254) PRIMARY KEY,
    username    VARCHAR(255),
    name        VARCHAR(200),
    email       VARCHAR(254),
    language    VARCHAR(16),
    agency_code VARCHAR(64),
    clerk       BOOLEAN      NOT NULL,
    coordinator BOOLEAN      NOT NULL,
    active      BOOLEAN      NOT NULL,
    updated_at  TIMESTAMPTZ  NOT NULL
);
CREATE INDEX staff_member_coordinators ON staff_member (user_id) WHERE coordinator AND active;

-- The assigned clerk's language, from RequestAssigned, for the clerk's later notices (due soon, missed, overdue).
ALTER TABLE tracked_request ADD COLUMN assignee_language VARCHAR(16);

-- A category's e-mails may go in the recipient's daily digest instead of one by one (coordinators' choice).
ALTER TABLE notification_preference ADD COLUMN daily_digest BOOLEAN NOT NULL DEFAULT FALSE;

-- A notice kept for its recipient's daily digest instead of an e-mail of its own (unique per event and recipient, so a
-- redelivered event keeps one); the digest that carried it is written in the same transaction as the digest's e-mail.
CREATE TABLE digest_entry (
    id                BIGSERIAL    PRIMARY KEY,
    event_id          UUID         NOT NULL,
    recipient_user_id VARCHAR(254) NOT NULL,
    recipient_email   VARCHAR(254) NOT NULL,
    recipient_name    VARCHAR(200),
    language          VARCHAR(2)   NOT NULL,
    kind              VARCHAR(32)  NOT NULL,
    request_id        UUID,
    tracking_number   VARCHAR(32),
    subject           VARCHAR(300) NOT NULL,
    created_at        TIMESTAMPTZ  NOT NULL,
    digested_in       BIGINT,
    CONSTRAINT digest_entry_once UNIQUE (event_id, recipient_user_id)
);
CREATE INDEX digest_entry_waiting ON digest_entry (recipient_user_id, id) WHERE digested_in IS NULL;
