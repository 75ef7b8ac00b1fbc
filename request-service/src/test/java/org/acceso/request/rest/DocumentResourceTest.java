package org.acceso.request.rest;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.acceso.request.domain.RequestStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static io.restassured.RestAssured.given;
import static org.acceso.request.Fixture.ANA;
import static org.acceso.request.Fixture.BEN;
import static org.acceso.request.Fixture.CARLA;
import static org.acceso.request.Fixture.DIEGO;
import static org.acceso.request.Fixture.ELENA;
import static org.acceso.request.Fixture.as;
import static org.acceso.request.Fixture.inStatus;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

/**
 * Documents of a request: stored byte for byte with their SHA-256, typed from their bytes (never from their name alone),
 * released to the requester by the answer, capped at {@code request.documents.max-size} (20 MB), and checked against
 * their checksum on every download.
 */
@QuarkusTest
class DocumentResourceTest {

    static final long MAX_SIZE = 20L * 1024 * 1024;

    @Inject
    AgroalDataSource db;

    static String assigned;

    static synchronized String assigned() {
        if (assigned == null) {
            assigned = inStatus(RequestStatus.ASSIGNED);
        }
        return assigned;
    }

    // ---- upload and download ----

    @Test
    void shouldStoreADocumentAndServeItByteForByteWithItsChecksum() {
        String id = assigned();
        byte[] pdf = pdf("Informe de obra 2025");

        Response stored = upload(CARLA, id, "informe de obra.pdf", pdf);

        stored.then().statusCode(201)
                .header("Location", containsString("/requests/" + id + "/documents/"))
                .body("id", notNullValue())
                .body("name", equalTo("informe de obra.pdf"))
                .body("mediaType", equalTo("application/pdf"))
                .body("size", equalTo(pdf.length))
                .body("sha256", equalTo(sha256Hex(pdf)))
                .body("released", equalTo(false));
        String documentId = stored.path("id");

        Response download = given().auth().oauth2(CARLA).get("/requests/" + id + "/documents/" + documentId);

        download.then().statusCode(200)
                .contentType("application/pdf")
                .header("Repr-Digest", "sha-256=:" + Base64.getEncoder().encodeToString(sha256(pdf)) + ":")
                .header("ETag", "\"" + sha256Hex(pdf) + "\"")
                .header("Content-Disposition", containsString("attachment"))
                .header("Content-Disposition", containsString("filename*=UTF-8''informe%20de%20obra.pdf"))
                .header("X-Content-Type-Options", "nosniff");
        assertThat(download.asByteArray()).isEqualTo(pdf);
        given().auth().oauth2(ELENA).get("/requests/" + id + "/documents").then().statusCode(200)
                .body("find { it.id == '" + documentId + "' }.sha256", equalTo(sha256Hex(pdf)));
    }

