package org.acceso.register.service;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import jakarta.enterprise.context.ApplicationScoped;
import org.acceso.register.config.RegisterConfig;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The open-data exports: every published request visible today (one row each) and the public statistics (one row per
 * agency and month), as CSV or JSON with the same column names, written row by row from a database cursor straight to
 * the response (a million rows never sit in memory), and their data dictionary. Column names, types and meanings are
 * defined once here ({@link Dataset}), so the dictionary cannot drift from the files.
 */
@ApplicationScoped
public class OpenData {

    /** CC BY 4.0: anyone may reuse, with attribution (README: why this licence). */
    public static final String LICENCE_NAME = "CC BY 4.0";
    public static final String LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/";

    private static final int FETCH_SIZE = 1000;
    private static final CsvMapper CSV = new CsvMapper();
    private static final TypeReference<Map<String, Long>> COUNTS = new TypeReference<>() {
    };

    public enum Format { CSV, JSON }

    /** A column of an export: its name, type and meaning in Spanish and English. */
    public record Column(String name, String type, String es, String en) {
    }

    /** An export and its columns, in file order. */
    public enum Dataset {
        REQUESTS("requests", "Solicitudes de acceso a la información publicadas: lo que se preguntó y lo que se respondió "
                + "(nunca quién preguntó). Una fila por solicitud.",
                "Published access-to-information requests: what was asked and what was answered (never who asked). "
                        + "One row per request.", List.of(
                new Column("tracking_number", "string", "Número de seguimiento de la solicitud (AIP-año-número)",
                        "The request's tracking number (AIP-year-number)"),
                new Column("agency_code", "string", "Código del organismo que respondió", "Code of the agency that answered"),
                new Column("agency_name", "string", "Nombre del organismo al publicarse", "The agency's name at publication"),
                new Column("subject", "string", "Asunto de la solicitud", "The request's subject"),
                new Column("question", "string", "Lo que se pidió, con cada dato personal reemplazado por [dato personal]",
                        "What was asked, each personal datum replaced by [dato personal]"),
                new Column("answer", "string", "La respuesta, con cada dato personal reemplazado por [dato personal]; "
                        + "vacía si no hubo respuesta (DEEMED_DENIED)",
                        "The answer, each personal datum replaced by [dato personal]; empty when none came (DEEMED_DENIED)"),
                new Column("outcome", "enum: GRANTED, PARTIALLY_GRANTED, DENIED, NOT_HELD, DEEMED_DENIED",
                        "Resultado: concedida, concedida en parte, denegada, información inexistente, o denegada por "
                                + "silencio (sin respuesta en plazo)",
                        "Outcome: granted, partly granted, denied, information not held, or denied by silence (no answer "
                                + "within the legal term)"),
                new Column("grounds", "list of strings (CSV: separated by ;)", "Códigos de las excepciones de la ley "
                        + "invocadas (Ley 27.275, art. 8)", "Codes of the exemptions of the law cited (Law 27.275, art. 8)"),
                new Column("grounds_text", "list of strings (CSV: separated by ;)", "Las mismas excepciones: artículo e "
                        + "inciso y su nombre", "The same exemptions: article and letter, and their name"),
                new Column("filed_at", "timestamp (ISO 8601, UTC)", "Recepción de la solicitud", "When the request was received"),
                new Column("filed_on", "date (ISO 8601, hora de Rosario)", "Día de recepción, hora local",
                        "Day of receipt, local time"),
                new Column("answered_at", "timestamp (ISO 8601, UTC) or empty", "Respuesta, o vencimiento del plazo si "
                        + "no la hubo", "The answer, or the end of the term when none came"),
                new Column("due_on", "date or empty", "Último día del plazo legal vigente al responder (prórroga incluida)",
                        "Last day of the legal term in force when answered (extension included)"),
                new Column("on_time", "boolean", "Si se respondió dentro de ese plazo", "Whether it was answered within that term"),
                new Column("extended", "boolean", "Si el plazo se prorrogó", "Whether the term was extended"),
                new Column("published_at", "timestamp (ISO 8601, UTC)", "Publicación en el registro", "Publication in the register"),
                new Column("documents", "integer", "Documentos públicos descargables", "Public documents one can download"),
                new Column("url", "string (URL)", "La solicitud en la API pública del registro",
                        "The request in the register's public API"))),
        STATISTICS("statistics", "Cumplimiento por organismo y mes de recepción, tal como lo calcula el sistema de plazos "
                + "(deadline-service) con las definiciones de docs/compliance.md. Una fila por organismo y mes.",
                "Compliance per agency and month of receipt, as the deadline system (deadline-service) computes it with "
                        + "the definitions of docs/compliance.md. One row per agency and month.", List.of(
                new Column("month", "string (YYYY-MM)", "Mes de recepción de las solicitudes", "Month the requests were received"),
                new Column("agency_code", "string", "Código del organismo que tiene la solicitud (UNASSIGNED: sin asignar)",
                        "Code of the agency holding the request (UNASSIGNED: not routed yet)"),
                new Column("agency_name", "string or empty", "Nombre del organismo, si el registro lo conoce",
                        "The agency's name, when the register knows it"),
                new Column("received", "integer", "Solicitudes recibidas en el mes", "Requests received in the month"),
                new Column("answered", "integer", "De ellas, respondidas", "Of those, answered"),
                new Column("answered_within_initial_deadline", "integer", "Respondidas dentro del plazo inicial",
                        "Answered within the initial term"),
                new Column("answered_within_extended_deadline", "integer", "Prorrogadas y respondidas dentro de la prórroga",
                        "Extended, and answered within the extension"),
                new Column("answered_late", "integer", "Respondidas fuera de plazo", "Answered late"),
                new Column("deemed_denials", "integer", "Denegadas por silencio: venció el plazo sin respuesta",
                        "Denied by silence: the term ended with no answer"),
                new Column("business_days_to_answer_median", "integer or empty", "Mediana de días hábiles hasta la "
                        + "respuesta (sin los días de pausa)", "Median business days to answer (paused days excluded)"),
                new Column("denials_by_ground", "map of ground code to integer (CSV: code=n separated by ;)",
                        "Denegaciones totales o parciales por excepción invocada", "Full or partial denials by exemption cited")));

