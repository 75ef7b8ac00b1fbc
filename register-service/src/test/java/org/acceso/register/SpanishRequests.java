package org.acceso.register;

import java.util.List;
import java.util.Random;

/**
 * Realistic, varied access-to-information requests of a city like Rosario, for the benchmark: a subject, a question
 * and an answer built from agencies' own topics, the city's neighbourhoods and streets, years, file and tender numbers,
 * amounts, and a pool of question and answer shapes with optional clauses. A seeded {@link Random} makes a run
 * repeatable; the combinations (topics x places x years x shapes x clauses x numbers) make repeated rows rare, and the
 * benchmark counts how rare.
 */
public final class SpanishRequests {

    /** One generated request. */
    public record Request(String agencyCode, String agencyName, String subject, String question, String answer,
                          String outcome) {
    }

    record Agency(String code, String name, List<String> topics) {
    }

    static final List<Agency> AGENCIES = List.of(
            new Agency("OBRAS", "Secretaría de Obras Públicas", List.of(
                    "bacheo de calles", "repavimentación de avenidas", "desagües pluviales", "obras de cordón cuneta",
                    "reparación de veredas", "construcción de rotondas", "mantenimiento de puentes",
                    "obras de iluminación LED", "entubamiento de zanjas", "obras en el reservorio pluvial",
                    "ensanche de calzadas", "nuevos accesos al barrio")),
            new Agency("AMBIENTE", "Secretaría de Ambiente y Espacio Público", List.of(
                    "recolección de residuos", "contenedores soterrados", "poda del arbolado público",
                    "plantación de árboles", "mantenimiento de plazas", "limpieza de microbasurales",
                    "reciclado de residuos secos", "control de ruidos molestos", "calidad del aire",
                    "compostaje domiciliario", "barrido de calles", "erradicación de basurales")),
            new Agency("SALUD", "Secretaría de Salud Pública", List.of(
                    "vacunación antigripal", "turnos en centros de salud", "guardias del hospital de emergencias",
                    "compra de medicamentos", "ambulancias del SIES", "campañas contra el dengue",
                    "atención odontológica", "salud mental comunitaria", "controles de niño sano",
                    "licitación de insumos hospitalarios", "residencias médicas", "tiempo de espera en guardias")),
            new Agency("MOVILIDAD", "Secretaría de Movilidad", List.of(
                    "frecuencias de colectivos", "subsidios al transporte urbano", "boleto educativo gratuito",
                    "semáforos inteligentes", "ciclovías y bicisendas", "bicicletas públicas",
                    "estacionamiento medido", "multas de tránsito", "licencias de conducir",
                    "taxis y remises habilitados", "siniestros viales", "fotomultas")),
            new Agency("HACIENDA", "Secretaría de Hacienda y Economía", List.of(
                    "ejecución presupuestaria", "deuda municipal", "tasa general de inmuebles",
                    "derecho de registro e inspección", "fondos de coparticipación", "emisión de letras del tesoro",
                    "gastos en publicidad oficial", "pago a proveedores", "recaudación por multas",
                    "presupuesto participativo", "fondo de obras menores", "exenciones impositivas")),
            new Agency("GOBIERNO", "Secretaría de Gobierno", List.of(
                    "sueldos de funcionarios", "viajes oficiales", "planta de personal contratado",
                    "declaraciones juradas patrimoniales", "convenios con la provincia", "audiencias públicas",
                    "designaciones en cargos políticos", "horas extra del personal", "uso de vehículos oficiales",
                    "telefonía celular oficial", "gastos de ceremonial", "asesores de gabinete")),
            new Agency("DESARROLLO", "Secretaría de Desarrollo Humano", List.of(
                    "comedores comunitarios", "tarjeta alimentaria", "programas de empleo joven",
                    "centros de día para adultos mayores", "subsidios a clubes de barrio", "becas de estudio",
                    "refugios para personas en situación de calle", "asistencia por inundaciones",
                    "programa de cuidados", "entrega de garrafas sociales", "huertas urbanas",
                    "capacitación en oficios")),
            new Agency("CONTROL", "Dirección General de Control e Inspección", List.of(
                    "habilitaciones comerciales", "inspecciones bromatológicas", "clausuras de locales",
                    "locales bailables habilitados", "ferias y venta ambulante", "control de espectáculos",
                    "inspecciones de seguridad e higiene", "carteles publicitarios", "obras sin permiso",
                    "cuidacoches registrados", "antenas de telefonía", "control de precios")),
            new Agency("PLANEAMIENTO", "Secretaría de Planeamiento", List.of(
                    "permisos de edificación", "código urbano", "excepciones al plan urbano",
                    "grandes emprendimientos inmobiliarios", "loteos aprobados", "catastro municipal",
                    "convenios urbanísticos", "edificios de valor patrimonial", "planes de vivienda",
                    "regularización dominial", "alturas permitidas en la costa", "uso del suelo")),
            new Agency("CULTURA", "Secretaría de Cultura y Educación", List.of(
                    "programación del teatro municipal", "subsidios a artistas", "bibliotecas públicas",
                    "museos municipales", "festivales de música", "talleres culturales en los barrios",
                    "restauración de monumentos", "jardines maternales municipales", "escuelas de oficios",
                    "concursos literarios", "la feria del libro", "carnavales barriales")),
            new Agency("SEGURIDAD", "Secretaría de Control y Convivencia", List.of(
                    "cámaras de videovigilancia", "guardia urbana municipal", "patrullaje preventivo",
                    "alarmas comunitarias", "iluminación en paradas de colectivo", "botones antipánico",
                    "operativos de alcoholemia", "protocolos ante emergencias", "centro de monitoreo",
                    "convenios con la policía provincial", "denuncias por usurpación", "mapas del delito")),
            new Agency("MODERNIZACION", "Secretaría de Modernización", List.of(
                    "contratos de software", "expediente electrónico", "datos abiertos municipales",
                    "wifi público gratuito", "ciberseguridad", "turnos en línea", "trámites a distancia",
                    "licencias de programas", "centro de cómputos", "aplicación de la Municipalidad",
                    "firma digital", "conectividad en escuelas")));

