-- A recomputation after one calendar entry writes a history line for every clock whose date moved (a million, in
-- docs/benchmarks.md): the foreign key to legal_clock checked each line with its own lookup and row lock, a fifth of
-- the recomputation's time. Every line is written in the same transaction as the change of its clock (ClockJournal;
-- RecomputeService from the RETURNING set of the clock's update), and clocks are never deleted, so the key guarded
-- nothing the code does not already guarantee. The index by request (the history of GET /deadlines/{id}) stays.
ALTER TABLE due_date_change DROP CONSTRAINT due_date_change_request_id_fkey;
