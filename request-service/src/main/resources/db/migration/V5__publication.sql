-- The publication workflow: what a clerk approved for the public register, and the redacted copies of documents.

-- The requester may ask at filing that nothing of theirs is published beyond the statistics (request.publication.honour-consent).
ALTER TABLE information_request ADD COLUMN publication_consent BOOLEAN NOT NULL DEFAULT TRUE;

-- One publication per request: the texts as approved (each removed datum reads [dato personal]); republishing
-- replaces them, withdrawing keeps the row (and the reason in the request's history) and stops the register.
CREATE TABLE publication (
    request_id        UUID          PRIMARY KEY REFERENCES information_request (id),
    status            VARCHAR(16)   NOT NULL,
    subject           VARCHAR(400)  NOT NULL,
    question          TEXT          NOT NULL,
    answer            TEXT,
    embargo_until     DATE,
    published_at      TIMESTAMPTZ   NOT NULL,
    published_by      VARCHAR(255)  NOT NULL,
    withdrawn_at      TIMESTAMPTZ,
    withdrawn_by      VARCHAR(255),
    withdrawal_reason VARCHAR(2000),
    version           BIGINT        NOT NULL DEFAULT 0
);

-- Redacted copies of documents released to the public: rows of their own, never the original the requester received.
-- Only the copies of the current publication are served; a republication or a withdrawal retires them.
CREATE TABLE published_document (
    id                 UUID          PRIMARY KEY,
    request_id         UUID          NOT NULL REFERENCES information_request (id),
    source_document_id UUID          NOT NULL REFERENCES request_document (id),
    name               VARCHAR(255)  NOT NULL,
    media_type         VARCHAR(128)  NOT NULL,
    size               BIGINT        NOT NULL,
    sha256             VARCHAR(64)   NOT NULL,
    content            BYTEA         NOT NULL,
    redactions         INTEGER       NOT NULL,
    served             BOOLEAN       NOT NULL,
    created_at         TIMESTAMPTZ   NOT NULL
);
CREATE INDEX published_document_by_request ON published_document (request_id) WHERE served;
