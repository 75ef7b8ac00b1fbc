-- Every notice of the lifecycle, the in-app feed, preferences, the agency catalogue and daily digests.

-- The per-request read model grows: who filed it, who holds it, where its clocks stand.
ALTER TABLE tracked_request
    ADD COLUMN filed              BOOLEAN      NOT NULL DEFAULT FALSE,
    ADD COLUMN imported           BOOLEAN      NOT NULL DEFAULT FALSE,
    ADD COLUMN requester_user_id  VARCHAR(254),
    ADD COLUMN agency_code        VARCHAR(64),
    ADD COLUMN assignee_user_id   VARCHAR(254),
    ADD COLUMN assignee_name      VARCHAR(200),
    ADD COLUMN assignee_email     VARCHAR(254),
    ADD COLUMN state              VARCHAR(16)  NOT NULL DEFAULT 'OPEN',
    ADD COLUMN clock_status       VARCHAR(16),
    ADD COLUMN day_unit           VARCHAR(16),
    ADD COLUMN appeal_due_on      DATE,
    ADD COLUMN appeal_due_at      TIMESTAMPTZ;
UPDATE tracked_request SET filed = TRUE WHERE recipient_email IS NOT NULL;
ALTER TABLE tracked_request DROP COLUMN deadline_event_id;
CREATE INDEX tracked_request_by_agency ON tracked_request (agency_code, due_on) WHERE state IN ('OPEN', 'OVERDUE');

-- The agency catalogue, from the compacted agency-events topic (the latest record of each agency).
CREATE TABLE agency (
    code          VARCHAR(64)  PRIMARY KEY,
    name          VARCHAR(200) NOT NULL,
    contact_email VARCHAR(254),
    backup_email  VARCHAR(254),
    active        BOOLEAN      NOT NULL,
    updated_at    TIMESTAMPTZ  NOT NULL
);

-- A deadline event that completes a notice begun by a request event (the due date of a receipt, the new
-- date of an extension, the appeal deadline of a denial). Claimed by the request event it completes.
CREATE TABLE companion_event (
    event_id    UUID        PRIMARY KEY,
    seq         BIGSERIAL   NOT NULL,
    request_id  UUID        NOT NULL,
    type        VARCHAR(64) NOT NULL,
    envelope    TEXT        NOT NULL,
    received_at TIMESTAMPTZ NOT NULL,
    claimed_by  UUID
);
CREATE INDEX companion_event_by_request ON companion_event (request_id, type, seq);

-- Events whose notices wait: for their companion (later notices of the request queue behind it, so they
-- are issued in order), or for a fact not known yet (the request's requester, an agency's contact).
CREATE TABLE deferred_event (
    id             BIGSERIAL    PRIMARY KEY,
    event_id       UUID         NOT NULL UNIQUE,
    request_id     UUID         NOT NULL,
    envelope       TEXT         NOT NULL,
    waiting_for    VARCHAR(300) NOT NULL,
    waiting_agency VARCHAR(64),
    blocking       BOOLEAN      NOT NULL,
    created_at     TIMESTAMPTZ  NOT NULL
);
CREATE INDEX deferred_event_by_request ON deferred_event (request_id, id);
CREATE INDEX deferred_event_by_agency ON deferred_event (waiting_agency) WHERE waiting_agency IS NOT NULL;

-- Notices: the in-app channel, categories, HTML part, read marks; digests belong to no request.
ALTER TABLE notification
    ADD COLUMN category          VARCHAR(32)  NOT NULL DEFAULT 'REQUEST_UPDATES',
    ADD COLUMN legal             BOOLEAN      NOT NULL DEFAULT FALSE,
    ADD COLUMN recipient_user_id VARCHAR(254),
    ADD COLUMN tracking_number   VARCHAR(32),
    ADD COLUMN html_body         TEXT,
    ADD COLUMN read_at           TIMESTAMPTZ,
    ALTER COLUMN request_id DROP NOT NULL;
UPDATE notification SET legal = TRUE WHERE kind = 'RECEIPT';
UPDATE notification SET kind = 'receipt' WHERE kind = 'RECEIPT';
DROP INDEX notification_due;
CREATE INDEX notification_pending ON notification (id) WHERE status = 'PENDING' AND channel = 'EMAIL';
CREATE INDEX notification_pending_by_recipient ON notification (recipient, id) WHERE status = 'PENDING';
CREATE INDEX notification_feed ON notification (recipient_user_id, id) WHERE channel = 'IN_APP';
CREATE INDEX notification_log ON notification (created_at, id);

-- What each user wants besides the legally significant notices (which are always sent).
CREATE TABLE notification_preference (
    user_id    VARCHAR(254) NOT NULL,
    category   VARCHAR(32)  NOT NULL,
    email      BOOLEAN      NOT NULL,
    in_app     BOOLEAN      NOT NULL,
    updated_at TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (user_id, category)
);

-- One row per digest and local day, written in the transaction that stores the digest's notices:
-- a second instance, or a restart, finds the row and sends nothing.
CREATE TABLE digest_run (
    digest VARCHAR(32) NOT NULL,
    day    DATE        NOT NULL,
    ran_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (digest, day)
);
