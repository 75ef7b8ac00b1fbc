package org.acceso.request.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.acceso.request.config.RequestConfig;
import org.acceso.request.domain.Agency;
import org.acceso.request.domain.InformationRequest;
import org.acceso.request.domain.Language;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.EnumMap;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The printable receipt of a request (Apache PDFBox): who issues it, the tracking number, subject, agency, when and how
 * it was received and the legal due date, written out in the request's language and the jurisdiction's zone, for a
 * requester who has no e-mail to receive it by. The due date is the one the legal clock computed (deadline-service,
 * told through {@code DeadlineScheduled}); until it is known there is no receipt ({@link DueDateNotKnownYet}), never a
 * date of our own. Text in Liberation Sans (shipped inside PDFBox, embedded as a subset), so any name or subject
 * prints; a character the font lacks prints as "?".
 */
@ApplicationScoped
public class Receipts {

    /** The legal clock has not told the request's due date yet (it does within seconds of the filing). */
    public static class DueDateNotKnownYet extends RuntimeException {
        public DueDateNotKnownYet(String trackingNumber) {
            super("The legal due date of " + trackingNumber + " is being computed; try again in a few seconds");
        }
    }

    private static final float MARGIN = 56;
    private static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";

    private final RequestConfig config;
    private final LawInForce law;
    private final Clock clock;
    private final Map<Language, Properties> words = new EnumMap<>(Language.class);

    public Receipts(RequestConfig config, LawInForce law, Clock clock) {
        this.config = config;
        this.law = law;
        this.clock = clock;
        for (Language language : Language.values()) {
            words.put(language, load("/receipts/words_" + language.code() + ".properties"));
        }
    }

