-- The public register: only what a clerk approved for publication (RequestPublished on publication-events). No
-- requester's name, e-mail, account, address or phone exists anywhere in this database, because none ever reaches
-- this service (see register-service/README.md).

-- Both extensions are "trusted" (PostgreSQL 13+): the database's owner creates them, no superuser needed.
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- Spanish full text that ignores accents ("recoleccion" finds "recolección"): the spanish configuration with unaccent
-- before the Snowball stemmer.
CREATE TEXT SEARCH CONFIGURATION register_es (COPY = pg_catalog.spanish);
ALTER TEXT SEARCH CONFIGURATION register_es
    ALTER MAPPING FOR hword, hword_part, word WITH unaccent, spanish_stem;

-- The text as the parser should see it: Spanish opening marks are not part of a word ("¿Cuántos" is "cuantos").
CREATE FUNCTION register_words(text) RETURNS text AS $$
    SELECT translate($1, '¿¡', '  ')
$$ LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT;

-- Lower case without accents, for trigram similarity: pg_trgm under the C locale takes only ASCII letters for word
-- characters, so "recolección" would split at the ó. Immutable so that a generated column can use it (unaccent's
-- dictionary is fixed for the database).
CREATE FUNCTION register_fold(text) RETURNS text AS $$
    SELECT lower(public.unaccent('public.unaccent'::regdictionary, $1))
$$ LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT;

-- One row per published request (a later RequestPublished of the same request replaces it; a withdrawal deletes it).
CREATE TABLE publication (
    request_id      UUID          PRIMARY KEY,
    tracking_number VARCHAR(40)   NOT NULL UNIQUE,
    agency_code     VARCHAR(64)   NOT NULL,
    agency_name     VARCHAR(300)  NOT NULL,
    subject         TEXT          NOT NULL,
    question        TEXT          NOT NULL,
    answer          TEXT          NOT NULL,
    outcome         VARCHAR(32)   NOT NULL,
    -- [{code, reference, name, nameEn}], as the event carried them
    grounds         JSONB         NOT NULL,
    filed_at        TIMESTAMPTZ   NOT NULL,
    -- the local date of filed_at (register.zone): the register's date filters
    filed_on        DATE          NOT NULL,
    answered_at     TIMESTAMPTZ,
    due_on          DATE,
    on_time         BOOLEAN       NOT NULL,
    extended        BOOLEAN       NOT NULL,
    -- the first day the register shows it; null: at once
    embargo_until   DATE,
    published_at    TIMESTAMPTZ   NOT NULL,
    stored_at       TIMESTAMPTZ   NOT NULL,
    -- the register search (q): subject and question (what was asked) weigh more than the answer
    search          TSVECTOR GENERATED ALWAYS AS (
                        setweight(to_tsvector('register_es', register_words(subject)), 'A')
                        || setweight(to_tsvector('register_es', register_words(question)), 'B')
                        || setweight(to_tsvector('register_es', register_words(answer)), 'C')) STORED,
    -- "has this been asked before?": what was asked, as lexemes and folded for trigrams
    asked           TSVECTOR GENERATED ALWAYS AS (
                        to_tsvector('register_es', register_words(subject || ' ' || question))) STORED,
    asked_folded    TEXT GENERATED ALWAYS AS (register_fold(subject || ' ' || question)) STORED
);
CREATE INDEX publication_search ON publication USING gin (search);
CREATE INDEX publication_asked ON publication USING gin (asked);
-- the register without q, newest first; and the open-data export in a stable order
CREATE INDEX publication_newest ON publication (filed_on DESC, tracking_number DESC);
-- the register's filters, newest first (and counted without reading the table)
CREATE INDEX publication_agency ON publication (agency_code, filed_on DESC, tracking_number DESC);
CREATE INDEX publication_outcome ON publication (outcome, filed_on DESC, tracking_number DESC);
CREATE INDEX publication_embargoed ON publication (embargo_until) WHERE embargo_until IS NOT NULL;

-- How many published requests use each lexeme of what was asked: similar-request search picks the input's rarest
-- words from it (rare words find few, telling candidates). Kept by a trigger on publication in the same transaction.
CREATE TABLE asked_lexeme (
    lexeme    TEXT   PRIMARY KEY,
    documents BIGINT NOT NULL
);

-- The net change of one publication's lexemes (o: before, null when inserted; n: after, null when deleted), upserted
-- in lexeme order so that concurrent writers wait for each other, never deadlock.
CREATE FUNCTION asked_lexemes_apply(o TSVECTOR, n TSVECTOR) RETURNS void AS $$
    INSERT INTO asked_lexeme AS a (lexeme, documents)
    SELECT lexeme, sum(delta)
      FROM (SELECT unnest(tsvector_to_array(o)) AS lexeme, -1 AS delta
            UNION ALL
            SELECT unnest(tsvector_to_array(n)), 1) AS change
     GROUP BY lexeme
    HAVING sum(delta) <> 0
     ORDER BY lexeme
    ON CONFLICT (lexeme) DO UPDATE SET documents = a.documents + EXCLUDED.documents;
