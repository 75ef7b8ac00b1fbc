package org.acceso.register.service;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import org.acceso.register.config.RegisterConfig;
import org.acceso.register.domain.Ground;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What the public reads: the register's list and search, one request with its documents, a document's bytes. Every
 * query shows only what is visible today (no embargo, or its date has come) and only documents the register holds a
 * copy of. Plain JDBC, read-only, no transaction held.
 */
@ApplicationScoped
public class RegisterQueries {

    /** The visibility rule every public query applies (parameter: today's local date). */
    static final String VISIBLE = "(p.embargo_until IS NULL OR p.embargo_until <= ?)";

    private static final TypeReference<List<Ground>> GROUNDS = new TypeReference<>() {
    };

    private final DataSource db;
    private final RegisterConfig config;
    private final Clock clock;
    private final ObjectMapper json;

    public RegisterQueries(DataSource db, RegisterConfig config, Clock clock, ObjectMapper json) {
        this.db = db;
        this.config = config;
        this.clock = clock;
        this.json = json;
    }

    /** The filters of the register's list; nulls mean "any". */
    public record Filter(String q, String agency, String outcome, LocalDate from, LocalDate to) {
    }

    /** A line of the register's list. */
    public record Item(String trackingNumber, String agencyCode, String agencyName, String subject, String question,
                       String outcome, LocalDate filedOn, Instant answeredAt, boolean onTime, int documents) {
    }

    /**
     * One page and how many requests match: exactly when at most {@code window} do ({@code exact}), else {@code total}
     * is the window and there are more.
     */
    public record Page(List<Item> items, long total, boolean exact) {
    }

    /** One published request, whole. */
    public record Detail(UUID requestId, String trackingNumber, String agencyCode, String agencyName, String subject,
                         String question, String answer, String outcome, List<Ground> grounds, Instant filedAt,
                         LocalDate filedOn, Instant answeredAt, LocalDate dueOn, boolean onTime, boolean extended,
                         Instant publishedAt, List<Document> documents) {
    }

