package org.acceso.deadline.domain;

import org.acceso.contracts.Person;
import org.acceso.contracts.RequestFiled;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Clocks for domain tests, started on Rosario's calendar (with the seeded bridge days) and policy. */
final class ClockFixtures {

    static final ClockContext ROSARIO_CONTEXT = new ClockContext(RosarioFixtures.ROSARIO_POLICY, RosarioFixtures.ROSARIO, 1);

    private ClockFixtures() {
    }

    static RequestFiled filed(Instant filedAt) {
        return new RequestFiled("AIP-2026-000123", "Contratos", "OBRAS", "es", filedAt,
                new Person("ana-sub", "Ana Pérez", "ana@example.org"), false);
    }

    /** A clock filed at {@code filedAt} and started at that instant. */
    static LegalClock started(Instant filedAt) {
        return LegalClock.start(UUID.randomUUID(), filed(filedAt), ROSARIO_CONTEXT, filedAt);
    }

    static ClockContext with(List<CalendarEntry> entries) {
        List<CalendarEntry> all = new java.util.ArrayList<>(RosarioFixtures.BRIDGE_DAYS);
        all.addAll(entries);
        return new ClockContext(RosarioFixtures.ROSARIO_POLICY, JurisdictionCalendar.rosario(all, true), 2);
    }
}
