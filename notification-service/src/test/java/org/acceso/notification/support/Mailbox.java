package org.acceso.notification.support;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.acceso.testsupport.GreenMailResource;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;


/** What the test SMTP server received, by recipient. */
public final class Mailbox {

    /** Long enough for a loaded 2-core machine; a passing test returns as soon as the mail is there. */
    public static final Duration WAIT = Duration.ofSeconds(60);

    private Mailbox() {
    }

    /** The mails to {@code address}, in the order they arrived, once there are at least {@code count}. */
    public static List<MimeMessage> await(String address, int count) {
        return await(address, count, WAIT);
    }

    public static List<MimeMessage> await(String address, int count, Duration atMost) {
        org.awaitility.Awaitility.await().atMost(atMost).until(() -> to(address).size() >= count);
        return to(address);
    }

    /** The one mail to {@code address} whose subject contains {@code text}. */
    public static MimeMessage awaitSubject(String address, String text) {
        org.awaitility.Awaitility.await().atMost(WAIT).until(() -> to(address).stream().anyMatch(m -> subject(m).contains(text)));
        List<MimeMessage> found = to(address).stream().filter(m -> subject(m).contains(text)).toList();
        if (found.size() != 1) {
            throw new AssertionError(found.size() + " mails to " + address + " about '" + text + "'");
        }
        return found.get(0);
    }

    /** Asserts that {@code address} keeps receiving exactly {@code count} mails for a while. */
    public static void assertStays(String address, int count, Duration during) {
        org.awaitility.Awaitility.await().during(during).atMost(during.plus(WAIT)).until(() -> to(address).size() == count);
    }

    public static List<MimeMessage> to(String address) {
        return Arrays.stream(GreenMailResource.greenMail().getReceivedMessages())
                .filter(m -> {
                    try {
                        return m.getRecipients(Message.RecipientType.TO) != null && Arrays.stream(
                                m.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().equalsIgnoreCase(address));
                    } catch (MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
    }

    public static String subject(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static List<String> subjects(String address) {
        return to(address).stream().map(Mailbox::subject).toList();
    }

    public static String text(MimeMessage mail) {
        return GreenMailResource.text(mail);
    }

    public static String html(MimeMessage mail) {
        return GreenMailResource.html(mail);
    }
}
