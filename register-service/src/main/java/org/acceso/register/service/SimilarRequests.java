package org.acceso.register.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.acceso.register.config.RegisterConfig;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * "Has this been asked before?": up to {@code register.similar.results} published requests whose subject and question
 * are like a text, each with a score from 0 to 1.
 * <p>
 * Two steps, so that the work stays small whatever the size of the register (docs/benchmarks.md measures it at a
 * million). <b>Candidates by full text</b>: the text's words as Spanish lexemes (accents ignored), rarest first by how
 * many published requests use each ({@code asked_lexeme}); the rarest ones are OR-ed while the requests using them add
 * up to at most {@code lexeme-budget} (rare words are the telling ones: "alumbrado", "Fisherton", "licitación 12/2025";
 * common ones such as "información" or "solicito" find everything and tell nothing); when even the rarest word is
 * common, the two rarest must both appear. The GIN index on the asked lexemes finds at most {@code candidates} of them.
 * <b>Score by trigrams</b>: pg_trgm's {@code similarity} between the candidate's subject and question and the text,
 * both lower-cased without accents; the best ones at or above {@code min-score} are returned, best first.
 */
@ApplicationScoped
public class SimilarRequests {

    private final DataSource db;
    private final RegisterConfig.Similar config;
    private final RegisterQueries queries;

    public SimilarRequests(DataSource db, RegisterConfig config, RegisterQueries queries) {
        this.db = db;
        this.config = config.similar();
        this.queries = queries;
    }

    public record Similar(String trackingNumber, String agencyCode, String agencyName, String subject, String question,
                          String outcome, LocalDate filedOn, Instant answeredAt, double score) {
    }

    /** The chosen lexemes as a tsquery, and the text folded for trigrams. */
    record Plan(String tsquery, String folded) {
    }

    public List<Similar> like(String text) {
        try (Connection connection = db.getConnection()) {
            Plan plan = plan(connection, text);
            if (plan.tsquery() == null) {
                return List.of();
            }
            List<Similar> found = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement("SELECT * FROM (SELECT p.tracking_number, "
                    + "p.agency_code, p.agency_name, p.subject, left(p.question, 300), p.outcome, p.filed_on, "
                    + "p.answered_at, similarity(p.asked_folded, ?) AS score FROM publication p "
                    + "WHERE p.asked @@ ?::tsquery AND " + RegisterQueries.VISIBLE + " LIMIT ?) AS c "
                    + "WHERE c.score >= ? ORDER BY c.score DESC, c.filed_on DESC LIMIT ?")) {
                statement.setString(1, plan.folded());
                statement.setString(2, plan.tsquery());
                statement.setObject(3, queries.today());
                statement.setInt(4, config.candidates());
                statement.setDouble(5, config.minScore());
                statement.setInt(6, config.results());
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        found.add(new Similar(rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4),
                                rows.getString(5), rows.getString(6), rows.getObject(7, LocalDate.class),
                                RegisterQueries.instant(rows.getTimestamp(8)),
                                Math.round(rows.getDouble(9) * 1000) / 1000.0));
                    }
                }
            }
            return found;
        } catch (SQLException e) {
            throw new IllegalStateException("Similar-request search failed", e);
        }
    }

    /**
     * The text's known lexemes, rarest first (lexemes no published request uses are left out: they find nothing),
     * the tsquery built from them, and the folded text.
     */
    Plan plan(Connection connection, String text) throws SQLException {
        List<String> lexemes = new ArrayList<>();
        List<Long> documents = new ArrayList<>();
        String folded;
        try (PreparedStatement statement = connection.prepareStatement("SELECT register_fold(?), a.lexeme, a.documents "
                + "FROM (SELECT 1) AS one LEFT JOIN (SELECT l.lexeme, l.documents FROM asked_lexeme l "
                + "JOIN unnest(tsvector_to_array(to_tsvector('register_es', ?))) AS t(lexeme) ON t.lexeme = l.lexeme "
                + "WHERE l.documents > 0 ORDER BY l.documents, l.lexeme LIMIT ?) AS a ON true ORDER BY a.documents, a.lexeme")) {
            statement.setString(1, text);
            statement.setString(2, text);
            statement.setInt(3, config.maxWords());
            try (ResultSet rows = statement.executeQuery()) {
                folded = null;
                while (rows.next()) {
                    folded = rows.getString(1);
                    if (rows.getString(2) != null) {
                        lexemes.add(rows.getString(2));
                        documents.add(rows.getLong(3));
                    }
                }
            }
        }
        return new Plan(tsquery(lexemes, documents, config.lexemeBudget()), folded);
    }

    /**
     * OR of the rarest lexemes while their requests add up to at most {@code budget}; when the rarest alone is over it,
     * the two rarest AND-ed (one alone when there is only one). Null when there is none.
     */
    static String tsquery(List<String> lexemes, List<Long> documents, long budget) {
        if (lexemes.isEmpty()) {
            return null;
        }
        if (documents.get(0) > budget) {
            return lexemes.size() == 1 ? quote(lexemes.get(0)) : quote(lexemes.get(0)) + " & " + quote(lexemes.get(1));
        }
        List<String> chosen = new ArrayList<>();
        long sum = 0;
        for (int i = 0; i < lexemes.size() && sum + documents.get(i) <= budget; i++) {
            sum += documents.get(i);
            chosen.add(quote(lexemes.get(i)));
        }
        return String.join(" | ", chosen);
    }

    /** A lexeme as a tsquery operand: quoted, its quotes and backslashes escaped. */
    static String quote(String lexeme) {
        return "'" + lexeme.replace("\\", "\\\\").replace("'", "''") + "'";
    }
}
