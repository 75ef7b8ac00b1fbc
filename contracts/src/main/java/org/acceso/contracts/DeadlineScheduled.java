package org.acceso.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * The legal clock of a request started.
 *
 * @param receivedOn   day 0: the business day on which the request counts as received
 * @param dueOn        the last day to answer, in the jurisdiction's calendar
 * @param dueAt        the instant the deadline ends (end of {@code dueOn}, local time, with its offset)
 * @param responseDays how many days the policy grants
 * @param dayUnit      {@code BUSINESS} or {@code CALENDAR}
 * @param zone         the jurisdiction's time zone, e.g. {@code America/Argentina/Cordoba}
 */
@EventType("DeadlineScheduled")
@JsonIgnoreProperties(ignoreUnknown = true)
public record DeadlineScheduled(
        String trackingNumber,
        String jurisdiction,
        Instant filedAt,
        LocalDate receivedOn,
        LocalDate dueOn,
        OffsetDateTime dueAt,
        int responseDays,
        String dayUnit,
        String zone) implements DeadlineEvent {
}
