package org.acceso.testsupport;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/** A real SMTP server (GreenMail) inside the test JVM on 127.0.0.1; tests read what it received. */
public class GreenMailResource implements QuarkusTestResourceLifecycleManager {

    private static GreenMail greenMail;
    private static int port;

    @Override
    public Map<String, String> start() {
        greenMail = startEmbedded();
        port = greenMail.getSmtp().getPort();
        return Map.of(
                "quarkus.mailer.host", "127.0.0.1",
                "quarkus.mailer.port", String.valueOf(greenMail.getSmtp().getPort()),
                "quarkus.mailer.mock", "false");
    }

    /** Starts an SMTP server on a free port; stop it when done. */
    public static GreenMail startEmbedded() {
        GreenMail mail = new GreenMail(new ServerSetup(KafkaResource.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        return mail;
    }

    /** Stops the SMTP server, to simulate a mail outage. */
    public static synchronized void stopServer() {
        if (greenMail != null) {
            greenMail.stop();
        }
    }

    /** Starts the SMTP server again on the same port, empty. */
    public static synchronized void restartServer() {
        greenMail.stop();
        greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
    }

    /**
     * The plain text of a received mail, decoded (GreenMailUtil.getBody gives the raw, encoded body): the whole
     * body of a plain-text mail, or the text/plain part of a multipart one.
     */
    public static String text(jakarta.mail.internet.MimeMessage mail) {
        return part(mail, "text/plain");
    }

    /** The text/html part of a received mail, decoded; null when it has none. */
    public static String html(jakarta.mail.internet.MimeMessage mail) {
        return part(mail, "text/html");
    }

    private static String part(jakarta.mail.Part part, String mimeType) {
        try {
            Object content = part.getContent();
            if (content instanceof jakarta.mail.Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    String found = part(multipart.getBodyPart(i), mimeType);
                    if (found != null) {
                        return found;
                    }
                }
                return null;
            }
            return part.isMimeType(mimeType) ? content.toString() : null;
        } catch (java.io.IOException | jakarta.mail.MessagingException e) {
            throw new IllegalStateException("Cannot read the mail's content", e);
        }
    }

    public static GreenMail greenMail() {
        return greenMail;
    }

    @Override
    public void stop() {
        if (greenMail != null) {
            greenMail.stop();
        }
    }
}
