package org.acceso.request.service;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import jakarta.enterprise.context.ApplicationScoped;
import org.acceso.request.domain.PersonalDataDetector;
import org.acceso.request.domain.PersonalDataDetector.Finding;
import org.acceso.request.domain.PersonalDataDetector.Identity;
import org.acceso.request.domain.PersonalDataDetector.Kind;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.odf.OpenDocumentParser;
import org.apache.tika.sax.BodyContentHandler;
import org.jboss.logging.Logger;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The public copies of a request's documents: what personal data each holds ({@link #scan}) and its redacted copy
 * ({@link #copy}), each removed datum replaced by {@code [dato personal]}. By kind:
 * <ul>
 *   <li>PDF: its text layer; the copy blacks out each datum on a rasterised page with an invisible redacted text
 *       layer, other pages untouched ({@link PdfPages}). A PDF with no text at all (a scan) cannot be checked and is
 *       not published.</li>
 *   <li>DOCX (Apache POI) and ODT (Apache Tika): their text, body, tables, headers and footers; the copy is a new PDF
 *       of the redacted text (so no metadata, comment, tracked change or embedded file of the original can travel).</li>
 *   <li>CSV: cell by cell, and whole columns whose header names personal data ("nombre", "dni", "domicilio"...); the
 *       copy is the same table, UTF-8.</li>
 *   <li>Plain text: the redacted text, UTF-8.</li>
 *   <li>Images and spreadsheets: their content cannot be checked here, so they are never published.</li>
 * </ul>
 */
@ApplicationScoped
public class PublicCopies {

    static final String PDF = "application/pdf";
    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    static final String ODT = "application/vnd.oasis.opendocument.text";
    static final String CSV = "text/csv";
    static final String TEXT = "text/plain";

    private static final int CONTEXT = 30;
    /** Column headers (normalised) that name personal data: every cell below is one. */
    private static final Map<String, Kind> PERSONAL_COLUMNS = Map.ofEntries(
            Map.entry("nombre", Kind.NAME), Map.entry("nombres", Kind.NAME), Map.entry("apellido", Kind.NAME),
            Map.entry("apellidos", Kind.NAME), Map.entry("apellido y nombre", Kind.NAME),
            Map.entry("nombre y apellido", Kind.NAME), Map.entry("titular", Kind.NAME),
            Map.entry("solicitante", Kind.NAME), Map.entry("dni", Kind.DNI), Map.entry("documento", Kind.DNI),
            Map.entry("email", Kind.EMAIL), Map.entry("e-mail", Kind.EMAIL), Map.entry("mail", Kind.EMAIL),
            Map.entry("correo", Kind.EMAIL), Map.entry("telefono", Kind.PHONE), Map.entry("tel", Kind.PHONE),
            Map.entry("celular", Kind.PHONE), Map.entry("domicilio", Kind.ADDRESS), Map.entry("direccion", Kind.ADDRESS));

    private static final Logger LOG = Logger.getLogger(PublicCopies.class);

    private final PersonalDataDetector detector = PersonalDataDetector.standard();

    /** Where a datum was found in a document: page (PDF), or row and column (CSV), or place in the text. */
    public record Located(Kind kind, String text, boolean requester, Integer page, Integer row, Integer column,
                          int start, int end, String context) {
    }

    /** Whether a document can be published at all (and if not, why), and the personal data found in it. */
    public record Scan(boolean publishable, String reason, List<Located> findings) {
    }

    /** A redacted copy: its name, type, bytes, and how many data were removed. */
    public record Copy(String name, String mediaType, byte[] content, int redactions) {
    }

    /** A document that cannot be published: its content cannot be checked for personal data. */
    public static class Unpublishable extends RuntimeException {
        Unpublishable(String reason) {
            super(reason);
        }
    }

    public PersonalDataDetector detector() {
        return detector;
    }

    /** The personal data in a document (name, media type, bytes). */
    public Scan scan(String name, String mediaType, byte[] content, Identity requester) {
        try {
            List<Located> found = new ArrayList<>();
            switch (mediaType) {
                case PDF -> {
                    List<PdfPages.PageText> pages = PdfPages.text(content);
                    if (pages.stream().allMatch(page -> page.text().isBlank())) {
                        throw new Unpublishable(noText(name));
                    }
                    for (int p = 0; p < pages.size(); p++) {
                        String text = pages.get(p).text();
                        for (Finding f : detector.detect(text, requester)) {
                            found.add(located(f, text, p + 1, null, null));
                        }
                    }
                }
                case DOCX, ODT, TEXT -> {
                    String text = text(mediaType, content);
                    detector.detect(text, requester).forEach(f -> found.add(located(f, text, null, null, null)));
                }
                case CSV -> {
                    List<List<String>> rows = table(content).rows();
                    List<Kind> columns = personalColumns(rows);
                    for (int r = 0; r < rows.size(); r++) {
                        for (int c = 0; c < rows.get(r).size(); c++) {
                            String cell = rows.get(r).get(c);
                            for (Finding f : cell(cell, r, columns.get(c), requester)) {
                                found.add(located(f, cell, null, r + 1, c + 1));
                            }
                        }
                    }
                }
                default -> throw new Unpublishable(name + " is " + mediaType + ": its content cannot be checked for "
                        + "personal data here, so it is never published (attach it as PDF, DOCX, ODT, CSV or text)");
            }
            return new Scan(true, null, List.copyOf(found));
        } catch (Unpublishable e) {
            return new Scan(false, e.getMessage(), List.of());
        } catch (RuntimeException | IOException e) {
            LOG.infof("%s (%s) cannot be read for publication: %s", name, mediaType, e.toString());
            return new Scan(false, name + " cannot be read (" + mediaType + "), so it cannot be checked for personal "
                    + "data", List.of());
        }
    }

    /**
     * The redacted copy of a document: every datum found is removed but those {@code kept} (never the requester's
     * own).
     *
     * @throws Unpublishable when the document cannot be checked
     */
    public Copy copy(String name, String mediaType, byte[] content, Identity requester, Predicate<Finding> kept) {
        Scan scan = scan(name, mediaType, content, requester);
        if (!scan.publishable()) {
            throw new Unpublishable(scan.reason());
        }
        Predicate<Finding> removed = f -> f.requester() || !kept.test(f);
        try {
            return switch (mediaType) {
                case PDF -> {
                    int[] count = {0};
                    byte[] copy = PdfPages.redact(content, page -> {
                        List<int[]> spans = detector.detect(page.text(), requester).stream().filter(removed)
                                .map(f -> new int[] {f.start(), f.end()}).toList();
                        count[0] += spans.size();
                        return spans;
                    }, page -> PersonalDataDetector.redact(page.text(),
                            detector.detect(page.text(), requester).stream().filter(removed).toList()));
                    yield new Copy(name, PDF, copy, count[0]);
                }
                case DOCX, ODT -> {
                    String text = text(mediaType, content);
                    List<Finding> gone = detector.detect(text, requester).stream().filter(removed).toList();
                    yield new Copy(baseName(name) + ".pdf", PDF,
                            PdfPages.fromText(baseName(name), PersonalDataDetector.redact(text, gone)), gone.size());
                }
                case TEXT -> {
                    String text = text(mediaType, content);
                    List<Finding> gone = detector.detect(text, requester).stream().filter(removed).toList();
                    yield new Copy(name, TEXT, PersonalDataDetector.redact(text, gone).getBytes(StandardCharsets.UTF_8),
                            gone.size());
                }
                case CSV -> {
                    Table table = table(content);
                    List<Kind> columns = personalColumns(table.rows());
                    int count = 0;
                    List<List<String>> redacted = new ArrayList<>();
                    for (int r = 0; r < table.rows().size(); r++) {
                        List<String> row = new ArrayList<>();
                        for (int c = 0; c < table.rows().get(r).size(); c++) {
                            String cell = table.rows().get(r).get(c);
                            List<Finding> gone = cell(cell, r, columns.get(c), requester).stream().filter(removed).toList();
                            count += gone.size();
                            row.add(PersonalDataDetector.redact(cell, gone));
                        }
                        redacted.add(row);
                    }
                    yield new Copy(name, CSV, csv(redacted, table.separator()), count);
                }
                default -> throw new Unpublishable(scan.reason());
            };
        } catch (IOException e) {
            throw new Unpublishable(name + " cannot be read (" + mediaType + ")");
        }
    }

    /** The data of one cell: a cell under a personal column is one datum whole (its header row excepted). */
    private List<Finding> cell(String cell, int row, Kind column, Identity requester) {
        if (column != null && row > 0 && !cell.isBlank()) {
            String value = cell.strip();
            int start = cell.indexOf(value);
            boolean own = requester.name() != null && PersonalDataDetector.fold(requester.name())
                    .contains(PersonalDataDetector.fold(value));
            return List.of(new Finding(column, start, start + value.length(), value, own));
        }
        return detector.detectCell(cell, requester);
    }

    /** For each column, the kind of personal data its header names, or null. */
    private static List<Kind> personalColumns(List<List<String>> rows) {
        int width = rows.stream().mapToInt(List::size).max().orElse(0);
        List<Kind> kinds = new ArrayList<>();
        for (int c = 0; c < width; c++) {
            String header = rows.isEmpty() || c >= rows.get(0).size() ? "" : PersonalDataDetector.fold(rows.get(0).get(c).strip());
            kinds.add(PERSONAL_COLUMNS.get(header));
        }
        return kinds;
    }

    private static Located located(Finding f, String text, Integer page, Integer row, Integer column) {
        String context = text.substring(Math.max(0, f.start() - CONTEXT), Math.min(text.length(), f.end() + CONTEXT))
                .replaceAll("\\s+", " ");
        return new Located(f.kind(), f.text(), f.requester(), page, row, column, f.start(), f.end(), context);
    }

    /** The text of a DOCX, an ODT or a plain-text file. */
    static String text(String mediaType, byte[] content) throws IOException {
        return switch (mediaType) {
            case DOCX -> {
                try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(content));
                     XWPFWordExtractor extractor = new XWPFWordExtractor(document)) {
                    yield extractor.getText();
                }
            }
            case ODT -> {
                BodyContentHandler handler = new BodyContentHandler(-1);
                try (TikaInputStream in = TikaInputStream.get(content)) {
                    new OpenDocumentParser().parse(in, handler, new Metadata(), new ParseContext());
                } catch (org.xml.sax.SAXException | org.apache.tika.exception.TikaException e) {
                    throw new IOException(e);
                }
                yield handler.toString();
            }
            default -> decode(content);
        };
    }

    record Table(List<List<String>> rows, char separator) {
    }

    /** A CSV file's rows; the separator is ';' when the first line has more of them than commas (spreadsheets in Spanish). */
    static Table table(byte[] content) throws IOException {
        String text = decode(content);
        String firstLine = text.lines().findFirst().orElse("");
        char separator = firstLine.chars().filter(c -> c == ';').count() > firstLine.chars().filter(c -> c == ',').count()
                ? ';' : ',';
        CsvMapper mapper = new CsvMapper();
        List<List<String>> rows = new ArrayList<>();
        try (MappingIterator<List<String>> it = mapper.readerForListOf(String.class)
                .with(CsvParser.Feature.WRAP_AS_ARRAY)
                .with(CsvSchema.emptySchema().withColumnSeparator(separator))
                .readValues(text)) {
            while (it.hasNext()) {
                rows.add(new ArrayList<>(it.next()));
            }
        }
        return new Table(rows, separator);
    }

    private static byte[] csv(List<List<String>> rows, char separator) throws IOException {
        // quotes only the cells that need them (the separator, a quote, a line break), as the source had them
        return new CsvMapper().enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING)
                .writer(CsvSchema.emptySchema().withColumnSeparator(separator)).writeValueAsBytes(rows);
    }

    /** UTF-8 (a byte-order mark dropped), or Windows-1252 when the bytes are not UTF-8. */
    static String decode(byte[] content) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            return new String(content, Charset.forName("windows-1252"));
        }
    }

    private static String baseName(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private static String noText(String name) {
        return name + " has no text layer (a scan): its content cannot be checked for personal data, so it is not "
                + "published; attach a PDF with text, or keep it for the requester only";
    }
}
