package org.acceso.request.domain;

import org.acceso.request.domain.PersonalDataDetector.Finding;
import org.acceso.request.domain.PersonalDataDetector.Identity;
import org.acceso.request.domain.PersonalDataDetector.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The detector, kind by kind: each row is a sentence, the datum it holds and the kind it must be found as (exactly
 * that span); the negative rows are sentences with numbers and capitalised words that are no personal data.
 */
class PersonalDataDetectorTest {

    static final PersonalDataDetector DETECTOR = PersonalDataDetector.standard();
    static final Identity MARIA = new Identity("María Laura Gómez", "maria.gomez@example.org");

    /** The one finding of {@code text} (fails when there are none or several). */
    static Finding only(String text) {
        List<Finding> found = DETECTOR.detect(text, Identity.NONE);
        assertThat(found).as("findings in «%s»", text).hasSize(1);
        return found.get(0);
    }

    @ParameterizedTest(name = "{1} in «{0}»")
    @CsvSource(delimiter = '|', textBlock = """
            Escribir a juan.perez@example.org por favor.           | juan.perez@example.org
            Correo: MARIA_LOPEZ+afip@correo.gob.ar                 | MARIA_LOPEZ+afip@correo.gob.ar
            Contacto (ñandú@ejemplo.com.ar).                       | ñandú@ejemplo.com.ar
            """)
    void shouldFindEmailAddresses(String text, String datum) {
        assertFound(text, datum, Kind.EMAIL);
    }

    @ParameterizedTest(name = "{1} in «{0}»")
    @CsvSource(delimiter = '|', textBlock = """
            Llamar al +54 9 341 555-1234 de mañana.                | +54 9 341 555-1234
            Celular +5493415551234.                                | +5493415551234
            Tel. +54 11 4567-8901                                  | +54 11 4567-8901
            Su celular es 0341 15-555-1234.                        | 0341 15-555-1234
            Su celular es 0341 15 5551234.                         | 0341 15 5551234
            Teléfono (0341) 455-1234 o fax.                        | (0341) 455-1234
            Teléfono (0341) 4551234.                               | (0341) 4551234
            Teléfono (341) 455-1234.                               | (341) 455-1234
            Teléfono 0341-4551234.                                 | 0341-4551234
            Llame al 11 4567-8901 en horario de oficina.           | 11 4567-8901
            Llame al 341 455-1234.                                 | 341 455-1234
            Llame al 15-555-1234.                                  | 15-555-1234
            Llamar al 341 155-123456 o escribir.                   | 341 155-123456
            Celular 341 15 5123456.                                | 341 15 5123456
            Interno 4567-8901.                                     | 4567-8901
            Número 455-1234.                                       | 455-1234
            """)
    void shouldFindArgentinePhoneNumbersWithAndWithoutCountryTrunkAndMobilePrefix(String text, String datum) {
        assertFound(text, datum, Kind.PHONE);
    }

    @ParameterizedTest(name = "{1} in «{0}»")
    @CsvSource(delimiter = '|', textBlock = """
            DNI 30.123.456 del solicitante.                        | 30.123.456
            DNI 30123456.                                          | 30123456
            D.N.I. N° 7.654.321                                    | 7.654.321
            documento nacional de identidad 28456789               | 28456789
            titular del documento 12.345.678, sin más              | 12.345.678
            L.E. 4567890                                           | 4567890
            """)
    void shouldFindDniWithAndWithoutDots(String text, String datum) {
        assertFound(text, datum, Kind.DNI);
    }

    @ParameterizedTest(name = "{1} in «{0}»")
    @CsvSource(delimiter = '|', textBlock = """
            CUIT 20-30123456-3 del proveedor.                      | 20-30123456-3
            CUIL 27-28456789-2                                     | 27-28456789-2
            CUIL 20301234563                                       | 20301234563
            C.U.I.T. 23.30.123.456-2                               | 23.30.123.456-2
            """)
    void shouldFindCuitAndCuilOfPeopleWithAValidCheckDigit(String text, String datum) {
        assertThat(PersonalDataDetector.validCuit(datum.replaceAll("\\D", ""))).as("check digit of %s", datum).isTrue();
        assertFound(text, datum, Kind.CUIT);
    }

    @ParameterizedTest(name = "{1} in «{0}»")
    @CsvSource(delimiter = '|', textBlock = """
            Vive en Córdoba 1234 desde 2019.                       | Córdoba 1234
            Domicilio: calle San Martín 550, 3° B, Rosario.        | calle San Martín 550, 3° B
            Entregar en Av. Pellegrini 1500.                       | Av. Pellegrini 1500
            Entregar en avenida Francia 2340 piso 4 dpto. C.       | avenida Francia 2340 piso 4 dpto. C
            Entregar en Bv. Oroño 123, 2º A.                       | Bv. Oroño 123, 2º A
            Se mudó a calle italia 1020.                           | calle italia 1020
            Queda en San Martín 550.                               | San Martín 550
            En 3 de Febrero 2245 funciona la oficina.              | 3 de Febrero 2245
            Pasaje Álvarez Thomas 1130                             | Pasaje Álvarez Thomas 1130
            Mendoza N° 456                                         | Mendoza N° 456
            """)
    void shouldFindStreetAddressesWithOrWithoutTheirKindOfStreetAndFloorOrFlat(String text, String datum) {
        assertFound(text, datum, Kind.ADDRESS);
    }