    static final List<String> PLACES = List.of(
            "Fisherton", "Echesortu", "Arroyito", "Pichincha", "Abasto", "Alberdi", "Belgrano", "Bella Vista",
            "Azcuénaga", "Barrio Triángulo", "Empalme Graneros", "Ludueña", "La Florida", "Tablada", "Saladillo",
            "Las Flores", "Barrio Martin", "el Centro", "República de la Sexta", "Lourdes", "Refinería", "Parque Field",
            "Alvear", "Larrea", "Godoy", "Barrio Rucci", "Villa Hortensia", "Barrio Toba", "Nuevo Alberdi",
            "Cinco Esquinas", "La Guardia", "Barrio Bella Vista Oeste", "Sarmiento", "Barrio Moderno", "Parque Casas",
            "Barrio Tiro Suizo", "Barrio Agote", "Barrio Acindar", "Villa Gobernador Gálvez", "Puerto Norte",
            "Barrio Hospitales", "Barrio Parque", "Barrio Ludueña Norte", "Barrio Las Delicias", "Barrio Cabín 9",
            "Barrio Stella Maris", "Barrio Fonavi", "Barrio Irigoyen", "Barrio Alvear", "Barrio Mercedes de San Martín",
            "Bv. Oroño", "Av. Pellegrini", "calle San Martín", "calle Córdoba", "Av. Francia", "Bv. Rondeau",
            "Av. Circunvalación", "calle Mendoza", "Av. Provincias Unidas", "Bv. Seguí", "Av. Arijón", "calle Rioja",
            "Av. Eva Perón", "Av. del Rosario", "Av. Alberdi", "calle Santa Fe", "calle Salta", "Av. Avellaneda",
            "el distrito Norte", "el distrito Sur", "el distrito Oeste", "el distrito Noroeste", "el distrito Sudoeste",
            "el distrito Centro", "la zona costera", "el Parque Independencia", "el Parque Urquiza", "el Parque Alem");

