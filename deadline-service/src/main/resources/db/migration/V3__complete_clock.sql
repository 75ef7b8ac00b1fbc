-- The complete legal clock (issue 7): policy profiles, pause/restart, extension, referral, answer, appeal window,
-- sweeps, recomputation after calendar changes, and what the compliance figures need, stored once per clock.

-- Calendars kept by people: WORKING_DAY reopens a day the rules close; every change is audited; a version per
-- jurisdiction tells every instance when to rebuild its cached calendar.
ALTER TABLE calendar_entry DROP CONSTRAINT calendar_entry_kind;
ALTER TABLE calendar_entry ADD CONSTRAINT calendar_entry_kind
    CHECK (kind IN ('HOLIDAY', 'NON_WORKING_DAY', 'ADMINISTRATIVE_CLOSURE', 'DEADLINE_SUSPENSION', 'WORKING_DAY'));
ALTER TABLE calendar_entry ADD COLUMN deleted_at TIMESTAMPTZ;
ALTER TABLE calendar_entry ADD COLUMN deleted_by VARCHAR(128);
DROP INDEX calendar_entry_by_calendar;
CREATE INDEX calendar_entry_live ON calendar_entry (calendar, starts_on) WHERE deleted_at IS NULL;

CREATE TABLE calendar_version (
    jurisdiction VARCHAR(64) PRIMARY KEY,
    version      BIGINT      NOT NULL
);
INSERT INTO calendar_version (jurisdiction, version)
    VALUES ('rosario', 1), ('ar', 1), ('caba', 1), ('cl', 1), ('mx', 1), ('uy', 1), ('uk', 1), ('us', 1), ('es', 1);

-- One row per change of a calendar (add, delete), kept for audit; it is also the recomputation job: open clocks
-- whose window touches [starts_on, ends_on] and that were computed before this version are recomputed.
CREATE TABLE calendar_change (
    id             BIGSERIAL    PRIMARY KEY,
    jurisdiction   VARCHAR(64)  NOT NULL,
    version        BIGINT       NOT NULL,
    action         VARCHAR(16)  NOT NULL CHECK (action IN ('ADDED', 'DELETED')),
    entry_id       BIGINT       NOT NULL REFERENCES calendar_entry (id),
    kind           VARCHAR(32)  NOT NULL,
    starts_on      DATE         NOT NULL,
    ends_on        DATE         NOT NULL,
    instrument     VARCHAR(200) NOT NULL,
    description    VARCHAR(500),
    changed_by     VARCHAR(128) NOT NULL,
    changed_at     TIMESTAMPTZ  NOT NULL,
    recomputed_at  TIMESTAMPTZ,
    clocks_moved   INTEGER      NOT NULL DEFAULT 0,
    UNIQUE (jurisdiction, version)
);
CREATE INDEX calendar_change_pending ON calendar_change (id) WHERE recomputed_at IS NULL;

