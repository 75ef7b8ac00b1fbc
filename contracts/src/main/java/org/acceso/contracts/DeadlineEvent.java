package org.acceso.contracts;

/** Events published by deadline-service on {@link Topics#DEADLINE_EVENTS}. */
public sealed interface DeadlineEvent permits DeadlineScheduled {
}
