-- Calendars: what the holiday rules (jollyday rule file) do not know. Entries by hand, each with
-- its legal instrument. Rows of a kind that closes offices make their days non-business days.
CREATE TABLE calendar_entry (
    id          BIGSERIAL    PRIMARY KEY,
    calendar    VARCHAR(64)  NOT NULL,
    kind        VARCHAR(32)  NOT NULL,
    starts_on   DATE         NOT NULL,
    ends_on     DATE         NOT NULL,
    instrument  VARCHAR(200) NOT NULL,
    description VARCHAR(500),
    created_by  VARCHAR(128) NOT NULL,
    created_at  TIMESTAMPTZ  NOT NULL DEFAULT now(),
    CONSTRAINT calendar_entry_range CHECK (ends_on >= starts_on),
    CONSTRAINT calendar_entry_kind CHECK (kind IN ('HOLIDAY', 'NON_WORKING_DAY', 'ADMINISTRATIVE_CLOSURE', 'DEADLINE_SUSPENSION'))
);
CREATE INDEX calendar_entry_by_calendar ON calendar_entry (calendar, starts_on);

-- One legal clock per request.
CREATE TABLE legal_clock (
    request_id      UUID         PRIMARY KEY,
    tracking_number VARCHAR(32)  NOT NULL,
    jurisdiction    VARCHAR(64)  NOT NULL,
    filed_at        TIMESTAMPTZ  NOT NULL,
    received_on     DATE         NOT NULL,
    due_on          DATE         NOT NULL,
    due_at          TIMESTAMPTZ  NOT NULL,
    status          VARCHAR(16)  NOT NULL,
    created_at      TIMESTAMPTZ  NOT NULL
);
-- The sweep for approaching and missed deadlines reads open clocks by due date.
CREATE INDEX legal_clock_open_by_due ON legal_clock (due_at) WHERE status = 'RUNNING';

-- How each due date came about: the first schedule and every change after it.
CREATE TABLE due_date_change (
    id          BIGSERIAL    PRIMARY KEY,
    request_id  UUID         NOT NULL REFERENCES legal_clock (request_id),
    old_due_on  DATE,
    new_due_on  DATE         NOT NULL,
    cause       VARCHAR(200) NOT NULL,
    changed_at  TIMESTAMPTZ  NOT NULL
);
CREATE INDEX due_date_change_by_request ON due_date_change (request_id, id);
