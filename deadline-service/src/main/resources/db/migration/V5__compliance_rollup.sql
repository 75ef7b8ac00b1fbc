-- Compliance at a million requests: a rollup kept by the clock table itself. Every change of a clock's figure
-- columns subtracts the old row's contribution and adds the new one, in the same transaction, so the rollup is
-- always exactly the aggregate of legal_clock (docs/compliance.md). A period sums one row per (received day, agency):
-- additive counters, and a histogram of business days to answer from which the mean, median and 90th percentile are
-- exact. Recomputations and sweep reminders do not touch the figure columns, so they do not fire the trigger.

CREATE TABLE compliance_day (
    received_on              DATE        NOT NULL,
    agency_code              VARCHAR(64) NOT NULL,   -- '' while no agency holds the request
    received                 BIGINT      NOT NULL DEFAULT 0,
    answered                 BIGINT      NOT NULL DEFAULT 0,
    within_initial           BIGINT      NOT NULL DEFAULT 0,
    within_extended          BIGINT      NOT NULL DEFAULT 0,
    late                     BIGINT      NOT NULL DEFAULT 0,
    extended                 BIGINT      NOT NULL DEFAULT 0,
    extensions               BIGINT      NOT NULL DEFAULT 0,
    extensions_before_expiry BIGINT      NOT NULL DEFAULT 0,
    granted                  BIGINT      NOT NULL DEFAULT 0,
    partially_granted        BIGINT      NOT NULL DEFAULT 0,
    denied                   BIGINT      NOT NULL DEFAULT 0,
    not_held                 BIGINT      NOT NULL DEFAULT 0,
    referred                 BIGINT      NOT NULL DEFAULT 0,
    referrals                BIGINT      NOT NULL DEFAULT 0,
    deemed_denied            BIGINT      NOT NULL DEFAULT 0,
    withdrawn                BIGINT      NOT NULL DEFAULT 0,
    appeals_filed            BIGINT      NOT NULL DEFAULT 0,
    appeals_resolved         BIGINT      NOT NULL DEFAULT 0,
    -- days_hist[d + 1] = answers that took d business days
    days_hist                BIGINT[]    NOT NULL DEFAULT '{}',
    PRIMARY KEY (received_on, agency_code)
);

-- Figures with open-ended keys: exemption grounds cited by denials and partial grants, appeal decisions.
CREATE TABLE compliance_key (
    received_on DATE         NOT NULL,
    agency_code VARCHAR(64)  NOT NULL,
    figure      VARCHAR(16)  NOT NULL,
    key         VARCHAR(200) NOT NULL,
    n           BIGINT       NOT NULL,
    PRIMARY KEY (received_on, agency_code, figure, key)
);

CREATE FUNCTION compliance_apply(c legal_clock, sign INTEGER) RETURNS void AS $$
DECLARE
    agency TEXT := coalesce(c.agency_code, '');
