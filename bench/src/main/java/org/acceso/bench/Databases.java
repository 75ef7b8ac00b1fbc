package org.acceso.bench;

import org.acceso.launcher.Environment;
import org.acceso.launcher.Layout;
import org.acceso.launcher.Service;

import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** What the services stored, read with each service's own database user: clocks and sent receipts, by request id. */
final class Databases {

    /** Receipts notification-service marked sent for some requests: how many, and when the last one went out. */
    record Sent(long count, long lastSentEpochMs) {
    }

    private final Layout layout;

    Databases(Layout layout) {
        this.layout = layout;
    }

    Connection connect(Service service) throws SQLException {
        return DriverManager.getConnection(layout.jdbcUrl(service.database()), service.database(), Environment.DB_PASSWORD);
    }

    /** deadline-service's clocks ({@code legal_clock}, one row per request id at most: its primary key) per request id. */
    Map<String, Integer> clocks(Collection<String> requestIds) {
        Map<String, Integer> clocks = new HashMap<>();
        try (Connection db = connect(Service.DEADLINE);
             PreparedStatement query = db.prepareStatement(
                     "SELECT request_id::text, count(*) FROM legal_clock WHERE request_id = ANY(?) GROUP BY request_id")) {
            query.setArray(1, uuids(db, requestIds));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    clocks.put(rows.getString(1), rows.getInt(2));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading legal_clock: " + e.getMessage(), e);
        }
        return clocks;
    }

    /** Receipt e-mails notification-service marked SENT for these requests. */
    Sent receiptsSent(Collection<String> requestIds) {
        try (Connection db = connect(Service.NOTIFICATION);
             PreparedStatement query = db.prepareStatement("SELECT count(*), max(sent_at) FROM notification "
                     + "WHERE kind = 'receipt' AND channel = 'EMAIL' AND status = 'SENT' AND request_id = ANY(?)")) {
            query.setArray(1, uuids(db, requestIds));
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                Timestamp last = rows.getTimestamp(2);
                return new Sent(rows.getLong(1), last == null ? 0 : last.getTime());
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading notification: " + e.getMessage(), e);
        }
    }

    /** Receipts marked SENT per request id, with when (for the SMTP drill: sent just before the catcher went down). */
    Map<String, Long> receiptSentAt(Collection<String> requestIds) {
        Map<String, Long> sent = new HashMap<>();
        try (Connection db = connect(Service.NOTIFICATION);
             PreparedStatement query = db.prepareStatement("SELECT request_id::text, sent_at FROM notification "
                     + "WHERE kind = 'receipt' AND channel = 'EMAIL' AND status = 'SENT' AND request_id = ANY(?)")) {
            query.setArray(1, uuids(db, requestIds));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    sent.put(rows.getString(1), rows.getTimestamp(2).getTime());
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading notification: " + e.getMessage(), e);
        }
        return sent;
    }

    /** Clocks created in a time window (filings accepted although the client got no 201). */
    long clocksCreatedBetween(long fromEpochMs, long toEpochMs) {
        try (Connection db = connect(Service.DEADLINE);
             PreparedStatement query = db.prepareStatement(
                     "SELECT count(*) FROM legal_clock WHERE filed_at >= ? AND filed_at < ?")) {
            query.setTimestamp(1, new Timestamp(fromEpochMs));
            query.setTimestamp(2, new Timestamp(toEpochMs));
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading legal_clock: " + e.getMessage(), e);
        }
    }

    private static Array uuids(Connection db, Collection<String> ids) throws SQLException {
        return db.createArrayOf("uuid", ids.stream().map(UUID::fromString).toArray(UUID[]::new));
    }
}
