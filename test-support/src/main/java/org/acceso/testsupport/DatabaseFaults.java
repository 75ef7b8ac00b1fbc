package org.acceso.testsupport;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Faults a test can cause in a service's own database, to see how the service answers what it never expects.
 * For an outage (the database unreachable), see {@link PostgresResource#outage()}.
 */
public final class DatabaseFaults {

    private DatabaseFaults() {
    }

    /**
     * Renames {@code table} until the returned handle is closed: every statement of the service on it fails with
     * {@code undefined_table} (42P01), a failure no code path of the service expects.
     */
    public static AutoCloseable tableGone(DataSource dataSource, String table) {
        String away = table + "_gone_for_a_test";
        execute(dataSource, "ALTER TABLE " + table + " RENAME TO " + away);
        return () -> execute(dataSource, "ALTER TABLE " + away + " RENAME TO " + table);
    }

    private static void execute(DataSource dataSource, String sql) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
