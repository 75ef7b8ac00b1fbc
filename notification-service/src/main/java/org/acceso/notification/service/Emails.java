package org.acceso.notification.service;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The e-mail templates, one per language, checked at build time (templates/emails/*.txt). Each has a
 * {@code subject} fragment that is not part of the body.
 */
@CheckedTemplate(basePath = "emails")
public class Emails {

    /** What a receipt says: all of it already formatted for the reader's language. */
    public record Receipt(String name, String trackingNumber, String subject, String filedOn, String dueOn,
                          String dueTime, int responseDays, String signature) {
    }

    public static native TemplateInstance receipt_es(Receipt receipt);

    public static native TemplateInstance receipt_es$subject(Receipt receipt);

    public static native TemplateInstance receipt_en(Receipt receipt);

    public static native TemplateInstance receipt_en$subject(Receipt receipt);

    private Emails() {
    }
}
