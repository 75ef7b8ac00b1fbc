package org.acceso.deadline.domain;

import static org.acceso.deadline.domain.RosarioFixtures.ROSARIO;
import static org.acceso.deadline.domain.RosarioFixtures.ROSARIO_POLICY;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The same invariants as {@link DeadlineCalculatorProperties}, checked deterministically for every day of 2025
 * and 2026 at the edges of the local day (00:00:00, 21:00 = UTC midnight, 23:59:59). Without a cut-off the
 * schedule depends only on the local date, so this covers every filing instant of the range.
 */
class DeadlineCalculatorExhaustiveTest {

    private static final List<LocalTime> EDGES = List.of(LocalTime.MIDNIGHT, LocalTime.of(21, 0), LocalTime.of(23, 59, 59));

    @Test
    void shouldKeepTheLegalClockInvariantsForEveryFilingIn2025And2026() {
        List<Instant> filings = LocalDate.parse("2025-01-01").datesUntil(LocalDate.parse("2027-01-01"))
                .flatMap(day -> EDGES.stream().map(time -> day.atTime(time).atZone(ROSARIO_POLICY.zone()).toInstant()))
                .toList();

        Deadline previous = null;
        for (Instant filedAt : filings) {
            Deadline deadline = DeadlineCalculator.schedule(ROSARIO, ROSARIO_POLICY, filedAt);
            LocalDate filedOn = LocalDate.ofInstant(filedAt, ROSARIO_POLICY.zone());

            assertThat(ROSARIO.isBusinessDay(deadline.dueOn())).as("due on a business day: %s", deadline).isTrue();
            assertThat(deadline.dueAt()).isEqualTo(deadline.dueOn().atTime(23, 59, 59).atOffset(ZoneOffset.ofHours(-3)));
            assertThat(businessDaysIn(deadline.receivedOn(), deadline.dueOn())).as("%s", deadline).isEqualTo(15);
            assertThat(deadline.receivedOn()).isAfterOrEqualTo(filedOn);
            assertThat(ROSARIO.isBusinessDay(deadline.receivedOn())).isTrue();
            assertThat(filedOn.datesUntil(deadline.receivedOn())).noneMatch(ROSARIO::isBusinessDay);
            if (previous != null) {
                assertThat(deadline.dueOn()).as("monotonic after %s", previous).isAfterOrEqualTo(previous.dueOn());
            }
            previous = deadline;
        }
    }

    private static long businessDaysIn(LocalDate fromExclusive, LocalDate toInclusive) {
        return Stream.iterate(fromExclusive.plusDays(1), day -> !day.isAfter(toInclusive), day -> day.plusDays(1))
                .filter(ROSARIO::isBusinessDay)
                .count();
    }
}
