package org.acceso.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A request's response deadline changed: extended, paused or restarted by a clarification, restarted by a
 * referral, stopped by an answer or withdrawal, or moved by a calendar entry.
 *
 * @param clock       which clock: {@code RESPONSE} (the answer's deadline) or {@code APPEAL} (the appeal window)
 * @param status      the clock after the change: {@code RUNNING}, {@code PAUSED} or {@code STOPPED}
 * @param newDueOn    the due date now; null while the clock is paused (remaining days are kept) or stopped
 * @param cause       why: {@code EXTENSION}, {@code CLARIFICATION_REQUESTED}, {@code CLARIFICATION_PROVIDED},
 *                    {@code REFERRAL}, {@code CALENDAR_CHANGE}, {@code ANSWERED}, {@code WITHDRAWN}; on the
 *                    {@code APPEAL} clock also {@code APPEAL_FILED} (an appeal stopped the window)
 * @param instrument  the legal instrument behind a calendar change ("Decreto 1234/2026"), else null
 * @param detail      the reason in words (the extension's reasons, the calendar entry's description)
 */
@EventType("DeadlineRescheduled")
@JsonIgnoreProperties(ignoreUnknown = true)
public record DeadlineRescheduled(
        String trackingNumber,
        String clock,
        String status,
        LocalDate oldDueOn,
        OffsetDateTime oldDueAt,
        LocalDate newDueOn,
        OffsetDateTime newDueAt,
        String cause,
        String instrument,
        String detail) implements DeadlineEvent {
}
