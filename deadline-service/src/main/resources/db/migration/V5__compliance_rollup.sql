-- Compliance at a million requests: a rollup kept by the clock table itself. Every change of a clock's figure
-- columns subtracts the old row's contribution and adds the new one, in the same transaction, so the rollup is
-- always exactly the aggregate of legal_clock (docs/compliance.md). A period sums one row per (received day, agency):
-- additive counters, and a histogram of business days to answer from which the mean, median and 90th percentile are
-- exact. Recomputations and sweep reminders do not touch the figure columns, so they do not fire the trigger.
-- Rollup rows are always locked in key order (received day, agency; then figure, key), within a clock's change here
-- and across the clocks of a sweep batch (SweepService), so concurrent writers wait for each other, never deadlock.

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

-- The change of one clock (o: before, or null when inserted; n: after, or null when deleted).
CREATE FUNCTION compliance_apply(o legal_clock, n legal_clock) RETURNS void AS $$
BEGIN
    -- Counters: the net change per (received day, agency), upserted in key order.
    INSERT INTO compliance_day AS d (received_on, agency_code, received, answered, within_initial, within_extended, late,
            extended, extensions, extensions_before_expiry, granted, partially_granted, denied, not_held, referred,
            referrals, deemed_denied, withdrawn, appeals_filed, appeals_resolved)
    SELECT (x.c).received_on, coalesce((x.c).agency_code, ''), sum(x.s),
           sum(x.s * ((x.c).answered_at IS NOT NULL)::int),
           sum(x.s * ((x.c).answer_timing IS NOT DISTINCT FROM 'INITIAL')::int),
           sum(x.s * ((x.c).answer_timing IS NOT DISTINCT FROM 'EXTENDED')::int),
           sum(x.s * ((x.c).answer_timing IS NOT DISTINCT FROM 'LATE')::int),
           sum(x.s * ((x.c).extensions > 0)::int),
           sum(x.s * (x.c).extensions),
           sum(x.s * (x.c).extensions_before_expiry),
           sum(x.s * ((x.c).outcome IS NOT DISTINCT FROM 'GRANTED')::int),
           sum(x.s * ((x.c).outcome IS NOT DISTINCT FROM 'PARTIALLY_GRANTED')::int),
           sum(x.s * ((x.c).outcome IS NOT DISTINCT FROM 'DENIED')::int),
           sum(x.s * ((x.c).outcome IS NOT DISTINCT FROM 'NOT_HELD')::int),
           sum(x.s * ((x.c).referrals > 0)::int),
           sum(x.s * (x.c).referrals),
           sum(x.s * ((x.c).missed_at IS NOT NULL)::int),
           sum(x.s * ((x.c).stop_cause IS NOT DISTINCT FROM 'WITHDRAWN')::int),
           sum(x.s * ((x.c).appeal_filed_at IS NOT NULL)::int),
           sum(x.s * ((x.c).appeal_resolved_at IS NOT NULL)::int)
      FROM (VALUES (o, -1), (n, 1)) AS x(c, s)
     WHERE (x.c).request_id IS NOT NULL
     GROUP BY 1, 2
     ORDER BY 1, 2
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
    -- The histogram of business days to answer, on the rows just locked above.
    IF (o.received_on, coalesce(o.agency_code, ''), o.business_days_to_answer)
            IS DISTINCT FROM (n.received_on, coalesce(n.agency_code, ''), n.business_days_to_answer) THEN
        IF o.business_days_to_answer IS NOT NULL THEN
            UPDATE compliance_day
               SET days_hist[o.business_days_to_answer + 1] = coalesce(days_hist[o.business_days_to_answer + 1], 0) - 1
             WHERE received_on = o.received_on AND agency_code = coalesce(o.agency_code, '');
        END IF;
        IF n.business_days_to_answer IS NOT NULL THEN
            UPDATE compliance_day
               SET days_hist[n.business_days_to_answer + 1] = coalesce(days_hist[n.business_days_to_answer + 1], 0) + 1
             WHERE received_on = n.received_on AND agency_code = coalesce(n.agency_code, '');
        END IF;
    END IF;
    -- Grounds cited by denials and partial grants (each once per answer), appeal decisions: net changes, in key order.
    INSERT INTO compliance_key AS k (received_on, agency_code, figure, key, n)
    SELECT t.received_on, t.agency_code, t.figure, t.key, sum(t.s)
      FROM (SELECT (x.c).received_on, coalesce((x.c).agency_code, '') AS agency_code, 'ground' AS figure, g.key, x.s
              FROM (VALUES (o, -1), (n, 1)) AS x(c, s),
                   LATERAL (SELECT DISTINCT key FROM unnest(string_to_array((x.c).grounds, ',')) AS key) AS g
             WHERE (x.c).request_id IS NOT NULL AND (x.c).outcome IN ('DENIED', 'PARTIALLY_GRANTED')
            UNION ALL
            SELECT (x.c).received_on, coalesce((x.c).agency_code, ''), 'decision', (x.c).appeal_decision, x.s
              FROM (VALUES (o, -1), (n, 1)) AS x(c, s)
             WHERE (x.c).request_id IS NOT NULL AND (x.c).appeal_decision IS NOT NULL) AS t
     GROUP BY 1, 2, 3, 4
    HAVING sum(t.s) <> 0
     ORDER BY 1, 2, 3, 4
    ON CONFLICT (received_on, agency_code, figure, key) DO UPDATE SET n = k.n + EXCLUDED.n;