-- The clock keeps the profile and zone it was started under, who filed it (who may read it) and the agency that
-- holds it (compliance is per agency).
ALTER TABLE legal_clock ADD COLUMN profile VARCHAR(64) NOT NULL DEFAULT 'ar-rosario';
ALTER TABLE legal_clock ADD COLUMN zone VARCHAR(64) NOT NULL DEFAULT 'America/Argentina/Cordoba';
ALTER TABLE legal_clock ADD COLUMN agency_code VARCHAR(64);
ALTER TABLE legal_clock ADD COLUMN requester_user_id VARCHAR(128);
ALTER TABLE legal_clock ADD COLUMN imported BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE legal_clock ADD COLUMN calendar_version BIGINT NOT NULL DEFAULT 0;
-- The current running segment: day 0, its counting days, and extensions added since it started.
ALTER TABLE legal_clock ADD COLUMN segment_start_on DATE;
ALTER TABLE legal_clock ADD COLUMN segment_days INTEGER;
ALTER TABLE legal_clock ADD COLUMN segment_unit VARCHAR(16) NOT NULL DEFAULT 'BUSINESS';
ALTER TABLE legal_clock ADD COLUMN segment_extensions INTEGER NOT NULL DEFAULT 0;
UPDATE legal_clock SET segment_start_on = received_on, segment_days = 15;
ALTER TABLE legal_clock ALTER COLUMN segment_start_on SET NOT NULL;
ALTER TABLE legal_clock ALTER COLUMN segment_days SET NOT NULL;
-- A pause keeps the counting days that were left.
ALTER TABLE legal_clock ADD COLUMN paused_on DATE;
ALTER TABLE legal_clock ADD COLUMN remaining_days INTEGER;
ALTER TABLE legal_clock ADD COLUMN elapsed_days INTEGER NOT NULL DEFAULT 0;
ALTER TABLE legal_clock ADD COLUMN paused_days INTEGER NOT NULL DEFAULT 0;
ALTER TABLE legal_clock ADD COLUMN extensions INTEGER NOT NULL DEFAULT 0;
ALTER TABLE legal_clock ADD COLUMN extensions_before_expiry INTEGER NOT NULL DEFAULT 0;
ALTER TABLE legal_clock ADD COLUMN due_before_extension TIMESTAMPTZ;
ALTER TABLE legal_clock ADD COLUMN referrals INTEGER NOT NULL DEFAULT 0;
ALTER TABLE legal_clock ADD COLUMN stop_cause VARCHAR(32);
ALTER TABLE legal_clock ADD COLUMN stopped_at TIMESTAMPTZ;
-- The answer, as compliance needs it: computed once when it arrives.
ALTER TABLE legal_clock ADD COLUMN answered_at TIMESTAMPTZ;
ALTER TABLE legal_clock ADD COLUMN outcome VARCHAR(32);
-- Exemption grounds cited, comma-separated codes.
ALTER TABLE legal_clock ADD COLUMN grounds VARCHAR(1000);
ALTER TABLE legal_clock ADD COLUMN answer_timing VARCHAR(16) CHECK (answer_timing IN ('INITIAL', 'EXTENDED', 'LATE'));
ALTER TABLE legal_clock ADD COLUMN business_days_to_answer INTEGER;
-- Sweep state: what was published, and when the next thing is due (one indexed column for every sweep).
ALTER TABLE legal_clock ADD COLUMN reminder_floor INTEGER;
ALTER TABLE legal_clock ADD COLUMN missed_at TIMESTAMPTZ;
ALTER TABLE legal_clock ADD COLUMN very_overdue_at TIMESTAMPTZ;
ALTER TABLE legal_clock ADD COLUMN next_action_at TIMESTAMPTZ;
-- The appeal window.
ALTER TABLE legal_clock ADD COLUMN appeal_status VARCHAR(16) CHECK (appeal_status IN ('RUNNING', 'STOPPED', 'CLOSED'));
ALTER TABLE legal_clock ADD COLUMN appeal_cause VARCHAR(32);
ALTER TABLE legal_clock ADD COLUMN appeal_opens_on DATE;
ALTER TABLE legal_clock ADD COLUMN appeal_day_zero DATE;
ALTER TABLE legal_clock ADD COLUMN appeal_due_on DATE;
ALTER TABLE legal_clock ADD COLUMN appeal_due_at TIMESTAMPTZ;
ALTER TABLE legal_clock ADD COLUMN appeal_filed_at TIMESTAMPTZ;
ALTER TABLE legal_clock ADD COLUMN appeal_resolved_at TIMESTAMPTZ;
ALTER TABLE legal_clock ADD COLUMN appeal_decision VARCHAR(32);
ALTER TABLE legal_clock ADD CONSTRAINT legal_clock_status CHECK (status IN ('RUNNING', 'PAUSED', 'STOPPED'));

DROP INDEX legal_clock_open_by_due;
-- Sweeps: the next due action of every clock, one partial index.
CREATE INDEX legal_clock_next_action ON legal_clock (next_action_at) WHERE next_action_at IS NOT NULL;
-- Recomputation: running clocks and running appeal windows by jurisdiction and due date.
CREATE INDEX legal_clock_running_by_due ON legal_clock (jurisdiction, due_on, request_id) WHERE status = 'RUNNING';
CREATE INDEX legal_clock_appeal_by_due ON legal_clock (jurisdiction, appeal_due_on, request_id) WHERE appeal_status = 'RUNNING';
-- Compliance: the cohort of a period is the requests received in it.
CREATE INDEX legal_clock_by_received ON legal_clock (received_on, agency_code);

-- The history explains each date: which clock, its status after the change, the instrument and the detail.
ALTER TABLE due_date_change ADD COLUMN clock VARCHAR(16) NOT NULL DEFAULT 'RESPONSE';
ALTER TABLE due_date_change ADD COLUMN status VARCHAR(16) NOT NULL DEFAULT 'RUNNING';
ALTER TABLE due_date_change ALTER COLUMN new_due_on DROP NOT NULL;
ALTER TABLE due_date_change ADD COLUMN instrument VARCHAR(200);
ALTER TABLE due_date_change ADD COLUMN detail VARCHAR(1000);

-- Events that arrive before the clock they apply to (out of order): kept, and applied when the clock starts.
CREATE TABLE pending_request_event (
    seq         BIGSERIAL    PRIMARY KEY,
    event_id    UUID         NOT NULL UNIQUE,
    request_id  UUID         NOT NULL,
    type        VARCHAR(64)  NOT NULL,
    envelope    TEXT         NOT NULL,
    received_at TIMESTAMPTZ  NOT NULL
);
CREATE INDEX pending_request_event_by_request ON pending_request_event (request_id, seq);
