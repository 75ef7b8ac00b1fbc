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
 * million). <b>Candidates by full text</b>, from the text's words as Spanish lexemes (accents ignored), rarest first
 * by how many published requests use each ({@code asked_lexeme}): rare words are the telling ones ("alumbrado",
 * "Fisherton", "46/2025"), common ones such as "información" or "solicito" match everything and tell nothing. The GIN
 * index on the asked lexemes gives (a) up to {@code closest} requests that use all of the {@code closest-words} rarest
 * words (a request asked again in the same words is always among them), and (b) up to {@code candidates} requests that
 * use two of the rare words, "rare" meaning the rarest ones whose requests add up to at most {@code lexeme-budget}
 * (when even the two rarest are more common than that, those two). The index's work is bounded by the budget: a
 * word more common than it only enters an AND, where GIN skips through its posting list. <b>Score by trigrams</b>: pg_trgm's
 * {@code similarity} between each candidate's subject and question and the text, both lower-cased without accents;
 * those at or above {@code min-score}, best first.
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

    /** Published requests visible today whose asked lexemes match a tsquery, so many at most. */
    private static final String CANDIDATES = "SELECT p.tracking_number, p.agency_code, p.agency_name, p.subject, "
            + "left(p.question, 300) AS question, p.outcome, p.filed_on, p.answered_at, p.asked_folded "
            + "FROM publication p WHERE p.asked @@ ?::tsquery AND " + RegisterQueries.VISIBLE + " LIMIT ?";

    /** Both kinds of candidates, scored by trigrams, the best kept (parameters: {@link #bind}). */
    static final String SCORED = "SELECT s.tracking_number, s.agency_code, s.agency_name, s.subject, s.question, "
            + "s.outcome, s.filed_on, s.answered_at, s.score FROM (SELECT c.*, similarity(c.asked_folded, ?) AS score FROM ("
            + "(" + CANDIDATES + ") UNION (" + CANDIDATES + ")) AS c) AS s "
            + "WHERE s.score >= ? ORDER BY s.score DESC, s.filed_on DESC LIMIT ?";

    public record Similar(String trackingNumber, String agencyCode, String agencyName, String subject, String question,
                          String outcome, LocalDate filedOn, Instant answeredAt, double score) {
    }

    /**
     * What to look for: requests with all of the rarest words ({@code closest}, null when the text has fewer than three
     * known words), requests with two of the rare words ({@code candidates}, null when the text has no known word), and
     * the text folded for trigrams.
     */
    record Plan(String closest, String candidates, String folded) {
    }

    public List<Similar> like(String text) {
        try (Connection connection = db.getConnection()) {
            Plan plan = plan(connection, text);
            if (plan.candidates() == null) {
                return List.of();
            }
            List<Similar> found = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement(SCORED)) {
                bind(statement, plan);
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

    void bind(PreparedStatement statement, Plan plan) throws SQLException {
        LocalDate today = queries.today();
        statement.setString(1, plan.folded());
        statement.setString(2, plan.closest() != null ? plan.closest() : plan.candidates());
        statement.setObject(3, today);
        statement.setInt(4, plan.closest() != null ? config.closest() : 0);
        statement.setString(5, plan.candidates());
        statement.setObject(6, today);
        statement.setInt(7, config.candidates());
        statement.setDouble(8, config.minScore());
        statement.setInt(9, config.results());
    }

    /**
     * The text's known lexemes, rarest first (lexemes no published request uses are left out: they find nothing), the
     * two tsqueries built from them, and the folded text.
     */
    Plan plan(Connection connection, String text) throws SQLException {
        List<String> lexemes = new ArrayList<>();
        List<Long> documents = new ArrayList<>();
        String folded = null;
        try (PreparedStatement statement = connection.prepareStatement("SELECT register_fold(?), a.lexeme, a.documents "
                + "FROM (SELECT 1) AS one LEFT JOIN (SELECT l.lexeme, l.documents FROM asked_lexeme l "
                + "JOIN unnest(tsvector_to_array(to_tsvector('register_es', register_words(?)))) AS t(lexeme) "
                + "ON t.lexeme = l.lexeme WHERE l.documents > 0 ORDER BY l.documents, l.lexeme LIMIT ?) AS a ON true "
                + "ORDER BY a.documents, a.lexeme")) {
            statement.setString(1, text);
            statement.setString(2, text);
            statement.setInt(3, config.maxWords());
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    folded = rows.getString(1);
                    if (rows.getString(2) != null) {
                        lexemes.add(rows.getString(2));
                        documents.add(rows.getLong(3));
                    }
                }
            }
        }
        return new Plan(closest(lexemes, config.closestWords()), candidates(lexemes, documents, config.lexemeBudget()),
                folded);
    }

    /** All of the {@code words} rarest lexemes; null for fewer than three (two of them is what candidates ask). */
    static String closest(List<String> lexemes, int words) {
        if (lexemes.size() < 3) {
            return null;
        }
        return String.join(" & ", lexemes.subList(0, Math.min(words, lexemes.size())).stream()
                .map(SimilarRequests::quote).toList());
    }

    /**
     * Two of the rare lexemes (the rarest ones whose requests add up to at most {@code budget}), as an OR of pairs;
     * when fewer than two are that rare, the two rarest; one lexeme alone when the text has one. Null for none.
     */
    static String candidates(List<String> lexemes, List<Long> documents, long budget) {
        if (lexemes.isEmpty()) {
            return null;
        }
        if (lexemes.size() == 1) {
            return quote(lexemes.get(0));
        }
        int rare = 0;
        for (long sum = 0; rare < lexemes.size() && sum + documents.get(rare) <= budget; rare++) {
            sum += documents.get(rare);
        }
        if (rare < 2) {
            return quote(lexemes.get(0)) + " & " + quote(lexemes.get(1));
        }
        List<String> pairs = new ArrayList<>();
        for (int i = 0; i < rare; i++) {
            for (int j = i + 1; j < rare; j++) {
                pairs.add("(" + quote(lexemes.get(i)) + " & " + quote(lexemes.get(j)) + ")");
            }
        }
        return String.join(" | ", pairs);
    }

    /** A lexeme as a tsquery operand: quoted, its quotes and backslashes escaped. */
    static String quote(String lexeme) {
        return "'" + lexeme.replace("\\", "\\\\").replace("'", "''") + "'";
    }
}