BEGIN
    INSERT INTO compliance_day AS d (received_on, agency_code, received, answered, within_initial, within_extended, late,
            extended, extensions, extensions_before_expiry, granted, partially_granted, denied, not_held, referred,
            referrals, deemed_denied, withdrawn, appeals_filed, appeals_resolved)
    VALUES (c.received_on, agency, sign,
            sign * (c.answered_at IS NOT NULL)::int,
            sign * (c.answer_timing IS NOT DISTINCT FROM 'INITIAL')::int,
            sign * (c.answer_timing IS NOT DISTINCT FROM 'EXTENDED')::int,
            sign * (c.answer_timing IS NOT DISTINCT FROM 'LATE')::int,
            sign * (c.extensions > 0)::int,
            sign * c.extensions,
            sign * c.extensions_before_expiry,
            sign * (c.outcome IS NOT DISTINCT FROM 'GRANTED')::int,
            sign * (c.outcome IS NOT DISTINCT FROM 'PARTIALLY_GRANTED')::int,
            sign * (c.outcome IS NOT DISTINCT FROM 'DENIED')::int,
            sign * (c.outcome IS NOT DISTINCT FROM 'NOT_HELD')::int,
            sign * (c.referrals > 0)::int,
            sign * c.referrals,
            sign * (c.missed_at IS NOT NULL)::int,
            sign * (c.stop_cause IS NOT DISTINCT FROM 'WITHDRAWN')::int,
            sign * (c.appeal_filed_at IS NOT NULL)::int,
            sign * (c.appeal_resolved_at IS NOT NULL)::int)
    ON CONFLICT (received_on, agency_code) DO UPDATE SET
            received = d.received + EXCLUDED.received,
            answered = d.answered + EXCLUDED.answered,
            within_initial = d.within_initial + EXCLUDED.within_initial,
            within_extended = d.within_extended + EXCLUDED.within_extended,
            late = d.late + EXCLUDED.late,
            extended = d.extended + EXCLUDED.extended,
            extensions = d.extensions + EXCLUDED.extensions,
            extensions_before_expiry = d.extensions_before_expiry + EXCLUDED.extensions_before_expiry,
            granted = d.granted + EXCLUDED.granted,
            partially_granted = d.partially_granted + EXCLUDED.partially_granted,
            denied = d.denied + EXCLUDED.denied,
            not_held = d.not_held + EXCLUDED.not_held,
            referred = d.referred + EXCLUDED.referred,
            referrals = d.referrals + EXCLUDED.referrals,
            deemed_denied = d.deemed_denied + EXCLUDED.deemed_denied,
            withdrawn = d.withdrawn + EXCLUDED.withdrawn,
            appeals_filed = d.appeals_filed + EXCLUDED.appeals_filed,
            appeals_resolved = d.appeals_resolved + EXCLUDED.appeals_resolved;
    IF c.business_days_to_answer IS NOT NULL THEN
        UPDATE compliance_day
           SET days_hist[c.business_days_to_answer + 1] = coalesce(days_hist[c.business_days_to_answer + 1], 0) + sign
         WHERE received_on = c.received_on AND agency_code = agency;
    END IF;
    IF c.grounds IS NOT NULL AND c.outcome IN ('DENIED', 'PARTIALLY_GRANTED') THEN
        INSERT INTO compliance_key AS k (received_on, agency_code, figure, key, n)
        SELECT c.received_on, agency, 'ground', g, sign FROM unnest(string_to_array(c.grounds, ',')) AS g
        ON CONFLICT (received_on, agency_code, figure, key) DO UPDATE SET n = k.n + EXCLUDED.n;
    END IF;
    IF c.appeal_decision IS NOT NULL THEN
        INSERT INTO compliance_key AS k (received_on, agency_code, figure, key, n)
        VALUES (c.received_on, agency, 'decision', c.appeal_decision, sign)
        ON CONFLICT (received_on, agency_code, figure, key) DO UPDATE SET n = k.n + EXCLUDED.n;
    END IF;
END;
$$ LANGUAGE plpgsql;

CREATE FUNCTION legal_clock_compliance() RETURNS trigger AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        PERFORM compliance_apply(OLD, -1);
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        PERFORM compliance_apply(NEW, 1);
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER legal_clock_compliance_insert_delete AFTER INSERT OR DELETE ON legal_clock
    FOR EACH ROW EXECUTE FUNCTION legal_clock_compliance();
CREATE TRIGGER legal_clock_compliance_update AFTER UPDATE ON legal_clock
    FOR EACH ROW WHEN (
        OLD.received_on IS DISTINCT FROM NEW.received_on OR OLD.agency_code IS DISTINCT FROM NEW.agency_code
        OR OLD.answered_at IS DISTINCT FROM NEW.answered_at OR OLD.answer_timing IS DISTINCT FROM NEW.answer_timing
        OR OLD.business_days_to_answer IS DISTINCT FROM NEW.business_days_to_answer
        OR OLD.outcome IS DISTINCT FROM NEW.outcome OR OLD.grounds IS DISTINCT FROM NEW.grounds
        OR OLD.extensions IS DISTINCT FROM NEW.extensions
        OR OLD.extensions_before_expiry IS DISTINCT FROM NEW.extensions_before_expiry
        OR OLD.referrals IS DISTINCT FROM NEW.referrals
        OR (OLD.missed_at IS NULL) <> (NEW.missed_at IS NULL) OR OLD.stop_cause IS DISTINCT FROM NEW.stop_cause
        OR (OLD.appeal_filed_at IS NULL) <> (NEW.appeal_filed_at IS NULL)
        OR (OLD.appeal_resolved_at IS NULL) <> (NEW.appeal_resolved_at IS NULL)
        OR OLD.appeal_decision IS DISTINCT FROM NEW.appeal_decision)
    EXECUTE FUNCTION legal_clock_compliance();

-- The clocks that exist already.
SELECT compliance_apply(c, 1) FROM legal_clock AS c;

-- The covering, grounds and decisions indexes of V4 are no longer read; open past due still is.
DROP INDEX legal_clock_compliance;
DROP INDEX legal_clock_grounds;
DROP INDEX legal_clock_decisions;
