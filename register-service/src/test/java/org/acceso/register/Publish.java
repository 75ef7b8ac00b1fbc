package org.acceso.register;

import org.acceso.contracts.EventCodec;
import org.acceso.contracts.PublicationEvent;
import org.acceso.contracts.PublicationWithdrawn;
import org.acceso.contracts.RequestPublished;
import org.acceso.contracts.Topics;
import org.acceso.testsupport.KafkaEvents;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/** Publication events as request-service publishes them, sent to the real broker, and factories for them. */
public final class Publish {

    private static final AtomicInteger NEXT = new AtomicInteger(ThreadLocalRandom.current().nextInt(100_000, 900_000));

    public static final RequestPublished.Ground PERSONAL_DATA = new RequestPublished.Ground("personal-data",
            "art. 8 inc. i)", "Datos personales que no puedan ser disociados", "Personal data that cannot be dissociated");

    private Publish() {
    }

    /** A tracking number no other test uses. */
    public static String trackingNumber() {
        return "AIP-2026-" + String.format("%06d", NEXT.incrementAndGet());
    }

    /** Sends one event about {@code requestId}; returns its event id. */
    public static UUID send(UUID requestId, PublicationEvent event) {
        UUID eventId = UUID.randomUUID();
        send(requestId, EventCodec.write(EventCodec.envelope(eventId, requestId, Instant.now(), event)));
        return eventId;
    }

    /** Sends a message as it is (an event's JSON, or anything else). */
    public static void send(UUID requestId, String message) {
        KafkaEvents.send(Topics.PUBLICATION_EVENTS, requestId.toString(), message);
    }

    public static PublicationWithdrawn withdrawn(String trackingNumber, Instant at) {
        return new PublicationWithdrawn(trackingNumber, at);
    }

    /** A request answered on time, published now, no documents, no embargo. */
    public static RequestPublished answered(String trackingNumber, String agency, String subject, String question,
                                            String answer, String outcome) {
        return published(trackingNumber, agency, subject, question, answer, outcome, List.of(), null, Instant.now());
    }

    public static RequestPublished published(String trackingNumber, String agency, String subject, String question,
                                             String answer, String outcome, List<RequestPublished.Document> documents,
                                             LocalDate embargoUntil, Instant publishedAt) {
        Instant filedAt = publishedAt.minus(20, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        List<RequestPublished.Ground> grounds = outcome.equals("DENIED") || outcome.equals("PARTIALLY_GRANTED")
                ? List.of(PERSONAL_DATA) : List.of();
        return new RequestPublished(trackingNumber, agency, "Secretaría de " + agency, subject, question, answer, outcome,
                grounds, filedAt, publishedAt.minus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS),
                LocalDate.ofInstant(publishedAt, java.time.ZoneOffset.UTC).plusDays(1), true, false, documents,
                embargoUntil, publishedAt);
    }

    public static RequestPublished.Document document(UUID id, String fileName, String mediaType, byte[] bytes) {
        return new RequestPublished.Document(id, fileName, mediaType, bytes.length, sha256(bytes));
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
