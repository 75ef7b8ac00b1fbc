package org.acceso.notification.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.acceso.notification.config.NotificationConfig;
import org.acceso.notification.domain.TrackedRequest;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Writes the receipt e-mail in the requester's language, with dates as a person reads them. */
@ApplicationScoped
public class ReceiptWriter {

    static final Locale SPANISH = Locale.forLanguageTag("es-AR");
    static final DateTimeFormatter SPANISH_DATE = DateTimeFormatter.ofPattern("EEEE d 'de' MMMM 'de' yyyy", SPANISH);
    static final DateTimeFormatter ENGLISH_DATE = DateTimeFormatter.ofPattern("EEEE, d MMMM yyyy", Locale.ENGLISH);
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final NotificationConfig config;

    public ReceiptWriter(NotificationConfig config) {
        this.config = config;
    }

    /** A rendered e-mail. */
    public record Email(String subject, String body) {
    }

    public Email write(TrackedRequest request) {
        boolean english = "en".equals(request.language);
        DateTimeFormatter dates = english ? ENGLISH_DATE : SPANISH_DATE;
        ZoneId zone = ZoneId.of(request.zone);
        LocalDate filedOn = request.filedAt.atZone(zone).toLocalDate();
        Emails.Receipt receipt = new Emails.Receipt(request.recipientName, request.trackingNumber, request.subject,
                dates.format(filedOn), dates.format(request.dueOn), TIME.format(request.dueAt.atZone(zone)),
                request.responseDays, config.mail().signature());
        return english
                ? new Email(Emails.receipt_en$subject(receipt).render().strip(), Emails.receipt_en(receipt).render().strip())
                : new Email(Emails.receipt_es$subject(receipt).render().strip(), Emails.receipt_es(receipt).render().strip());
    }
}