$$ LANGUAGE sql;

CREATE FUNCTION publication_asked_lexemes() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM asked_lexemes_apply(NULL, NEW.asked);
    ELSIF TG_OP = 'DELETE' THEN
        PERFORM asked_lexemes_apply(OLD.asked, NULL);
    ELSIF OLD.asked IS DISTINCT FROM NEW.asked THEN
        PERFORM asked_lexemes_apply(OLD.asked, NEW.asked);
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER publication_asked_lexemes AFTER INSERT OR UPDATE OR DELETE ON publication
    FOR EACH ROW EXECUTE FUNCTION publication_asked_lexemes();

-- The whole count from the publications in one pass: after a bulk load made with the trigger disabled
-- (ALTER TABLE publication DISABLE TRIGGER publication_asked_lexemes; load; ENABLE; SELECT asked_lexemes_rebuild()).
CREATE FUNCTION asked_lexemes_rebuild() RETURNS void AS $$
BEGIN
    LOCK TABLE publication IN SHARE MODE;
    DELETE FROM asked_lexeme;
    INSERT INTO asked_lexeme (lexeme, documents) SELECT word, ndoc FROM ts_stat('SELECT asked FROM publication');
END;
$$ LANGUAGE plpgsql;

-- A public document: the redacted copy's metadata from the event; its bytes are copied once from request-service
-- (checked against sha256) into public_document_part, in parts so that a download streams.
CREATE TABLE public_document (
    id              UUID          PRIMARY KEY,
    request_id      UUID          NOT NULL REFERENCES publication ON DELETE CASCADE,
    position        INTEGER       NOT NULL,
    file_name       VARCHAR(255)  NOT NULL,
    media_type      VARCHAR(255)  NOT NULL,
    size            BIGINT        NOT NULL,
    sha256          VARCHAR(64)   NOT NULL,
    -- null while the copy is still to be fetched
    stored_at       TIMESTAMPTZ,
    attempts        INTEGER       NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ   NOT NULL,
    last_error      VARCHAR(1000)
);
CREATE INDEX public_document_request ON public_document (request_id, position);
CREATE INDEX public_document_to_copy ON public_document (next_attempt_at) WHERE stored_at IS NULL;

CREATE TABLE public_document_part (
    document_id UUID    NOT NULL REFERENCES public_document ON DELETE CASCADE,
    part        INTEGER NOT NULL,
    bytes       BYTEA   NOT NULL,
    PRIMARY KEY (document_id, part)
);

-- Withdrawn publications, by request id only: a RequestPublished older than the withdrawal (a redelivery, a replay)
-- does not bring the request back; a newer one does, and removes this row.
CREATE TABLE withdrawal (
    request_id   UUID        PRIMARY KEY,
    withdrawn_at TIMESTAMPTZ NOT NULL
);

-- One counter of the register's content: every change of what the public can read bumps it (the open-data exports'
-- ETag and Last-Modified come from it).
CREATE TABLE register_change (
    id         SMALLINT    PRIMARY KEY CHECK (id = 1),
    version    BIGINT      NOT NULL,
    changed_at TIMESTAMPTZ NOT NULL
);
INSERT INTO register_change (id, version, changed_at) VALUES (1, 0, now());

-- Public statistics: deadline-service's compliance figures per agency and month of receipt (docs/compliance.md),
-- fetched on a schedule and replaced whole; never counted here.
CREATE TABLE statistics_month (
    month                          DATE         NOT NULL,
    agency_code                    VARCHAR(64)  NOT NULL,
    received                       BIGINT       NOT NULL,
    answered                       BIGINT       NOT NULL,
    answered_within_initial        BIGINT       NOT NULL,
    answered_within_extended       BIGINT       NOT NULL,
    answered_late                  BIGINT       NOT NULL,
    deemed_denials                 BIGINT       NOT NULL,
    median_business_days_to_answer INTEGER,
    -- {ground code: answers citing it}
    denials_by_ground              JSONB        NOT NULL,
    PRIMARY KEY (month, agency_code)
);

CREATE TABLE statistics_source (
    id           SMALLINT    PRIMARY KEY CHECK (id = 1),
    fetched_at   TIMESTAMPTZ,
    changed_at   TIMESTAMPTZ,
    period_from  DATE,
    period_to    DATE,
    -- SHA-256 of the figures as stored: unchanged figures keep their ETag
    digest       VARCHAR(64)
);
INSERT INTO statistics_source (id) VALUES (1);