    static final List<String> DOCUMENTS = List.of("los contratos", "las órdenes de compra", "los pliegos de licitación",
            "las actas de inspección", "los informes técnicos", "las resoluciones", "los decretos", "las facturas",
            "los expedientes", "las planillas de gastos", "los convenios firmados", "los informes de auditoría",
            "las actas de adjudicación", "los certificados de obra", "los planes de trabajo", "las estadísticas");

    static final List<String> ASPECTS = List.of("el costo total", "el estado de avance", "la empresa a cargo",
            "el cronograma previsto", "la cantidad de personal asignado", "los criterios de selección",
            "el presupuesto asignado", "los resultados obtenidos", "la cantidad de reclamos recibidos",
            "el monto pagado hasta la fecha", "la fecha de finalización", "quién autorizó el gasto",
            "cuántas personas fueron beneficiadas", "los indicadores de cumplimiento");

    static final List<String> CLAUSES = List.of("incluyendo todos los anexos", "detallando proveedor y monto",
            "desagregado por mes", "con las actas de inspección correspondientes", "y el estado de avance de obra",
            "según el expediente N° {n}/{year}", "en formato digital abierto", "con copia de las facturas pagadas",
            "indicando la partida presupuestaria", "y los reclamos de vecinos recibidos", "por distrito y por barrio",
            "incluyendo las prórrogas otorgadas", "con los nombres de las empresas oferentes",
            "y las sanciones aplicadas si las hubo", "comparado con el año anterior", "vinculado a la licitación N° {n}/{year}",
            "con el detalle de horas trabajadas", "y las actas de recepción definitiva", "informando el criterio técnico",
            "con la cantidad de vehículos afectados", "y el decreto {n}/{year} que lo autoriza",
            "mencionando los responsables de cada área", "en el marco de la ordenanza {n}/{year}",
            "y las evaluaciones de impacto ambiental", "con las respuestas dadas a cada reclamo");

    static final List<String> QUESTIONS = List.of(
            "Solicito copia de {doc} sobre {topic} en {place} durante {year}",
            "¿Cuánto se gastó en {topic} en {year} y qué empresas fueron contratadas?",
            "Pido el listado completo de {doc} vinculados a {topic} en {place}",
            "Quisiera saber {aspect} de {topic} en {place}",
            "Necesito conocer {aspect} del programa de {topic} entre {year} y {year2}",
            "¿Qué cantidad de reclamos por {topic} se recibieron de {place} en {year}?",
            "Solicito información sobre {topic}: {aspect} y {aspect2}",
            "Requiero {doc} de {topic} correspondientes a {year} en {place}",
            "¿Cuál fue {aspect} de {topic} durante {year}?",
            "Por la presente solicito acceso a {doc} relativos a {topic} ejecutados en {place}",
            "Pido que se informe {aspect} de {topic} y {aspect2} en {place}",
            "¿Existe un plan de {topic} para {place}? En tal caso, solicito {doc}",
            "Solicito estadísticas de {topic} en la ciudad desde {year} hasta {year2}",
            "Quiero saber si se licitó {topic} en {year} y cuál fue {aspect}",
            "Solicito {doc} y {doc2} referidos a {topic} en {place}",
            "¿Cuántos fondos se destinaron a {topic} en {place} en {year}?",
            "Pido acceso a {doc} sobre {topic} y conocer {aspect}",
            "Quisiera obtener información pública sobre {topic} en {place} desde {year}",
            "Informe {aspect} y {aspect2} de {topic} durante {year}",
            "Solicito conocer los motivos de la demora en {topic} en {place}");