        private final String name;
        private final String es;
        private final String en;
        private final List<Column> columns;

        Dataset(String name, String es, String en, List<Column> columns) {
            this.name = name;
            this.es = es;
            this.en = en;
            this.columns = columns;
        }

        public String fileName() {
            return name;
        }

        public String spanish() {
            return es;
        }

        public String english() {
            return en;
        }

        public List<Column> columns() {
            return columns;
        }

        List<String> names() {
            return columns.stream().map(Column::name).toList();
        }
    }

    /** What a client may cache a file by: its entity tag and when it last changed (whole seconds). */
    public record Freshness(String etag, Instant lastModified) {
    }

    private final DataSource db;
    private final RegisterConfig config;
    private final RegisterQueries queries;
    private final ObjectMapper json;

    public OpenData(DataSource db, RegisterConfig config, RegisterQueries queries, ObjectMapper json) {
        this.db = db;
        this.config = config;
        this.queries = queries;
        this.json = json;
    }

    /**
     * The requests export changes when the register changes (a publication, a withdrawal, a document copied) and when
     * an embargo ends (nothing is written then: the day comes).
     */
    public Freshness requestsFreshness() {
        LocalDate today = queries.today();
        try (Connection connection = db.getConnection();
             PreparedStatement statement = connection.prepareStatement("SELECT r.version, r.changed_at, "
                     + "(SELECT max(p.embargo_until) FROM publication p WHERE p.embargo_until <= ?) FROM register_change r")) {
            statement.setObject(1, today);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                long version = row.getLong(1);
                Instant changed = row.getTimestamp(2).toInstant();
                LocalDate lapsed = row.getObject(3, LocalDate.class);
                if (lapsed != null) {
                    Instant lapse = lapsed.atStartOfDay(config.zone()).toInstant();
                    changed = lapse.isAfter(changed) ? lapse : changed;
                }
                return new Freshness("r" + version + "-" + (lapsed == null ? "0" : lapsed.toString()),
                        changed.truncatedTo(ChronoUnit.SECONDS));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Register version read failed", e);
        }
    }

    /** The statistics change when a fetch from deadline-service brings other figures. */
    public Freshness statisticsFreshness() {
        try (Connection connection = db.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT digest, coalesce(changed_at, 'epoch'::timestamptz) FROM statistics_source");
             ResultSet row = statement.executeQuery()) {
            row.next();
            String digest = row.getString(1);
            return new Freshness("s" + (digest == null ? "none" : digest.substring(0, 16)),
                    row.getTimestamp(2).toInstant().truncatedTo(ChronoUnit.SECONDS));
        } catch (SQLException e) {
            throw new IllegalStateException("Statistics version read failed", e);
        }
    }

    /** The requests export's rows (parameter: today), in a stable order. */
    static final String REQUESTS = "SELECT p.tracking_number, p.agency_code, p.agency_name, p.subject, p.question, "
            + "p.answer, p.outcome, array(SELECT g->>'code' FROM jsonb_array_elements(p.grounds) AS g), "
            + "array(SELECT concat_ws(' ', g->>'reference', g->>'name') FROM jsonb_array_elements(p.grounds) AS g), "
            + "p.filed_at, p.filed_on, p.answered_at, p.due_on, p.on_time, p.extended, p.published_at, "
            + "(SELECT count(*) FROM public_document d WHERE d.request_id = p.request_id AND d.stored_at IS NOT NULL) "
            + "FROM publication p WHERE " + RegisterQueries.VISIBLE + " ORDER BY p.filed_on, p.tracking_number";

