-- The whole request lifecycle: agencies, assignment, clarification, referral, extension, answer, appeal,
-- documents, the staff directory and full-text search.

-- Agencies that hold information and answer requests. Deactivated, never deleted: requests keep the code.
CREATE TABLE agency (
    code          VARCHAR(32)  PRIMARY KEY,
    name          VARCHAR(200) NOT NULL,
    contact_email VARCHAR(254) NOT NULL,
    backup_email  VARCHAR(254),
    active        BOOLEAN      NOT NULL DEFAULT TRUE,
    updated_at    TIMESTAMPTZ  NOT NULL,
    version       BIGINT       NOT NULL DEFAULT 0
);

-- Rosario's secretariats (Municipalidad de Rosario, 2023-2027 structure; names to verify against the current
-- organigrama, addresses are placeholders in example.org). The realm's demo clerks are in OBRAS and SALUD.
INSERT INTO agency (code, name, contact_email, backup_email, updated_at) VALUES
    ('GENERAL',           'Secretaría General',                             'general@rosario.example.org',        'general.mesa@rosario.example.org',        now()),
    ('GOBIERNO',          'Secretaría de Gobierno',                         'gobierno@rosario.example.org',       'gobierno.mesa@rosario.example.org',       now()),
    ('HACIENDA',          'Secretaría de Hacienda y Economía',              'hacienda@rosario.example.org',       'hacienda.mesa@rosario.example.org',       now()),
    ('OBRAS',             'Secretaría de Obras Públicas',                   'obras@rosario.example.org',          'obras.mesa@rosario.example.org',          now()),
    ('SALUD',             'Secretaría de Salud Pública',                    'salud@rosario.example.org',          'salud.mesa@rosario.example.org',          now()),
    ('DESARROLLO_HUMANO', 'Secretaría de Desarrollo Humano y Hábitat',      'desarrollohumano@rosario.example.org', 'desarrollohumano.mesa@rosario.example.org', now()),
    ('AMBIENTE',          'Secretaría de Ambiente y Espacio Público',       'ambiente@rosario.example.org',       'ambiente.mesa@rosario.example.org',       now()),
    ('MOVILIDAD',         'Secretaría de Movilidad',                        'movilidad@rosario.example.org',      'movilidad.mesa@rosario.example.org',      now()),
    ('CULTURA',           'Secretaría de Cultura y Educación',              'cultura@rosario.example.org',        'cultura.mesa@rosario.example.org',        now()),
    ('DESARROLLO_ECONOMICO', 'Secretaría de Desarrollo Económico y Empleo', 'economia@rosario.example.org',       'economia.mesa@rosario.example.org',       now()),
    ('PLANEAMIENTO',      'Secretaría de Planeamiento',                     'planeamiento@rosario.example.org',   'planeamiento.mesa@rosario.example.org',   now()),
    ('MODERNIZACION',     'Secretaría de Modernización y Cercanía',         'modernizacion@rosario.example.org',  'modernizacion.mesa@rosario.example.org',  now()),
    ('CONTROL',           'Secretaría de Control y Convivencia',            'control@rosario.example.org',        'control.mesa@rosario.example.org',        now()),
    ('GENERO',            'Secretaría de Género y Derechos Humanos',        'genero@rosario.example.org',         'genero.mesa@rosario.example.org',         now()),
    ('DEPORTE',           'Secretaría de Deporte y Turismo',                'deporte@rosario.example.org',        'deporte.mesa@rosario.example.org',        now());

