-- Requests for public information, as filed by residents.
CREATE TABLE information_request (
    id                  UUID         PRIMARY KEY,
    tracking_number     VARCHAR(32)  NOT NULL UNIQUE,
    status              VARCHAR(32)  NOT NULL,
    subject             VARCHAR(200) NOT NULL,
    description         TEXT         NOT NULL,
    agency_code         VARCHAR(32),
    language            VARCHAR(2)   NOT NULL,
    requester_subject   VARCHAR(255) NOT NULL,
    requester_name      VARCHAR(200),
    contact_email       VARCHAR(254) NOT NULL,
    filed_at            TIMESTAMPTZ  NOT NULL,
    due_on              DATE,
    due_at              TIMESTAMPTZ,
    deadline_updated_at TIMESTAMPTZ,
    version             BIGINT       NOT NULL DEFAULT 0
);
CREATE INDEX information_request_by_requester ON information_request (requester_subject, filed_at DESC);

-- Every transition of a request: who, in which role, what, when and why.
CREATE TABLE request_history (
    id          BIGSERIAL    PRIMARY KEY,
    request_id  UUID         NOT NULL REFERENCES information_request (id),
    action      VARCHAR(64)  NOT NULL,
    status      VARCHAR(32)  NOT NULL,
    actor       VARCHAR(255) NOT NULL,
    role        VARCHAR(32)  NOT NULL,
    reason      VARCHAR(2000),
    occurred_at TIMESTAMPTZ  NOT NULL
);
CREATE INDEX request_history_by_request ON request_history (request_id, id);

-- Tracking numbers are yearly: AIP-<year>-<6 digits>, handed out by one row per year.
CREATE TABLE tracking_sequence (
    year       INTEGER PRIMARY KEY,
    last_value INTEGER NOT NULL
);
