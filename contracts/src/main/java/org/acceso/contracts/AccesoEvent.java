package org.acceso.contracts;

/**
 * Every event Acceso publishes, by family. The family decides the topic ({@link Topics#of(AccesoEvent)});
 * each member is a record annotated with its {@link EventType wire name}.
 */
public sealed interface AccesoEvent permits RequestEvent, DeadlineEvent, AgencyEvent, PublicationEvent, PolicyEvent,
        StaffEvent {
}
