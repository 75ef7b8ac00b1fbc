-- What notification-service knows of each request: who to write to and the legal dates. Filled by
-- RequestFiled and DeadlineScheduled in whichever order they arrive.
CREATE TABLE tracked_request (
    request_id        UUID         PRIMARY KEY,
    tracking_number   VARCHAR(32),
    subject           VARCHAR(200),
    language          VARCHAR(2),
    recipient_name    VARCHAR(200),
    recipient_email   VARCHAR(254),
    filed_at          TIMESTAMPTZ,
    due_on            DATE,
    due_at            TIMESTAMPTZ,
    response_days     INTEGER,
    zone              VARCHAR(64),
    deadline_event_id UUID
);

-- Every notification, stored (already rendered) before it is sent. The unique key makes a
-- redelivered event unable to create a second notification.
CREATE TABLE notification (
    id              BIGSERIAL    PRIMARY KEY,
    event_id        UUID         NOT NULL,
    recipient       VARCHAR(254) NOT NULL,
    channel         VARCHAR(16)  NOT NULL,
    request_id      UUID         NOT NULL,
    kind            VARCHAR(32)  NOT NULL,
    language        VARCHAR(2)   NOT NULL,
    subject         VARCHAR(300) NOT NULL,
    body            TEXT         NOT NULL,
    status          VARCHAR(16)  NOT NULL,
    attempts        INTEGER      NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ  NOT NULL,
    last_error      VARCHAR(1000),
    created_at      TIMESTAMPTZ  NOT NULL,
    sent_at         TIMESTAMPTZ,
    CONSTRAINT notification_once UNIQUE (event_id, recipient, channel)
);
CREATE INDEX notification_due ON notification (next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX notification_by_request ON notification (request_id);