    /**
     * The receipt of {@code request} as a PDF, in its language; with the requester's name when {@code showRequester}
     * (the viewer may see who asked).
     *
     * @throws DueDateNotKnownYet while the legal clock has not scheduled the request's deadline
     */
    public byte[] pdf(InformationRequest request, boolean showRequester) {
        if (request.dueAt == null) {
            throw new DueDateNotKnownYet(request.trackingNumber);
        }
        Language language = Language.fromCode(request.language).orElse(Language.DEFAULT);
        Properties w = words.get(language);
        Locale locale = "es".equals(language.code()) ? Locale.forLanguageTag("es-AR") : Locale.forLanguageTag(language.code());
        ZoneId zone = law.zone();
        DateTimeFormatter dates = DateTimeFormatter.ofPattern(w.getProperty("date_pattern"), locale);
        String zoneName = " (" + zone.getDisplayName(TextStyle.FULL, locale) + ")";

        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDFont text;
            try (InputStream font = Receipts.class.getResourceAsStream(FONT)) {
                text = PDType0Font.load(document, font);
            }
            PDFont bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                Writer writer = new Writer(content, page.getMediaBox().getHeight() - MARGIN,
                        page.getMediaBox().getWidth() - 2 * MARGIN);
                writer.line(bold, 11, config.receipt().issuer(), 4);
                writer.line(bold, 20, w.getProperty("title"), 2);
                writer.paragraph(text, 12, w.getProperty("subtitle"), 18);
                writer.line(bold, 10, w.getProperty("tracking_number"), 2);
                writer.line(bold, 22, request.trackingNumber, 16);
                writer.field(bold, text, w.getProperty("subject"), request.subject);
                writer.field(bold, text, w.getProperty("agency"), agency(request, w));
                writer.field(bold, text, w.getProperty("received_at"), dates.format(request.filedAt.atZone(zone)) + zoneName);
                writer.field(bold, text, w.getProperty("channel"), w.getProperty("channel."
                        + (request.channel() == null ? "IMPORTED" : request.channel().name())));
                if (showRequester && request.requesterName != null) {
                    writer.field(bold, text, w.getProperty("requester"), request.requesterName);
                }
                writer.line(bold, 10, w.getProperty("due_at"), 2);
                writer.paragraph(bold, 14, dates.format(request.dueAt.atZone(zone)) + zoneName, 8);
                writer.paragraph(text, 11, w.getProperty("due_note"), 12);
                writer.paragraph(text, 11, w.getProperty("keep"), 24);
                Instant now = clock.instant();
                writer.paragraph(text, 9, w.getProperty("issued_at") + " " + dates.format(now.atZone(zone)) + zoneName, 0);
            }
            describe(document, language, request.trackingNumber + " — " + w.getProperty("title"), config.receipt().issuer());
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the receipt of " + request.trackingNumber, e);
        }
    }

    private static String agency(InformationRequest request, Properties w) {
        if (request.agencyCode == null) {
            return w.getProperty("agency_unrouted");
        }
        Agency agency = Agency.findById(request.agencyCode);
        return agency == null ? request.agencyCode : agency.name;
    }

    /** Title, author, language and dates, so readers and screen readers present it properly. */
    private void describe(PDDocument document, Language language, String title, String issuer) {
        PDDocumentInformation info = document.getDocumentInformation();
        info.setTitle(title);
        info.setAuthor(issuer);
        info.setCreator("Acceso");
        Calendar created = GregorianCalendar.from(clock.instant().atZone(law.zone()));
        info.setCreationDate(created);
        document.getDocumentCatalog().setLanguage("es".equals(language.code()) ? "es-AR" : language.code());
    }

    private static Properties load(String resource) {
        Properties properties = new Properties();
        try (InputStream in = Receipts.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + resource);
            }
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    /** Writes lines down the page from the top, wrapping text at the page's width. */
    private static final class Writer {

        private final PDPageContentStream content;
        private final float width;
        private float y;

        Writer(PDPageContentStream content, float top, float width) {
            this.content = content;
            this.y = top;
            this.width = width;
        }

        /** A label and its value under it. */
        void field(PDFont labelFont, PDFont valueFont, String label, String value) throws IOException {
            line(labelFont, 10, label, 2);
            paragraph(valueFont, 12, value, 10);
        }

        void line(PDFont font, float size, String text, float spaceAfter) throws IOException {
            show(font, size, printable(font, text));
            y -= spaceAfter;
        }

        /** {@code text} wrapped at the page's width, each of its own lines kept. */
        void paragraph(PDFont font, float size, String text, float spaceAfter) throws IOException {
            for (String own : printable(font, text).split("\n")) {
                for (String wrapped : wrap(font, size, own)) {
                    show(font, size, wrapped);
                }
            }
            y -= spaceAfter;
        }

        private void show(PDFont font, float size, String text) throws IOException {
            y -= size * 1.25f;
            content.beginText();
            content.setFont(font, size);
            content.newLineAtOffset(MARGIN, y);
            content.showText(text);
            content.endText();
        }

        private List<String> wrap(PDFont font, float size, String text) throws IOException {
            List<String> lines = new ArrayList<>();
            StringBuilder current = new StringBuilder();
            for (String word : text.strip().split(" +")) {
                String candidate = current.isEmpty() ? word : current + " " + word;
                if (width(font, size, candidate) <= width) {
                    current.setLength(0);
                    current.append(candidate);
                    continue;
                }
                if (!current.isEmpty()) {
                    lines.add(current.toString());
                    current.setLength(0);
                }
                // a word wider than the page is cut where it must be
                for (int cp : word.codePoints().toArray()) {
                    String more = current + new String(Character.toChars(cp));
                    if (!current.isEmpty() && width(font, size, more) > width) {
                        lines.add(current.toString());
                        current.setLength(0);
                    }
                    current.appendCodePoint(cp);
                }
            }
            lines.add(current.toString());
            return lines;
        }

        private static float width(PDFont font, float size, String text) throws IOException {
            return font.getStringWidth(text) / 1000 * size;
        }

        /** {@code text} with tabs as spaces, other control characters dropped and what the font lacks as "?". */
        private static String printable(PDFont font, String text) {
            StringBuilder kept = new StringBuilder();
            text.replace("\r\n", "\n").codePoints().forEach(cp -> {
                if (cp == '\n') {
                    kept.append('\n');
                } else if (cp == '\t') {
                    kept.append(' ');
                } else if (!Character.isISOControl(cp)) {
                    String character = new String(Character.toChars(cp));
                    try {
                        font.encode(character);
                        kept.append(character);
                    } catch (IOException | IllegalArgumentException lacking) {
                        kept.append('?');
                    }
                }
            });
            return kept.toString();
        }
    }
}