-- Announce the seeded catalogue on agency-events (compacted, key = code) through the outbox, like any change.
INSERT INTO outbox_message (event_id, topic, message_key, type, payload, created_at)
SELECT a.event_id, 'agency-events', a.code, 'AgencyUpdated',
       json_build_object(
           'eventId', a.event_id, 'type', 'AgencyUpdated', 'requestId', NULL,
           'occurredAt', to_char(a.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
           'payload', json_build_object(
               'code', a.code, 'name', a.name, 'contactEmail', a.contact_email, 'backupEmail', a.backup_email,
               'active', a.active,
               'updatedAt', to_char(a.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')))::text,
       a.updated_at
FROM (SELECT agency.*, gen_random_uuid() AS event_id FROM agency) a
ORDER BY a.code;

-- Clerks and coordinators as last seen in their tokens (to assign a request to a named clerk).
CREATE TABLE staff_member (
    user_id      VARCHAR(255) PRIMARY KEY,
    username     VARCHAR(255) NOT NULL,
    name         VARCHAR(200),
    email        VARCHAR(254),
    agency_code  VARCHAR(32),
    clerk        BOOLEAN      NOT NULL,
    last_seen_at TIMESTAMPTZ  NOT NULL
);
CREATE INDEX staff_member_clerks ON staff_member (agency_code) WHERE clerk;

ALTER TABLE information_request
    ADD COLUMN imported             BOOLEAN      NOT NULL DEFAULT FALSE,
    ADD COLUMN assignee_user_id     VARCHAR(255),
    ADD COLUMN assignee_name        VARCHAR(200),
    ADD COLUMN assignee_email       VARCHAR(254),
    ADD COLUMN pending_question     VARCHAR(5000),
    ADD COLUMN extensions           INTEGER      NOT NULL DEFAULT 0,
    ADD COLUMN outcome              VARCHAR(32),
    ADD COLUMN answer_text          TEXT,
    ADD COLUMN grounds              VARCHAR(64)[] NOT NULL DEFAULT '{}',
    ADD COLUMN answered_at          TIMESTAMPTZ,
    ADD COLUMN external_body        VARCHAR(300),
    ADD COLUMN appeal_against       VARCHAR(32),
    ADD COLUMN appeal_reason        VARCHAR(5000),
    ADD COLUMN appealed_at          TIMESTAMPTZ,
    ADD COLUMN appeal_decision      VARCHAR(32),
    ADD COLUMN appeal_text          TEXT,
    ADD COLUMN appeal_resolved_at   TIMESTAMPTZ,
    ADD COLUMN clock_status         VARCHAR(16),
    ADD COLUMN appeal_due_on        DATE,
    ADD COLUMN appeal_due_at        TIMESTAMPTZ,
    ADD COLUMN appeal_window_closed BOOLEAN      NOT NULL DEFAULT FALSE,
    -- Full-text search over subject and description with PostgreSQL's Spanish configuration.
    ADD COLUMN search               TSVECTOR GENERATED ALWAYS AS
        (to_tsvector('spanish', coalesce(subject, '') || ' ' || coalesce(description, ''))) STORED;
CREATE INDEX information_request_search ON information_request USING GIN (search);
-- The clerks' inbox: an agency's requests by status and due date.
CREATE INDEX information_request_inbox ON information_request (agency_code, status, due_at);
CREATE INDEX information_request_by_assignee ON information_request (assignee_user_id, due_at) WHERE assignee_user_id IS NOT NULL;
CREATE INDEX information_request_by_status ON information_request (status, due_at);

ALTER TABLE request_history
    ADD COLUMN from_status VARCHAR(32),
    ADD COLUMN actor_name  VARCHAR(200),
    ADD COLUMN agency_code VARCHAR(32);

-- Documents: bytes in PostgreSQL (bytea), next to the request; the checksum is verified on every read.
CREATE TABLE request_document (
    id            UUID          PRIMARY KEY,
    request_id    UUID          NOT NULL REFERENCES information_request (id),
    name          VARCHAR(255)  NOT NULL,
    media_type    VARCHAR(128)  NOT NULL,
    size          BIGINT        NOT NULL,
    sha256        VARCHAR(64)   NOT NULL,
    content       BYTEA         NOT NULL,
    uploaded_by   VARCHAR(255)  NOT NULL,
    uploader_role VARCHAR(32)   NOT NULL,
    uploaded_at   TIMESTAMPTZ   NOT NULL,
    released_at   TIMESTAMPTZ
);
CREATE INDEX request_document_by_request ON request_document (request_id, uploaded_at);
