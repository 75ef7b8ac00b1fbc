package org.acceso.systemtests;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.text.Normalizer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.acceso.systemtests.Gateway.anonymous;
import static org.acceso.systemtests.Gateway.as;
import static org.acceso.systemtests.Gateway.assertProblem;
import static org.acceso.systemtests.Gateway.awaitOrFail;
import static org.acceso.systemtests.Gateway.ok;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * "No personal data leaks", end to end: Ana files a request whose subject and question are full of her own data; Carla
 * answers it with an answer naming an inspector and three documents full of personal data (a PDF with a text layer, a
 * DOCX, a CSV); Carla publishes it through request-service's publication workflow with the proposal's redactions.
 * Then every public response of the register through the gateway (the list, a search, the request's page, similar
 * requests, every open-data export, the schema, each public document's extracted text) and a dump of
 * register-service's database (every row of every table) hold none of the seeded data, and read [dato personal] where
 * each was. Withdrawn through the workflow, the request is gone from the register and its database.
 */
@ExtendWith(SharedSystem.class)
class RegisterPrivacyIT {

    static final String MARK = "[dato personal]";

    static final String SUBJECT = "Repavimentación pedida por Ana Pérez frente a Córdoba 1234";
    static final String QUESTION = "Soy Ana Pérez, DNI 30.123.456, CUIT 20-30123456-3, y vivo en calle San Martín 550, "
            + "3° B. Pido copia de los contratos de repavimentación de 2025. Contacto: ana@example.org o "
            + "0341 15-555-1234.";
    static final String ANSWER = "Sra. Pérez: se adjuntan los contratos de repavimentación. Consultas al inspector Roberto "
            + "Sosa (roberto.sosa@example.org, +54 9 341 555-4321), en Av. Pellegrini 1500.";
    static final String PDF_PAGE_2 = "Expediente iniciado por Ana Pérez, DNI 30.123.456.\n"
            + "Domicilio: Córdoba 1234, tel. 0341 15-555-1234.\n"
            + "Inspector Roberto Sosa, roberto.sosa@example.org, CUIT 20-30123456-3.";
    static final String DOCX_TEXT = "Nota de la vecina Ana Pérez\nTeléfono 0341 15-555-1234, correo ana@example.org.\n"
            + "Domicilio: calle San Martín 550, 3° B.";
    static final String CSV = "nombre;apellido;dni;domicilio;monto\nAna;Pérez;30.123.456;Córdoba 1234;1500\n"
            + "Roberto;Sosa;28.456.789;Av. Pellegrini 1500;2300\n";

    /** Every seeded datum (and the parts of each a leak would show), compared without case or accents. */
    static final List<String> SEEDED = List.of("Ana Pérez", "Pérez", "ana@example.org", "30.123.456", "30123456",
            "28.456.789", "20-30123456-3", "555-1234", "5551234", "555-4321", "Córdoba 1234", "San Martín 550",
            "Roberto Sosa", "roberto.sosa", "Pellegrini");

    @Test
    void nothingPersonalReachesAnyPublicResponseNorTheRegistersDatabase() throws Exception {
        String id = created(as("ana").body(Map.of("subject", SUBJECT, "description", QUESTION)).post("/api/requests"));
        ok(as("elena").body(Map.of("agencyCode", "OBRAS")).post("/api/requests/{id}/assignment", id));
        String pdf = upload(id, "contratos.pdf", pdf(), "application/pdf");
        String docx = upload(id, "nota.docx", docx(),
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        String csv = upload(id, "padron.csv", CSV.getBytes(StandardCharsets.UTF_8), "text/csv");
        ok(as("carla").body(Map.of("outcome", "PARTIALLY_GRANTED", "text", ANSWER, "grounds", List.of("personal-data"),
                "documentIds", List.of(pdf, docx, csv))).post("/api/requests/{id}/answer", id));

        // the clerk's redaction step: the proposal's suggestions, every document public
        JsonPath proposal = ok(as("carla").get("/api/requests/{id}/publication/proposal", id));
        assertThat(proposal.getBoolean("publishable")).isTrue();
        assertThat(proposal.getList("question.personalData.kind", String.class))
                .contains("NAME", "DNI", "CUIT", "ADDRESS", "EMAIL", "PHONE");
        Map<String, Object> approval = new HashMap<>();
        approval.put("subject", proposal.getString("subject.suggestion"));
        approval.put("question", proposal.getString("question.suggestion"));
        approval.put("answer", proposal.getString("answer.suggestion"));
        approval.put("documents", List.of(Map.of("id", pdf, "visibility", "PUBLIC"),
                Map.of("id", docx, "visibility", "PUBLIC"), Map.of("id", csv, "visibility", "PUBLIC")));
        JsonPath published = ok(as("carla").body(approval).post("/api/requests/{id}/publication", id));
        assertThat(published.getString("status")).isEqualTo("PUBLISHED");
        String tracking = published.getString("trackingNumber");

        // waits poll with a token (the gateway counts fede on his own); every read below is anonymous
        awaitOrFail("the publication and its three document copies in the register", Duration.ofSeconds(90),
                () -> as("fede").get("/api/public/requests/{tracking}", tracking),
                r -> r.statusCode() == 200 && r.jsonPath().getList("documents").size() == 3);

        Map<String, String> responses = new LinkedHashMap<>();
        JsonPath page = ok(read(responses, "the request's page", anonymous().get("/api/public/requests/{t}", tracking)));
        assertThat(page.getString("subject")).isEqualTo("Repavimentación pedida por " + MARK + " frente a " + MARK);
        assertThat(page.getString("question")).isEqualTo("Soy " + MARK + ", DNI " + MARK + ", CUIT " + MARK
                + ", y vivo en " + MARK + ". Pido copia de los contratos de repavimentación de 2025. "
                + "Contacto: " + MARK + " o " + MARK + ".");
        assertThat(page.getString("answer")).isEqualTo("Sra. " + MARK + ": se adjuntan los contratos de repavimentación. "
                + "Consultas al inspector " + MARK + " (" + MARK + ", " + MARK + "), en " + MARK + ".");
        assertThat(ok(read(responses, "the register's list", anonymous().get("/api/public/requests?agency=OBRAS&size=100")))
                .getList("items.trackingNumber")).contains(tracking);
        assertThat(ok(read(responses, "a search", anonymous().get("/api/public/requests?q=contratos de repavimentación")))
                .getList("items.trackingNumber")).contains(tracking);
        assertThat(ok(read(responses, "similar requests", anonymous()
                .get("/api/public/similar?text=Copia de los contratos de repavimentación de 2025")))
                .getList("items.trackingNumber")).contains(tracking);
        for (String file : List.of("requests.csv", "requests.json", "statistics.csv", "statistics.json", "schema")) {
            Response export = anonymous().accept("*/*").get("/api/public/open-data/" + file);
            assertThat(export.statusCode()).as("%s: %s", file, export.asString()).isEqualTo(200);
            responses.put(file, export.asString());
        }
        assertThat(responses.get("requests.csv")).contains(tracking + ",OBRAS,").contains(MARK);
        assertThat(responses.get("requests.json")).contains(tracking).contains(MARK);

        List<String> texts = new ArrayList<>();
        Map<String, byte[]> served = new HashMap<>();
        for (Map<String, Object> document : page.<Map<String, Object>>getList("documents")) {
            Response download = anonymous().accept("*/*")
                    .get("/api/public/requests/{t}/documents/{d}", tracking, document.get("id"));
            assertThat(download.statusCode()).as("%s", document).isEqualTo(200);
            byte[] bytes = download.asByteArray();
            served.put((String) document.get("id"), bytes);
            String text = download.contentType().startsWith("application/pdf") ? pdfText(bytes)
                    : new String(bytes, StandardCharsets.UTF_8);
            responses.put("public document " + document.get("fileName") + " (its text)", text);
            texts.add(text);
        }
        assertThat(texts.get(0)).contains("Contratos de repavimentación 2025", "Expediente iniciado por " + MARK
                + ", DNI " + MARK + ".", "Domicilio: " + MARK + ", tel. " + MARK + ".");
        assertThat(texts.get(1)).contains("Nota de la vecina " + MARK, "Teléfono " + MARK + ", correo " + MARK + ".");
        assertThat(texts.get(2).lines().toList()).containsExactly("nombre;apellido;dni;domicilio;monto",
                MARK + ";" + MARK + ";" + MARK + ";" + MARK + ";1500", MARK + ";" + MARK + ";" + MARK + ";" + MARK + ";2300");

        responses.forEach(RegisterPrivacyIT::assertNoSeededData);

        // register-service's database, every row of every table; the document bytes it holds are the ones served
        String dump = dump();
        assertNoSeededData("the dump of acceso_register", dump);
        assertThat(dump).contains(tracking).contains(MARK);
        assertThat(storedDocuments(tracking)).containsOnlyKeys(served.keySet())
                .allSatisfy((document, bytes) -> assertThat(bytes).isEqualTo(served.get(document)));

        // withdrawn through the workflow: gone from the register and from its database
        ok(as("carla").body(Map.of("reason", "Publicado por error.")).delete("/api/requests/{id}/publication", id));
        awaitOrFail("the withdrawal in the register", Duration.ofSeconds(30),
                () -> as("fede").get("/api/public/requests/{tracking}", tracking), r -> r.statusCode() == 404);
        assertProblem(anonymous().get("/api/public/requests/{t}/documents/{d}", tracking, pdf), 404);
        assertThat(dump()).doesNotContain(tracking);
        assertThat(storedDocuments(tracking)).isEmpty();
    }

    private static String created(Response response) {
        assertThat(response.statusCode()).as("%s", response.asString()).isEqualTo(201);
        return response.jsonPath().getString("id");
    }

    private static String upload(String id, String name, byte[] content, String type) {
        Response uploaded = as("carla").contentType("multipart/form-data").multiPart("file", name, content, type)
                .post("/api/requests/{id}/documents", id);
        assertThat(uploaded.statusCode()).as("upload %s: %s", name, uploaded.asString()).isEqualTo(201);
        return uploaded.jsonPath().getString("id");
    }

    private static Response read(Map<String, String> responses, String what, Response response) {
        responses.put(what, response.asString());
        return response;
    }

    static void assertNoSeededData(String what, String text) {
        String folded = fold(text);
        for (String datum : SEEDED) {
            assertThat(folded).as("%s must not hold «%s»:%n%s", what, datum, text).doesNotContain(fold(datum));
        }
    }

    /** Lower case without accents, as a reader would search. */
    static String fold(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase();
    }

    /** register-service's database as a data-only dump shows it: every row of every table of every schema, as JSON. */
    private static String dump() throws SQLException {
        StringBuilder dump = new StringBuilder();
        try (Connection connection = register()) {
            List<String> tables = new ArrayList<>();
            try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(
                    "SELECT quote_ident(table_schema) || '.' || quote_ident(table_name) FROM information_schema.tables "
                            + "WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema') "
                            + "ORDER BY 1")) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
            assertThat(tables).contains("public.publication", "public.public_document", "public.statistics_month");
            for (String table : tables) {
                dump.append("-- ").append(table).append('\n');
                try (Statement statement = connection.createStatement();
                     ResultSet rows = statement.executeQuery("SELECT row_to_json(t)::text FROM " + table + " AS t")) {
                    while (rows.next()) {
                        dump.append(rows.getString(1)).append('\n');
                    }
                }
            }
        }
        return dump.toString();
    }

    /** The bytes of each public document the register holds for a request, put back together from their parts. */
    private static Map<String, byte[]> storedDocuments(String tracking) throws SQLException, IOException {
        Map<String, ByteArrayOutputStream> documents = new LinkedHashMap<>();
        try (Connection connection = register(); PreparedStatement statement = connection.prepareStatement(
                "SELECT d.id::text, part.bytes FROM publication p JOIN public_document d ON d.request_id = p.request_id "
                        + "JOIN public_document_part part ON part.document_id = d.id WHERE p.tracking_number = ? "
                        + "ORDER BY d.id, part.part")) {
            statement.setString(1, tracking);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    documents.computeIfAbsent(rows.getString(1), d -> new ByteArrayOutputStream()).write(rows.getBytes(2));
                }
            }
        }
        Map<String, byte[]> bytes = new HashMap<>();
        documents.forEach((id, out) -> bytes.put(id, out.toByteArray()));
        return bytes;
    }

    private static Connection register() throws SQLException {
        return DriverManager.getConnection(SharedSystem.get().stack().layout().jdbcUrl("acceso_register"),
                "acceso_register", "acceso");
    }

    /** A PDF with a text layer on two pages, its metadata naming Ana. */
    private static byte[] pdf() {
        try (PDDocument document = new PDDocument()) {
            PDDocumentInformation info = document.getDocumentInformation();
            info.setAuthor("Ana Pérez");
            info.setTitle("Expediente de Ana Pérez");
            for (String text : List.of("Contratos de repavimentación 2025\nMonto total: $ 1.234.567", PDF_PAGE_2)) {
                PDPage page = new PDPage(PDRectangle.A4);
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    content.beginText();
                    content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                    content.setLeading(16);
                    content.newLineAtOffset(60, 760);
                    for (String line : text.split("\n")) {
                        content.showText(line);
                        content.newLine();
                    }
                    content.endText();
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Everything a reader of the PDF could get out of it: its text layer and its metadata. */
    private static String pdfText(byte[] bytes) {
        try (PDDocument document = Loader.loadPDF(bytes)) {
            PDDocumentInformation info = document.getDocumentInformation();
            return new PDFTextStripper().getText(document) + "\n" + info.getAuthor() + "\n" + info.getTitle() + "\n"
                    + info.getSubject() + "\n" + info.getKeywords() + "\n" + info.getCreator();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A minimal DOCX (Office Open XML): one paragraph per line of its text, its core properties naming Ana. */
    private static byte[] docx() {
        StringBuilder paragraphs = new StringBuilder();
        for (String line : DOCX_TEXT.split("\n")) {
            paragraphs.append("<w:p><w:r><w:t xml:space=\"preserve\">").append(line).append("</w:t></w:r></w:p>");
        }
        Map<String, String> parts = new LinkedHashMap<>();
        parts.put("[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Override PartName=\"/word/document.xml\" "
                + "ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
                + "<Override PartName=\"/docProps/core.xml\" "
                + "ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/></Types>");
        parts.put("_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
                + "officeDocument\" Target=\"word/document.xml\"/>"
                + "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/"
                + "metadata/core-properties\" Target=\"docProps/core.xml\"/></Relationships>");
        parts.put("docProps/core.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                + "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
                + "xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:creator>Ana Pérez</dc:creator></cp:coreProperties>");
        parts.put("word/document.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                + "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>"
                + paragraphs + "</w:body></w:document>");
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(out)) {
                for (Map.Entry<String, String> part : parts.entrySet()) {
                    zip.putNextEntry(new ZipEntry(part.getKey()));
                    zip.write(part.getValue().getBytes(StandardCharsets.UTF_8));
                    zip.closeEntry();
                }
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