    @Test
    void shouldHideAnUnreleasedClerkDocumentFromTheRequesterUntilTheAnswerReleasesIt() {
        String id = inStatus(RequestStatus.ASSIGNED);
        byte[] pdf = pdf("Contratos con datos disociados");
        String documentId = upload(CARLA, id, "contratos.pdf", pdf).then().statusCode(201).extract().path("id");

        given().auth().oauth2(ANA).get("/requests/" + id + "/documents").then().statusCode(200)
                .body("id", not(hasItem(documentId)));
        given().auth().oauth2(ANA).get("/requests/" + id).then().statusCode(200)
                .body("documents.id", not(hasItem(documentId)));
        given().auth().oauth2(ANA).get("/requests/" + id + "/documents/" + documentId).then().statusCode(404)
                .contentType("application/problem+json").body("status", equalTo(404)).body("detail", notNullValue());

        as(CARLA).body(Map.of("outcome", "PARTIALLY_GRANTED", "text", "Se entregan los contratos sin datos personales.",
                        "grounds", List.of("personal-data"), "documentIds", List.of(documentId)))
                .post("/requests/" + id + "/answer").then().statusCode(200);

        given().auth().oauth2(ANA).get("/requests/" + id + "/documents").then().statusCode(200)
                .body("find { it.id == '" + documentId + "' }.released", equalTo(true));
        Response download = given().auth().oauth2(ANA).get("/requests/" + id + "/documents/" + documentId);
        download.then().statusCode(200).header("ETag", "\"" + sha256Hex(pdf) + "\"");
        assertThat(download.asByteArray()).isEqualTo(pdf);
        given().auth().oauth2(BEN).get("/requests/" + id + "/documents/" + documentId).then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(DIEGO).get("/requests/" + id + "/documents/" + documentId).then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void shouldLetTheRequesterReadWhatTheyUploadedThemselves() {
        String id = inStatus(RequestStatus.ASSIGNED);
        byte[] text = "Adjunto el número de expediente: 1234/2025.\n".getBytes(StandardCharsets.UTF_8);
        String documentId = upload(ANA, id, "expediente.txt", text).then().statusCode(201)
                .body("mediaType", equalTo("text/plain")).extract().path("id");

        Response download = given().auth().oauth2(ANA).get("/requests/" + id + "/documents/" + documentId);
        download.then().statusCode(200);
        assertThat(download.asByteArray()).isEqualTo(text);
        given().auth().oauth2(CARLA).get("/requests/" + id + "/documents").then().statusCode(200).body("id", hasItem(documentId));
    }

    // ---- size ----

    @Test
    void shouldRefuseADocumentJustOverTwentyMegabytesWithA413() {
        String id = assigned();
        long before = documents(id);
        byte[] big = Arrays.copyOf(pdf("grande"), (int) MAX_SIZE + 1);

        Response response = upload(CARLA, id, "grande.pdf", big);

        response.then().statusCode(413).contentType("application/problem+json")
                .body("status", equalTo(413)).body("title", notNullValue()).body("detail", containsString("20 MB"));
        assertNoInternals(response);
        assertThat(documents(id)).isEqualTo(before);
    }

    @Test
    void shouldRefuseABodyWellOverTheCapBeforeReadingIt() {
        String id = assigned();
        long before = documents(id);
        byte[] big = Arrays.copyOf(pdf("enorme"), (int) MAX_SIZE + 200 * 1024);

        Response response = upload(CARLA, id, "enorme.pdf", big);

        response.then().statusCode(413).contentType("application/problem+json")
                .body("status", equalTo(413)).body("title", notNullValue()).body("detail", notNullValue());
        assertNoInternals(response);
        assertThat(documents(id)).isEqualTo(before);
    }

    // ---- types, from the bytes ----

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "informe.pdf, application/pdf",
            "plano.png, image/png",
            "foto.jpg, image/jpeg",
            "foto.jpeg, image/jpeg",
            "montos.csv, text/csv",
            "nota.txt, text/plain",
            "contrato.docx, application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "planilla.xlsx, application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "acta.odt, application/vnd.oasis.opendocument.text",
            "planilla.ods, application/vnd.oasis.opendocument.spreadsheet"})
    void shouldRecognizeEachAcceptedKindFromItsBytes(String name, String mediaType) {
        String id = assigned();
        byte[] content = file(name);

        Response stored = upload(CARLA, id, name, content);

        stored.then().statusCode(201).body("mediaType", equalTo(mediaType)).body("size", equalTo(content.length))
                .body("sha256", equalTo(sha256Hex(content)));
        Response download = given().auth().oauth2(CARLA).get("/requests/" + id + "/documents/" + stored.path("id"));
        download.then().statusCode(200).contentType(mediaType);
        assertThat(download.asByteArray()).isEqualTo(content);
    }

    @ParameterizedTest(name = "{1} named {0}")
    @CsvSource({
            "informe.pdf, an ELF executable",
            "informe.pdf, a Windows executable",
            "informe.pdf, an HTML page",
            "informe.pdf, a PNG image",
            "nota.txt, an HTML page",
            "plano.png, a PDF",
            "informe.pdf, a DOCX",
            "contrato.docx, a plain ZIP",
            "acta.odt, a plain ZIP",
            "planilla.csv, an ELF executable",
            "script.sh, a shell script",
            "imagen.svg, an SVG image"})
    void shouldRefuseADisguisedFileWithA415(String name, String what) {
        String id = assigned();
        long before = documents(id);

        Response response = upload(CARLA, id, name, disguised(what));

        response.then().statusCode(415).contentType("application/problem+json")
                .body("status", equalTo(415)).body("title", notNullValue()).body("detail", containsString("Accepted:"));
        assertNoInternals(response);
        assertThat(documents(id)).isEqualTo(before);
    }

    // ---- integrity ----

    @Test
    void shouldRefuseToServeAStoredDocumentThatFailsItsChecksum() throws SQLException {
        String id = assigned();
        byte[] pdf = pdf("Original");
        String documentId = upload(CARLA, id, "original.pdf", pdf).then().statusCode(201).extract().path("id");
        byte[] corrupted = pdf.clone();
        corrupted[corrupted.length / 2] ^= 0x20;
        try (Connection c = db.getConnection();
             PreparedStatement update = c.prepareStatement("UPDATE request_document SET content = ? WHERE id = ?")) {
            update.setBytes(1, corrupted);
            update.setObject(2, UUID.fromString(documentId));
            assertThat(update.executeUpdate()).isEqualTo(1);
        }

        Response response = given().auth().oauth2(CARLA).get("/requests/" + id + "/documents/" + documentId);

        response.then().statusCode(500).contentType("application/problem+json")
                .body("status", equalTo(500)).body("title", notNullValue())
                .body("detail", containsString("integrity check"));
        assertNoInternals(response);
        assertThat(response.asString()).doesNotContain("Original");
    }

    // ---- helpers ----

    static Response upload(String token, String id, String name, byte[] content) {
        return given().auth().oauth2(token).multiPart("file", name, content, "application/octet-stream")
                .post("/requests/" + id + "/documents");
    }

    static void assertNoInternals(Response response) {
        assertThat(response.asString()).doesNotContain("Exception").doesNotContain("org.").doesNotContain("java.");
    }

    long documents(String requestId) {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT count(*) FROM request_document WHERE request_id = ?")) {
            s.setObject(1, UUID.fromString(requestId));
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A tiny real file of the kind its name says. */
    static byte[] file(String name) {
        String extension = name.substring(name.lastIndexOf('.') + 1);
        return switch (extension) {
            case "pdf" -> pdf("Informe");
            case "png" -> image("png");
            case "jpg", "jpeg" -> image("jpg");
            case "csv" -> "fecha,obra,monto\n2025-03-10,Repavimentación calle Córdoba,1234567.89\n2025-04-02,Bacheo,98765.00\n"
                    .getBytes(StandardCharsets.UTF_8);
            case "txt" -> "Informe de obras públicas, primer trimestre de 2025.\n".getBytes(StandardCharsets.UTF_8);
            case "docx" -> docx();
            case "xlsx" -> xlsx();
            case "odt" -> odf("application/vnd.oasis.opendocument.text",
                    "<office:text><text:p>Acta de apertura</text:p></office:text>");
            case "ods" -> odf("application/vnd.oasis.opendocument.spreadsheet",
                    "<office:spreadsheet><table:table table:name=\"Hoja1\"/></office:spreadsheet>");
            default -> throw new IllegalArgumentException(name);
        };
    }

    static byte[] disguised(String what) {
        return switch (what) {
            case "an ELF executable" -> elf();
            case "a Windows executable" -> windowsExe();
            case "an HTML page" -> "<!DOCTYPE html>\n<html><head><title>Informe</title><script>alert(document.cookie)</script></head>\n<body><p>Informe</p></body></html>\n"
                    .getBytes(StandardCharsets.UTF_8);
            case "a PNG image" -> image("png");
            case "a PDF" -> pdf("Disfrazado");
            case "a DOCX" -> docx();
            case "a plain ZIP" -> zip(Map.of("leeme.txt", "Hola"), null);
            case "a shell script" -> "#!/bin/sh\nrm -rf /\n".getBytes(StandardCharsets.UTF_8);
            case "an SVG image" -> "<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"><rect width=\"1\" height=\"1\"/></svg>\n"
                    .getBytes(StandardCharsets.UTF_8);
            default -> throw new IllegalArgumentException(what);
        };
    }

    static byte[] pdf(String text) {
        String body = "%PDF-1.4\n"
                + "1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
                + "2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n"
                + "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 100] /Contents 4 0 R >> endobj\n"
                + "4 0 obj << /Length " + (text.length() + 30) + " >> stream\nBT /F1 12 Tf 10 50 Td (" + text + ") Tj ET\nendstream endobj\n"
                + "trailer << /Root 1 0 R >>\n%%EOF\n";
        return body.getBytes(StandardCharsets.ISO_8859_1);
    }

    static byte[] image(String format) {
        BufferedImage image = new BufferedImage(4, 3, BufferedImage.TYPE_INT_RGB);
        image.setRGB(1, 1, 0x3366cc);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            assertThat(ImageIO.write(image, format, out)).as("ImageIO writes %s", format).isTrue();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static byte[] elf() {
        byte[] elf = new byte[128];
        byte[] header = {0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0x3e, 0, 1, 0, 0, 0};
        System.arraycopy(header, 0, elf, 0, header.length);
        return elf;
    }

    static byte[] windowsExe() {
        byte[] exe = new byte[256];
        exe[0] = 'M';
        exe[1] = 'Z';
        exe[0x3c] = (byte) 0x80;
        byte[] stub = "This program cannot be run in DOS mode.".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(stub, 0, exe, 0x4e, stub.length);
        exe[0x80] = 'P';
        exe[0x81] = 'E';
        return exe;
    }

    static final String CONTENT_TYPES = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
            + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
            + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>%s</Types>";
    static final String RELS = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
            + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" "
            + "Target=\"%s\"/></Relationships>";

    static byte[] docx() {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("[Content_Types].xml", CONTENT_TYPES.formatted("<Override PartName=\"/word/document.xml\" "
                + "ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"));
        entries.put("_rels/.rels", RELS.formatted("word/document.xml"));
        entries.put("word/document.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                + "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
                + "<w:body><w:p><w:r><w:t>Contrato de obra</w:t></w:r></w:p></w:body></w:document>");
        return zip(entries, null);
    }

    static byte[] xlsx() {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("[Content_Types].xml", CONTENT_TYPES.formatted("<Override PartName=\"/xl/workbook.xml\" "
                + "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                + "<Override PartName=\"/xl/worksheets/sheet1.xml\" "
                + "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"));
        entries.put("_rels/.rels", RELS.formatted("xl/workbook.xml"));
        entries.put("xl/workbook.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                + "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
                + "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
                + "<sheets><sheet name=\"Hoja1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
        entries.put("xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" "
                + "Target=\"worksheets/sheet1.xml\"/></Relationships>");
        entries.put("xl/worksheets/sheet1.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
                + "<row r=\"1\"><c r=\"A1\"><v>42</v></c></row></sheetData></worksheet>");
        return zip(entries, null);
    }

    /** An OpenDocument file: its first entry is the uncompressed {@code mimetype}, as the ODF package format requires. */
    static byte[] odf(String mimetype, String body) {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("META-INF/manifest.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\" manifest:version=\"1.2\">"
                + "<manifest:file-entry manifest:full-path=\"/\" manifest:media-type=\"" + mimetype + "\"/>"
                + "<manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/>"
                + "</manifest:manifest>");
        entries.put("content.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
                + "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" "
                + "xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" office:version=\"1.2\">"
                + "<office:body>" + body + "</office:body></office:document-content>");
        return zip(entries, mimetype);
    }

    static byte[] zip(Map<String, String> entries, String storedMimetype) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            if (storedMimetype != null) {
                byte[] bytes = storedMimetype.getBytes(StandardCharsets.US_ASCII);
                ZipEntry entry = new ZipEntry("mimetype");
                entry.setMethod(ZipEntry.STORED);
                entry.setSize(bytes.length);
                CRC32 crc = new CRC32();
                crc.update(bytes);
                entry.setCrc(crc.getValue());
                zip.putNextEntry(entry);
                zip.write(bytes);
                zip.closeEntry();
            }
            for (Map.Entry<String, String> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sha256Hex(byte[] bytes) {
        return HexFormat.of().formatHex(sha256(bytes));
    }
}
