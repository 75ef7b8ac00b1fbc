-- Tracking numbers come from one PostgreSQL sequence per year (tracking_number_<year>) instead of a counter row:
-- a filing no longer holds the year's row lock until it commits, so filings no longer queue behind each other.
-- A rolled-back filing may leave a gap in the numbering; numbers stay unique and increasing within a year.
DO $$
DECLARE
    counter RECORD;
BEGIN
    FOR counter IN SELECT year, last_value FROM tracking_sequence LOOP
        EXECUTE format('CREATE SEQUENCE IF NOT EXISTS tracking_number_%s AS integer MINVALUE 1', counter.year);
        PERFORM setval(format('tracking_number_%s', counter.year), counter.last_value);
    END LOOP;
END
$$;

DROP TABLE tracking_sequence;
