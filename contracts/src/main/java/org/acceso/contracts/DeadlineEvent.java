package org.acceso.contracts;

/** Events published by deadline-service on {@link Topics#DEADLINE_EVENTS}, keyed by request id. */
public sealed interface DeadlineEvent extends AccesoEvent
        permits DeadlineScheduled, DeadlineRescheduled, DeadlineApproaching, DeadlineMissed, DeadlineVeryOverdue,
        AppealWindowOpened, AppealWindowClosed {

    String trackingNumber();
}
