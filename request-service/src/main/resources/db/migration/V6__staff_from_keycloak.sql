-- The staff directory is read from Keycloak's admin API (members of the realm roles clerk and coordinator), no longer
-- learned from the tokens of staff who called the API. Rows learned from tokens are dropped: the first refresh from
-- Keycloak (at start, and on demand when an assignment names someone unknown) fills the table and publishes every
-- member on staff-events.
DELETE FROM staff_member;
ALTER TABLE staff_member RENAME COLUMN last_seen_at TO synced_at;
ALTER TABLE staff_member
    ADD COLUMN coordinator BOOLEAN     NOT NULL DEFAULT FALSE,
    ADD COLUMN language    VARCHAR(16),
    ADD COLUMN active      BOOLEAN     NOT NULL DEFAULT TRUE;
DROP INDEX staff_member_clerks;
CREATE INDEX staff_member_clerks ON staff_member (agency_code) WHERE clerk AND active;

-- When the directory was last read from Keycloak, and why the last attempt failed (null: it did not). One row; a
-- refresh updates it first, so two refreshes (two instances, the schedule and a coordinator) write one after the other.
CREATE TABLE staff_directory_refresh (
    id           INTEGER      PRIMARY KEY CHECK (id = 1),
    refreshed_at TIMESTAMPTZ,
    attempted_at TIMESTAMPTZ,
    failure      VARCHAR(500)
);
INSERT INTO staff_directory_refresh (id) VALUES (1);
