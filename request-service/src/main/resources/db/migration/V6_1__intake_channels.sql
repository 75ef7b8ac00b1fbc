-- Requests that arrive on paper, by e-mail, by phone or in person: staff register them (POST /requests with channel
-- and requester). Each request says how it arrived (WEB for filings online; NULL for imports, whose channel the earlier
-- register did not keep). A registered requester has no account and may have no e-mail (the receipt is printed), and
-- may leave a postal address, a phone number and an identity document number. These are personal data and stay in
-- this database only: no event carries them (README: "Requesters registered by staff").
ALTER TABLE information_request ADD COLUMN channel VARCHAR(16);
UPDATE information_request SET channel = 'WEB' WHERE NOT imported;
ALTER TABLE information_request ADD CONSTRAINT information_request_channel
    CHECK (channel IN ('WEB', 'IN_PERSON', 'POST', 'EMAIL', 'PHONE'));
ALTER TABLE information_request ALTER COLUMN contact_email DROP NOT NULL;
ALTER TABLE information_request ADD COLUMN requester_postal_address VARCHAR(500);
ALTER TABLE information_request ADD COLUMN requester_phone VARCHAR(40);
ALTER TABLE information_request ADD COLUMN requester_document_number VARCHAR(40);