END;
$$ LANGUAGE plpgsql;

CREATE FUNCTION legal_clock_compliance() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM compliance_apply(NULL, NEW);
    ELSIF TG_OP = 'DELETE' THEN
        PERFORM compliance_apply(OLD, NULL);
    ELSE
        PERFORM compliance_apply(OLD, NEW);
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

-- The whole rollup from the clocks, set-based (two scans of legal_clock, whatever its size): what this migration
-- does for the clocks that exist already, and what a bulk load does after seeding with the triggers disabled
-- (ALTER TABLE legal_clock DISABLE TRIGGER legal_clock_compliance_insert_delete, ... ENABLE ..., then this).
-- Writers wait while it runs (SHARE lock), so the rollup it leaves is exact.
CREATE FUNCTION compliance_rebuild() RETURNS void AS $$
BEGIN
    LOCK TABLE legal_clock IN SHARE MODE;
    DELETE FROM compliance_day;
    DELETE FROM compliance_key;
    INSERT INTO compliance_day (received_on, agency_code, received, answered, within_initial, within_extended, late,
            extended, extensions, extensions_before_expiry, granted, partially_granted, denied, not_held, referred,
            referrals, deemed_denied, withdrawn, appeals_filed, appeals_resolved, days_hist)
    WITH counts AS (
        SELECT received_on, coalesce(agency_code, '') AS agency_code, count(*) AS received,
               count(*) FILTER (WHERE answered_at IS NOT NULL) AS answered,
               count(*) FILTER (WHERE answer_timing = 'INITIAL') AS within_initial,
               count(*) FILTER (WHERE answer_timing = 'EXTENDED') AS within_extended,
               count(*) FILTER (WHERE answer_timing = 'LATE') AS late,
               count(*) FILTER (WHERE extensions > 0) AS extended,
               sum(extensions) AS extensions,
               sum(extensions_before_expiry) AS extensions_before_expiry,
               count(*) FILTER (WHERE outcome = 'GRANTED') AS granted,
               count(*) FILTER (WHERE outcome = 'PARTIALLY_GRANTED') AS partially_granted,
               count(*) FILTER (WHERE outcome = 'DENIED') AS denied,
               count(*) FILTER (WHERE outcome = 'NOT_HELD') AS not_held,
               count(*) FILTER (WHERE referrals > 0) AS referred,
               sum(referrals) AS referrals,
               count(*) FILTER (WHERE missed_at IS NOT NULL) AS deemed_denied,
               count(*) FILTER (WHERE stop_cause = 'WITHDRAWN') AS withdrawn,
               count(*) FILTER (WHERE appeal_filed_at IS NOT NULL) AS appeals_filed,
               count(*) FILTER (WHERE appeal_resolved_at IS NOT NULL) AS appeals_resolved
          FROM legal_clock
         GROUP BY 1, 2),
    days AS (
        SELECT received_on, coalesce(agency_code, '') AS agency_code, business_days_to_answer AS days, count(*) AS n
          FROM legal_clock
         WHERE business_days_to_answer IS NOT NULL
         GROUP BY 1, 2, 3),
    hist AS (
        -- days_hist[d + 1] = answers that took d business days, zeros in between
        SELECT t.received_on, t.agency_code, array_agg(coalesce(days.n, 0) ORDER BY i) AS days_hist
          FROM (SELECT received_on, agency_code, max(days) AS top FROM days GROUP BY 1, 2) AS t
         CROSS JOIN LATERAL generate_series(0, t.top) AS i
          LEFT JOIN days ON days.received_on = t.received_on AND days.agency_code = t.agency_code AND days.days = i
         GROUP BY 1, 2)
    SELECT counts.*, coalesce(hist.days_hist, '{}')
      FROM counts LEFT JOIN hist USING (received_on, agency_code);
    INSERT INTO compliance_key (received_on, agency_code, figure, key, n)
    SELECT received_on, coalesce(agency_code, ''), 'ground', g.key, count(*)
      FROM legal_clock, LATERAL (SELECT DISTINCT key FROM unnest(string_to_array(grounds, ',')) AS key) AS g
     WHERE grounds IS NOT NULL AND outcome IN ('DENIED', 'PARTIALLY_GRANTED')
     GROUP BY 1, 2, 3, 4
    UNION ALL
    SELECT received_on, coalesce(agency_code, ''), 'decision', appeal_decision, count(*)
      FROM legal_clock
     WHERE appeal_decision IS NOT NULL
     GROUP BY 1, 2, 3, 4;
END;
$$ LANGUAGE plpgsql;

-- The clocks that exist already.
SELECT compliance_rebuild();

-- The covering, grounds and decisions indexes of V4 are no longer read; open past due still is.
DROP INDEX legal_clock_compliance;
DROP INDEX legal_clock_grounds;
DROP INDEX legal_clock_decisions;