    /** Answers by outcome (a deemed denial has none). */
    static final java.util.Map<String, List<String>> ANSWERS = java.util.Map.of(
            "GRANTED", List.of(
                    "Se adjunta la información solicitada sobre {topic} correspondiente a {year}.",
                    "Se informa que {aspect} de {topic} consta en el expediente N° {n}/{year}, cuya copia se adjunta.",
                    "La información sobre {topic} en {place} se encuentra publicada en el portal de datos abiertos.",
                    "Se informa que el monto total ejecutado en {topic} durante {year} fue de $ {amount}.",
                    "Se adjunta la planilla con {aspect} desagregado por mes, según lo requerido.",
                    "Se entregan {doc} de {topic}; los importes se expresan en pesos corrientes.",
                    "La Secretaría informa que {aspect} de {topic} en {place} surge del informe técnico adjunto."),
            "PARTIALLY_GRANTED", List.of(
                    "Se remiten {doc} solicitados; se testaron los datos de contacto de [dato personal].",
                    "Se entrega parcialmente: {doc} contienen datos personales que no pueden disociarse.",
                    "Se adjunta {aspect} de {topic}; se reservan los datos de terceros por el art. 8 inc. i)."),
            "DENIED", List.of(
                    "Se deniega la información por tratarse de una investigación administrativa en curso.",
                    "Se deniega: {doc} sobre {topic} contienen información de terceros protegida por ley.",
                    "Se deniega por razones de seguridad de las personas, conforme al art. 8 inc. j)."),
            "NOT_HELD", List.of(
                    "No se registran {doc} sobre {topic} en {place} para el período consultado.",
                    "El área competente informa que {topic} se encuentra en etapa de planificación para {year2}.",
                    "La Municipalidad no produce ni posee información sobre {aspect} de {topic}."));

    static final List<String> SUBJECTS = List.of("{Topic} en {place}", "{Topic} {year}", "Consulta sobre {topic}",
            "{Topic}: {aspect}", "Información de {topic}", "{Topic} en {place} ({year})", "Pedido sobre {topic}");

    private final Random random;

    public SpanishRequests(long seed) {
        this.random = new Random(seed);
    }

    public Request next() {
        Agency agency = pick(AGENCIES);
        String topic = pick(agency.topics());
        String place = pick(PLACES);
        int year = 2015 + random.nextInt(12);
        StringBuilder question = new StringBuilder(fill(pick(QUESTIONS), topic, place, year));
        int clauses = random.nextInt(4);
        for (int i = 0; i < clauses; i++) {
            question.append(i == 0 ? ", " : " y ").append(fill(pick(CLAUSES), topic, place, year));
        }
        question.append(question.charAt(question.length() - 1) == '?' ? "" : ".");
        if (random.nextInt(4) == 0) {
            question.append(" ").append(fill("Agradezco la respuesta por correo a [dato personal].", topic, place, year));
        }
        String outcome = outcome();
        String answer = outcome.equals("DEEMED_DENIED") ? "" : fill(pick(ANSWERS.get(outcome)), topic, place, year);
        return new Request(agency.code(), agency.name(), fill(pick(SUBJECTS), topic, place, year), question.toString(),
                answer, outcome);
    }

    private String outcome() {
        int n = random.nextInt(100);
        return n < 55 ? "GRANTED" : n < 75 ? "PARTIALLY_GRANTED" : n < 83 ? "DENIED" : n < 93 ? "NOT_HELD" : "DEEMED_DENIED";
    }

    private String fill(String shape, String topic, String place, int year) {
        return shape.replace("{Topic}", Character.toUpperCase(topic.charAt(0)) + topic.substring(1))
                .replace("{topic}", topic)
                .replace("{place}", place)
                .replace("{year2}", String.valueOf(Math.min(2026, year + 1 + random.nextInt(3))))
                .replace("{year}", String.valueOf(year))
                .replace("{doc2}", pick(DOCUMENTS))
                .replace("{doc}", pick(DOCUMENTS))
                .replace("{aspect2}", pick(ASPECTS))
                .replace("{aspect}", pick(ASPECTS))
                .replace("{n}", String.valueOf(1 + random.nextInt(9999)))
                .replace("{amount}", String.format("%,d", 10_000 + random.nextInt(900_000_000)).replace(',', '.'));
    }

    private <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }
}
