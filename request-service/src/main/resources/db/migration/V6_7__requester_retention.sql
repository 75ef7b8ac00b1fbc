-- Law 25.326: a requester's personal data is kept no longer than needed. acceso.retention.requester-data (P5Y) after a
-- request is closed, RequesterRetention replaces its requester's name, e-mail, postal address, phone, identity document
-- and account id with a stable pseudonym here, and announces RequesterAnonymised so the other services do the same.
ALTER TABLE information_request ADD COLUMN anonymised_at TIMESTAMPTZ;
-- The retention job's candidates: requests not anonymised yet (a shrinking set of old rows, not the whole table).
CREATE INDEX information_request_to_anonymise ON information_request (status) WHERE anonymised_at IS NULL;

-- The key of the pseudonyms (HMAC-SHA256 of the requester's identity), made once per installation and never shown:
-- the same requester always gets the same pseudonym, and nobody without this key can compute one from a known e-mail.
CREATE TABLE pseudonym_key (
    id     INTEGER PRIMARY KEY CHECK (id = 1),
    secret TEXT    NOT NULL
);
INSERT INTO pseudonym_key (id, secret)
VALUES (1, replace(gen_random_uuid()::text || gen_random_uuid()::text || gen_random_uuid()::text, '-', ''));
