package org.acceso.deadline;

import org.acceso.contracts.EventCodec;
import org.acceso.contracts.Person;
import org.acceso.contracts.RequestEvent;
import org.acceso.contracts.RequestFiled;
import org.acceso.contracts.Topics;
import org.acceso.testsupport.KafkaEvents;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.UUID;

/** Request events as request-service publishes them, sent to the real broker. */
public final class Events {

    public static final ZoneId ROSARIO = ZoneId.of("America/Argentina/Cordoba");
    public static final String REQUESTER = "ana-sub";

    private Events() {
    }

    /** Sends one event about {@code requestId}; returns its event id. */
    public static UUID send(UUID requestId, RequestEvent event) {
        UUID eventId = UUID.randomUUID();
        KafkaEvents.send(Topics.REQUEST_EVENTS, requestId.toString(),
                EventCodec.write(EventCodec.envelope(eventId, requestId, Instant.now(), event)));
        return eventId;
    }

    public static RequestFiled filed(String trackingNumber, String agency, Instant filedAt, boolean imported) {
        return new RequestFiled(trackingNumber, "Contratos", agency, "es", filedAt,
                new Person(REQUESTER, "Ana Pérez", "ana@example.org"), imported);
    }

    /** An instant given as Rosario local time, e.g. "2026-11-26T14:20". */
    public static Instant local(String isoLocalDateTime) {
        return LocalDateTime.parse(isoLocalDateTime).atZone(ROSARIO).toInstant();
    }
}