    /** Every published request visible today, oldest first, one row each. */
    public void writeRequests(OutputStream out, Format format) throws IOException {
        String base = config.publicUrl().replaceAll("/+$", "") + "/api/public/requests/";
        write(out, format, Dataset.REQUESTS, REQUESTS, List.of(queries.today()), row -> {
                    List<Object> values = new ArrayList<>(18);
                    for (int column = 1; column <= 7; column++) {
                        values.add(row.getString(column));
                    }
                    values.add(strings(row.getArray(8)));
                    values.add(strings(row.getArray(9)));
                    values.add(instant(row.getTimestamp(10)));
                    values.add(text(row.getObject(11, LocalDate.class)));
                    values.add(instant(row.getTimestamp(12)));
                    values.add(text(row.getObject(13, LocalDate.class)));
                    values.add(row.getBoolean(14));
                    values.add(row.getBoolean(15));
                    values.add(instant(row.getTimestamp(16)));
                    values.add(row.getLong(17));
                    values.add(base + row.getString(1));
                    return values;
                });
    }

    /** The statistics as last fetched from deadline-service, month then agency. */
    public void writeStatistics(OutputStream out, Format format) throws IOException {
        write(out, format, Dataset.STATISTICS, "SELECT to_char(s.month, 'YYYY-MM'), s.agency_code, "
                + "(SELECT p.agency_name FROM publication p WHERE p.agency_code = s.agency_code ORDER BY p.published_at DESC "
                + "LIMIT 1), s.received, s.answered, s.answered_within_initial, s.answered_within_extended, s.answered_late, "
                + "s.deemed_denials, s.median_business_days_to_answer, s.denials_by_ground::text "
                + "FROM statistics_month s ORDER BY s.month, s.agency_code", List.of(), row -> {
                    List<Object> values = new ArrayList<>(11);
                    values.add(row.getString(1));
                    values.add(row.getString(2));
                    values.add(row.getString(3));
                    for (int column = 4; column <= 9; column++) {
                        values.add(row.getLong(column));
                    }
                    values.add(row.getObject(10) == null ? null : row.getInt(10));
                    values.add(new TreeMap<>(json.readValue(row.getString(11), COUNTS)));
                    return values;
                });
    }

    @FunctionalInterface
    private interface RowReader {
        List<Object> read(ResultSet row) throws SQLException, IOException;
    }

    private void write(OutputStream out, Format format, Dataset dataset, String sql, List<Object> parameters,
                       RowReader reader) throws IOException {
        List<String> names = dataset.names();
        try (Connection connection = db.getConnection()) {
            connection.setAutoCommit(false); // a cursor: rows arrive FETCH_SIZE at a time
            connection.setReadOnly(true);
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setFetchSize(FETCH_SIZE);
                RegisterQueries.bind(statement, parameters);
                try (ResultSet rows = statement.executeQuery()) {
                    if (format == Format.CSV) {
                        writeCsv(out, names, rows, reader);
                    } else {
                        writeJson(out, names, rows, reader);
                    }
                }
            } finally {
                connection.rollback();
            }
        } catch (SQLException e) {
            throw new IOException("Export of " + dataset.fileName() + " failed", e);
        }
    }

    private static void writeCsv(OutputStream out, List<String> names, ResultSet rows, RowReader reader)
            throws IOException, SQLException {
        CsvSchema.Builder schema = CsvSchema.builder();
        names.forEach(schema::addColumn);
        // no flush after each row: the response's buffer sends full chunks
        try (SequenceWriter writer = CSV.writer(schema.build().withHeader())
                .with(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING)
                .without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE)
                .writeValues(out)) {
            while (rows.next()) {
                writer.write(reader.read(rows).stream().map(OpenData::csvCell).toList());
            }
        }
    }

    private void writeJson(OutputStream out, List<String> names, ResultSet rows, RowReader reader)
            throws IOException, SQLException {
        ObjectWriter writer = json.writer().without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);
        try (JsonGenerator generator = json.getFactory().createGenerator(out, JsonEncoding.UTF8)) {
            generator.writeStartArray();
            while (rows.next()) {
                List<Object> values = reader.read(rows);
                Map<String, Object> object = new LinkedHashMap<>();
                for (int i = 0; i < names.size(); i++) {
                    object.put(names.get(i), values.get(i));
                }
                writer.writeValue(generator, object);
            }
            generator.writeEndArray();
        }
    }

    /** A value as one CSV cell: lists joined by {@code ;}, maps as {@code key=value;...}, nothing as empty. */
    static String csvCell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).collect(Collectors.joining(";"));
        }
        if (value instanceof Map<?, ?> map) {
            return map.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(";"));
        }
        return String.valueOf(value);
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    private static String instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant().toString();
    }

    private static String text(LocalDate date) {
        return date == null ? null : date.toString();
    }
}