    @ParameterizedTest(name = "{1} in «{0}»")
    @CsvSource(delimiter = '|', textBlock = """
            Lo firmó Juan Pérez ayer.                              | Juan Pérez
            Lo firmó María del Carmen Ruiz ayer.                   | María del Carmen Ruiz
            Atendió el Sr. Ibarlucía en persona.                   | Ibarlucía
            La Dra. Kessler Wainstein dictaminó.                   | Kessler Wainstein
            Lo pidió Xiomara Pérez en mesa.                        | Xiomara Pérez
            Presentes: Jorge Luis Borges, solamente.               | Jorge Luis Borges
            El vecino JOSÉ Martínez llamó.                         | JOSÉ Martínez
            """)
    void shouldFindOtherPeoplesNamesByGazetteerTitleAndCapitalisation(String text, String datum) {
        assertFound(text, datum, Kind.NAME);
    }

    @ParameterizedTest(name = "«{0}»")
    @ValueSource(strings = {
            "Según la Ley 27275 y el Decreto 1172 de 2003.",
            "El monto total fue de $ 1.234.567 en 2025.",
            "El expediente AIP-2026-000123 se resolvió el 15/12/2026.",
            "Período 2024-2025, ejercicio cerrado.",
            "Ordenanza 8765-2024 de la Municipalidad de Rosario.",
            "La Secretaría de Obras Públicas 2025 informa.",
            "CUIT de la empresa 30-71234567-1 (persona jurídica).",
            "CUIT 20-30123456-0 con el dígito mal.",
            "Se pavimentaron 1500 metros en Rosario durante marzo.",
            "En 2025 se firmaron 14 contratos por la ruta 33.",
            "Según el artículo 8 inciso i) no corresponde.",
            "La calle San Martín está cortada.",
            "Ver el Anexo 3 del Informe 12.",
            "Montos por barrio: Centro 1500, Oeste 2300.",
    })
    void shouldFindNothingInTextsWithoutPersonalData(String text) {
        assertThat(DETECTOR.detect(text, Identity.NONE)).as("findings in «%s»", text).isEmpty();
    }

    @Test
    void shouldAlwaysFindTheRequestersOwnNameAndEachOfItsWordsIgnoringCaseAndAccents() {
        String text = "Solicitud de MARIA LAURA GOMEZ. La señora Gómez pide copia; firma: laura.";
        List<Finding> found = DETECTOR.detect(text, MARIA);

        assertThat(found).extracting(Finding::text).containsExactly("MARIA LAURA GOMEZ", "Gómez", "laura");
        assertThat(found).allMatch(Finding::requester).allMatch(f -> f.kind() == Kind.NAME);
        assertThat(PersonalDataDetector.redact(text, found))
                .isEqualTo("Solicitud de [dato personal]. La señora [dato personal] pide copia; firma: [dato personal].");
    }

    @Test
    void shouldMarkTheRequestersOwnEmailAsTheirs() {
        List<Finding> found = DETECTOR.detect("Responder a Maria.Gomez@example.org o a otro@example.org", MARIA);

        assertThat(found).extracting(Finding::text).containsExactly("Maria.Gomez@example.org", "otro@example.org");
        assertThat(found).extracting(Finding::requester).containsExactly(true, false);
    }

    @Test
    void shouldNotJoinWordsAcrossLinesIntoOneAddress() {
        String text = "Vecina: Xiomara Pérez\nDomicilio Córdoba 1234.";

        assertThat(DETECTOR.detect(text, Identity.NONE)).extracting(Finding::text)
                .containsExactly("Xiomara Pérez", "Córdoba 1234");
    }

    @Test
    void shouldMergeOverlappingFindingsSoThatNothingOfADatumIsLeft() {
        String text = "Juan Pérez Córdoba 1234, tel 341 455-1234.";
        List<Finding> found = DETECTOR.detect(text, Identity.NONE);

        assertThat(PersonalDataDetector.redact(text, found)).isEqualTo("[dato personal], tel [dato personal].");
        assertThat(found.get(0).kind()).isEqualTo(Kind.ADDRESS);
    }

    @Test
    void shouldGiveEachFindingsPlaceInTheText() {
        String text = "DNI 30.123.456 y mail a@b.co";
        List<Finding> found = DETECTOR.detect(text, Identity.NONE);

        assertThat(found).containsExactly(new Finding(Kind.DNI, 4, 14, "30.123.456", false),
                new Finding(Kind.EMAIL, 22, 28, "a@b.co", false));
    }

    @Test
    void shouldFindAKnownNameAloneInATableCell() {
        assertThat(DETECTOR.detectCell(" Pérez ", Identity.NONE))
                .containsExactly(new Finding(Kind.NAME, 1, 6, "Pérez", false));
        assertThat(DETECTOR.detectCell("Hormigón", Identity.NONE)).isEmpty();
        assertThat(DETECTOR.detect("Pérez", Identity.NONE)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"20301234563, true", "27284567892, true", "30712345671, true", "20301234560, false",
            "2030123456, false", "2030123456x, false"})
    void shouldVerifyTheCuitCheckDigitModulo11(String digits, boolean valid) {
        assertThat(PersonalDataDetector.validCuit(digits)).isEqualTo(valid);
    }

    private static void assertFound(String text, String datum, Kind kind) {
        Finding finding = only(text);
        assertThat(finding.kind()).as("kind of %s", datum).isEqualTo(kind);
        assertThat(finding.text()).isEqualTo(datum);
        assertThat(text.substring(finding.start(), finding.end())).isEqualTo(datum);
        assertThat(finding.requester()).isFalse();
    }
}
