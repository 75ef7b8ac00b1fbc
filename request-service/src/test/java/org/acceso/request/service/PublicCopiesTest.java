package org.acceso.request.service;

import org.acceso.request.SampleDocuments;
import org.acceso.request.domain.PersonalDataDetector.Identity;
import org.acceso.request.domain.PersonalDataDetector.Kind;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Public copies of each kind of document: the data found (and where), and a copy whose extracted text has none of them
 * and reads [dato personal] where each was; a PDF's redacted page keeps no text beneath its black boxes, and a page
 * without data is kept as it was.
 */
class PublicCopiesTest {

    static final PublicCopies COPIES = new PublicCopies();
    static final Identity MARIA = new Identity("María Laura Gómez", "maria.gomez@example.org");
    static final List<String> SEEDED = List.of("María Laura Gómez", "Gómez", "maria.gomez@example.org", "0341 15-555-1234",
            "30.123.456", "20-30123456-3", "Córdoba 1234", "Juan Pérez", "juan.perez@example.org");

    @Test
    void shouldRasteriseOnlyThePdfPagesWithDataAndLeaveNoTextBeneathTheBoxes() {
        byte[] pdf = SampleDocuments.pdf("María Laura Gómez", List.of(
                "Informe de obra 2025\nMontos por barrio: Centro 1500, Oeste 2300.",
                "Pedido de María Laura Gómez, DNI 30.123.456,\ndomicilio Córdoba 1234, tel 0341 15-555-1234.\n"
                        + "Inspector: Juan Pérez (juan.perez@example.org), CUIT 20-30123456-3."));

        PublicCopies.Scan scan = COPIES.scan("informe.pdf", PublicCopies.PDF, pdf, MARIA);
        PublicCopies.Copy copy = COPIES.copy("informe.pdf", PublicCopies.PDF, pdf, MARIA, f -> false);
        String text = SampleDocuments.pdfText(copy.content());

        assertThat(scan.publishable()).isTrue();
        assertThat(scan.findings()).allMatch(f -> f.page() == 2);
        assertThat(scan.findings()).extracting(PublicCopies.Located::kind)
                .contains(Kind.NAME, Kind.DNI, Kind.ADDRESS, Kind.PHONE, Kind.EMAIL, Kind.CUIT);
        assertThat(copy.mediaType()).isEqualTo(PublicCopies.PDF);
        assertThat(copy.redactions()).isEqualTo(scan.findings().size());
        SEEDED.forEach(datum -> assertThat(text).as("published PDF text").doesNotContain(datum));
        assertThat(text).contains("Informe de obra 2025", "Montos por barrio: Centro 1500, Oeste 2300.")
                .contains("Pedido de [dato personal], DNI [dato personal],")
                .contains("Inspector: [dato personal] ([dato personal]), CUIT [dato personal].");
        assertThat(SampleDocuments.pdfMetadata(copy.content())).doesNotContain("Gómez");
    }

    @Test
    void shouldPublishADocxAsAPdfOfItsRedactedTextWithoutItsMetadata() {
        byte[] docx = SampleDocuments.docx("María Laura Gómez",
                "Respuesta a María Laura Gómez\nEscribir a maria.gomez@example.org o al 0341 15-555-1234.\nSin otros datos.");

        PublicCopies.Copy copy = COPIES.copy("respuesta.docx", PublicCopies.DOCX, docx, MARIA, f -> false);
        String text = SampleDocuments.pdfText(copy.content());

        assertThat(copy.name()).isEqualTo("respuesta.pdf");
        assertThat(copy.mediaType()).isEqualTo(PublicCopies.PDF);
        assertThat(copy.redactions()).isEqualTo(3);
        SEEDED.forEach(datum -> assertThat(text).doesNotContain(datum));
        assertThat(text).contains("Respuesta a [dato personal]", "Escribir a [dato personal] o al [dato personal].",
                "Sin otros datos.");
        assertThat(SampleDocuments.pdfMetadata(copy.content())).doesNotContain("Gómez");
    }

    @Test
    void shouldPublishAnOdtAsAPdfOfItsRedactedText() {
        byte[] odt = SampleDocuments.odt("María Laura Gómez", "Vecina: María Laura Gómez\nDomicilio Córdoba 1234.");

        PublicCopies.Copy copy = COPIES.copy("nota.odt", PublicCopies.ODT, odt, MARIA, f -> false);
        String text = SampleDocuments.pdfText(copy.content());

        assertThat(copy.name()).isEqualTo("nota.pdf");
        SEEDED.forEach(datum -> assertThat(text).doesNotContain(datum));
        assertThat(text).contains("Vecina: [dato personal]", "Domicilio [dato personal].");
    }

    @Test
    void shouldRedactACsvCellByCellAndWholePersonalColumns() {
        byte[] csv = ("barrio;nombre;apellido;dni;monto;observaciones\n"
                + "Centro;Juan;Pérez;30.123.456;1500;llamar al 0341 15-555-1234\n"
                + "Oeste;Rosa;Xanthopoulos;28.456.789;2300;sin datos\n").getBytes(StandardCharsets.UTF_8);

        PublicCopies.Scan scan = COPIES.scan("padron.csv", PublicCopies.CSV, csv, MARIA);
        PublicCopies.Copy copy = COPIES.copy("padron.csv", PublicCopies.CSV, csv, MARIA, f -> false);
        String text = new String(copy.content(), StandardCharsets.UTF_8);

        assertThat(scan.findings()).extracting(f -> f.row() + ":" + f.column())
                .containsExactly("2:2", "2:3", "2:4", "2:6", "3:2", "3:3", "3:4");
        assertThat(text.lines()).containsExactly(
                "barrio;nombre;apellido;dni;monto;observaciones",
                "Centro;[dato personal];[dato personal];[dato personal];1500;llamar al [dato personal]",
                "Oeste;[dato personal];[dato personal];[dato personal];2300;sin datos");
    }

    @Test
    void shouldKeepWhatTheClerkKeepsButNeverTheRequestersOwnData() {
        String text = "Firmó el Secretario Juan Pérez; lo pidió María Laura Gómez.";

        PublicCopies.Copy copy = COPIES.copy("nota.txt", PublicCopies.TEXT, text.getBytes(StandardCharsets.UTF_8), MARIA,
                f -> true);

        assertThat(new String(copy.content(), StandardCharsets.UTF_8))
                .isEqualTo("Firmó el Secretario Juan Pérez; lo pidió [dato personal].");
    }

    @Test
    void shouldNeverPublishWhatCannotBeChecked() {
        byte[] scanned = SampleDocuments.pdf("x", List.of(""));
        byte[] png = {(byte) 0x89, 'P', 'N', 'G'};

        assertThat(COPIES.scan("escaneo.pdf", PublicCopies.PDF, scanned, MARIA).reason()).contains("no text layer");
        assertThat(COPIES.scan("foto.png", "image/png", png, MARIA).publishable()).isFalse();
        assertThat(COPIES.scan("roto.docx", PublicCopies.DOCX, png, MARIA).reason()).contains("cannot be read");
        assertThatThrownBy(() -> COPIES.copy("foto.png", "image/png", png, MARIA, f -> false))
                .isInstanceOf(PublicCopies.Unpublishable.class);
    }
}
