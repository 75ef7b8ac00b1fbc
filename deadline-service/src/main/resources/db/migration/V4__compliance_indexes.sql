-- Compliance at a million requests: the figures of a cohort are read from one narrow covering index (index-only
-- scan) instead of the wide clock rows; grounds, appeal decisions and open past-due requests from small partial ones.
DROP INDEX legal_clock_by_received;
CREATE INDEX legal_clock_compliance ON legal_clock (received_on, agency_code)
    INCLUDE (answered_at, answer_timing, business_days_to_answer, outcome, extensions, extensions_before_expiry,
             referrals, missed_at, stop_cause, appeal_filed_at, appeal_resolved_at);
CREATE INDEX legal_clock_grounds ON legal_clock (received_on) INCLUDE (agency_code, outcome, grounds)
    WHERE grounds IS NOT NULL;
CREATE INDEX legal_clock_decisions ON legal_clock (received_on) INCLUDE (agency_code, appeal_decision)
    WHERE appeal_decision IS NOT NULL;
-- Open past due = still running after DeadlineMissed.
CREATE INDEX legal_clock_open_past_due ON legal_clock (received_on) INCLUDE (agency_code, due_on)
    WHERE status = 'RUNNING' AND missed_at IS NOT NULL;