    /** A public document the register holds a copy of. */
    public record Document(UUID id, String fileName, String mediaType, long size, String sha256, int parts) {
    }

    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), config.zone());
    }

    /**
     * One page of the register, newest first, or by rank when {@code q} is given (ties newest first). The matches are
     * counted up to {@code window} + 1 (a page never goes deeper): past the window the total is "more than" and a
     * {@code q} that matches that many is shown newest first too, so that no call ranks or counts a hundred thousand
     * rows (docs/benchmarks.md).
     */
    public Page search(Filter filter, int page, int size, int window) {
        StringBuilder where = new StringBuilder(" FROM publication p");
        List<Object> parameters = new ArrayList<>();
        if (filter.q() != null) {
            where.append(", websearch_to_tsquery('register_es', register_words(?)) AS query");
            parameters.add(filter.q());
        }
        where.append(" WHERE ").append(VISIBLE);
        parameters.add(today());
        if (filter.q() != null) {
            where.append(" AND p.search @@ query");
        }
        if (filter.agency() != null) {
            where.append(" AND p.agency_code = ?");
            parameters.add(filter.agency());
        }
        if (filter.outcome() != null) {
            where.append(" AND p.outcome = ?");
            parameters.add(filter.outcome());
        }
        if (filter.from() != null) {
            where.append(" AND p.filed_on >= ?");
            parameters.add(filter.from());
        }
        if (filter.to() != null) {
            where.append(" AND p.filed_on <= ?");
            parameters.add(filter.to());
        }
        String select = "SELECT p.tracking_number, p.agency_code, p.agency_name, p.subject, left(p.question, 300), "
                + "p.outcome, p.filed_on, p.answered_at, p.on_time, "
                + "(SELECT count(*) FROM public_document d WHERE d.request_id = p.request_id AND d.stored_at IS NOT NULL)";
        try (Connection connection = db.getConnection()) {
            long matches;
            try (PreparedStatement count = connection.prepareStatement("SELECT count(*) FROM (SELECT 1" + where
                    + " LIMIT ?) AS capped")) {
                int next = bind(count, parameters);
                count.setInt(next, window + 1);
                try (ResultSet rows = count.executeQuery()) {
                    rows.next();
                    matches = rows.getLong(1);
                }
            }
            boolean exact = matches <= window;
            String order = (filter.q() != null && exact ? " ORDER BY ts_rank_cd(p.search, query) DESC," : " ORDER BY")
                    + " p.filed_on DESC, p.tracking_number DESC";
            List<Item> items = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement(select + where + order + " LIMIT ? OFFSET ?")) {
                int next = bind(statement, parameters);
                statement.setInt(next, size);
                statement.setLong(next + 1, (long) page * size);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        items.add(new Item(rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4),
                                rows.getString(5), rows.getString(6), rows.getObject(7, LocalDate.class),
                                instant(rows.getTimestamp(8)), rows.getBoolean(9), rows.getInt(10)));
                    }
                }
            }
            return new Page(items, Math.min(matches, window), exact);
        } catch (SQLException e) {
            throw new IllegalStateException("Register search failed", e);
        }
    }

    /** The published request with this tracking number, if it is visible today. */
    public Optional<Detail> find(String trackingNumber) {
        try (Connection connection = db.getConnection()) {
            Detail detail;
            try (PreparedStatement statement = connection.prepareStatement("SELECT p.request_id, p.tracking_number, "
                    + "p.agency_code, p.agency_name, p.subject, p.question, p.answer, p.outcome, p.grounds::text, "
                    + "p.filed_at, p.filed_on, p.answered_at, p.due_on, p.on_time, p.extended, p.published_at "
                    + "FROM publication p WHERE p.tracking_number = ? AND " + VISIBLE)) {
                statement.setString(1, trackingNumber);
                statement.setObject(2, today());
                try (ResultSet row = statement.executeQuery()) {
                    if (!row.next()) {
                        return Optional.empty();
                    }
                    detail = new Detail(row.getObject(1, UUID.class), row.getString(2), row.getString(3),
                            row.getString(4), row.getString(5), row.getString(6), row.getString(7), row.getString(8),
                            grounds(row.getString(9)), instant(row.getTimestamp(10)), row.getObject(11, LocalDate.class),
                            instant(row.getTimestamp(12)), row.getObject(13, LocalDate.class), row.getBoolean(14),
                            row.getBoolean(15), instant(row.getTimestamp(16)), documents(connection, row.getObject(1, UUID.class)));
                }
            }
            return Optional.of(detail);
        } catch (SQLException e) {
            throw new IllegalStateException("Register read failed", e);
        }
    }

    private static List<Document> documents(Connection connection, UUID requestId) throws SQLException {
        List<Document> documents = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT d.id, d.file_name, d.media_type, d.size, "
                + "d.sha256, (SELECT count(*) FROM public_document_part x WHERE x.document_id = d.id) "
                + "FROM public_document d WHERE d.request_id = ? AND d.stored_at IS NOT NULL ORDER BY d.position")) {
            statement.setObject(1, requestId);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    documents.add(new Document(rows.getObject(1, UUID.class), rows.getString(2), rows.getString(3),
                            rows.getLong(4), rows.getString(5), rows.getInt(6)));
                }
            }
        }
        return documents;
    }

    /** One part of a document's copy; empty when it is gone (withdrawn meanwhile). */
    public Optional<byte[]> part(UUID documentId, int part) {
        try (Connection connection = db.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT bytes FROM public_document_part WHERE document_id = ? AND part = ?")) {
            statement.setObject(1, documentId);
            statement.setInt(2, part);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? Optional.of(row.getBytes(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Document read failed", e);
        }
    }

    private List<Ground> grounds(String text) {
        try {
            return text == null ? List.of() : json.readValue(text, GROUNDS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int bind(PreparedStatement statement, List<Object> parameters) throws SQLException {
        int index = 1;
        for (Object parameter : parameters) {
            statement.setObject(index++, parameter);
        }
        return index;
    }

    static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
