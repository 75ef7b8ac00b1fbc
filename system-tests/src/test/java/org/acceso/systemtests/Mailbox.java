package org.acceso.systemtests;

import io.restassured.path.json.JsonPath;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.acceso.launcher.MailCatcher;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the SMTP catcher received, read through its REST API (the launcher's {@link MailCatcher}) and decoded to plain
 * text so tests can look for words in it.
 */
final class Mailbox {

    private static final Pattern NUMERIC_ENTITY = Pattern.compile("&#(x?)([0-9a-fA-F]+);");
    private static final Session SESSION = Session.getInstance(new Properties());

    private final MailCatcher catcher;

    Mailbox(MailCatcher catcher) {
        this.catcher = catcher;
    }

    /** Every message received with {@code address} among its recipients (To), in arrival order. */
    List<Mail> to(String address) {
        String wanted = address.toLowerCase(Locale.ROOT);
        return received(address).stream().filter(mail -> mail.to().contains(wanted)).toList();
    }

    private List<Mail> received(String mailbox) {
        List<String> raw = JsonPath.from(catcher.messagesJson(mailbox)).getList("mimeMessage", String.class);
        return raw == null ? List.of() : raw.stream().map(Mailbox::decode).toList();
    }

    /** The messages for {@code address} that name {@code word} in their subject or body. */
    List<Mail> to(String address, String word) {
        return to(address).stream().filter(mail -> mail.mentions(word)).toList();
    }

    /** Every message received, mailbox by mailbox, for failure messages. */
    List<Mail> everything() {
        List<String> mailboxes = JsonPath.from(catcher.usersJson()).getList("email", String.class);
        return mailboxes == null ? List.of() : mailboxes.stream().flatMap(mailbox -> received(mailbox).stream()).distinct().toList();
    }

    /** One received message: recipients in lower case, subject and body text with whitespace collapsed. */
    record Mail(String from, List<String> to, String subject, String text) {

        boolean mentions(String word) {
            return subject.contains(word) || text.contains(word);
        }

        @Override
        public String toString() {
            return "Mail{from=" + from + ", to=" + to + ", subject=" + subject + ", text=" + text + "}";
        }
    }

    private static Mail decode(String raw) {
        try {
            MimeMessage message = new MimeMessage(SESSION, new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8)));
            Address[] from = message.getFrom();
            Address[] recipients = message.getRecipients(Message.RecipientType.TO);
            return new Mail(
                    from == null || from.length == 0 ? "" : from[0].toString(),
                    recipients == null ? List.of() : Arrays.stream(recipients)
                            .map(Mailbox::bareAddress)
                            .toList(),
                    normalize(message.getSubject() == null ? "" : message.getSubject()),
                    normalize(text(message)));
        } catch (MessagingException | IOException e) {
            throw new AssertionError("Could not read a received e-mail", e);
        }
    }

    private static String bareAddress(Address address) {
        String text = address instanceof InternetAddress internet ? internet.getAddress() : address.toString();
        return text.toLowerCase(Locale.ROOT);
    }

    /** The decoded text of every text part; HTML parts without their tags. */
    private static String text(Part part) throws MessagingException, IOException {
        if (part.isMimeType("text/plain")) {
            return String.valueOf(part.getContent());
        }
        if (part.isMimeType("text/html")) {
            return htmlToText(String.valueOf(part.getContent()));
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < multipart.getCount(); i++) {
                text.append(text(multipart.getBodyPart(i))).append('\n');
            }
            return text.toString();
        }
        return "";
    }

    private static String htmlToText(String html) {
        String text = html.replaceAll("(?is)<(style|script)[^>]*>.*?</\\1>", " ")
                .replaceAll("<[^>]+>", " ")
                .replace("&nbsp;", " ")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&#39;", "'");
        Matcher entity = NUMERIC_ENTITY.matcher(text);
        StringBuilder decoded = new StringBuilder();
        while (entity.find()) {
            int codePoint = Integer.parseInt(entity.group(2), entity.group(1).isEmpty() ? 10 : 16);
            entity.appendReplacement(decoded, Matcher.quoteReplacement(Character.toString(codePoint)));
        }
        entity.appendTail(decoded);
        return decoded.toString().replace("&amp;", "&");
    }

    private static String normalize(String text) {
        return text.replace('\u00A0', ' ').replaceAll("\\s+", " ").trim();
    }
}
