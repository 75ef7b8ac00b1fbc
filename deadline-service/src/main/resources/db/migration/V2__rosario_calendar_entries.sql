-- Rosario calendar: the days the holiday rules (holidays/acceso-argentina.xml) do not know.
-- Bridge days ("días no laborables con fines turísticos") are set by the national government each year.
-- Public offices close on them (JurisdictionCalendar closesOnNonWorkingDays = true).
-- Kept in sync with RosarioFixtures.BRIDGE_DAYS by RosarioSeedTest.
INSERT INTO calendar_entry (calendar, kind, starts_on, ends_on, instrument, description, created_by) VALUES
    ('rosario', 'NON_WORKING_DAY', DATE '2025-05-02', DATE '2025-05-02', 'Decreto 1027/2024', 'Día no laborable con fines turísticos', 'seed'),
    ('rosario', 'NON_WORKING_DAY', DATE '2025-08-15', DATE '2025-08-15', 'Decreto 1027/2024', 'Día no laborable con fines turísticos', 'seed'),
    ('rosario', 'NON_WORKING_DAY', DATE '2025-11-21', DATE '2025-11-21', 'Decreto 1027/2024', 'Día no laborable con fines turísticos', 'seed'),
    ('rosario', 'NON_WORKING_DAY', DATE '2026-03-23', DATE '2026-03-23', 'Resolución JGM 164/2025', 'Día no laborable con fines turísticos', 'seed'),
    ('rosario', 'NON_WORKING_DAY', DATE '2026-07-10', DATE '2026-07-10', 'Resolución JGM 164/2025', 'Día no laborable con fines turísticos', 'seed'),
    ('rosario', 'NON_WORKING_DAY', DATE '2026-12-07', DATE '2026-12-07', 'Resolución JGM 164/2025', 'Día no laborable con fines turísticos', 'seed');
