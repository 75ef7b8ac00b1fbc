package org.acceso.testsupport;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A full scan of a database for personal data: every column of every table of the public schema, read as text
 * (varchar, text, arrays, JSON, generated tsvectors: everything {@code ::text} can print), searched for each needle,
 * case-insensitively. What a dump of the database would show, without needing {@code pg_dump} on the machine.
 */
public final class PersonalDataScan {

    private PersonalDataScan() {
    }

    /** Where each needle occurs, as {@code table.column: needle (rows)}; empty when none does. */
    public static List<String> find(Connection connection, List<String> needles) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT c.table_name, c.column_name FROM information_schema.columns c
                JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
                WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE' AND c.data_type <> 'bytea'
                ORDER BY c.table_name, c.ordinal_position""");
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                columns.add(quote(rows.getString(1)) + "." + quote(rows.getString(2)));
            }
        }
        List<String> found = new ArrayList<>();
        for (String column : columns) {
            String table = column.substring(0, column.indexOf("\".\"") + 1);
            String name = column.substring(column.indexOf("\".\"") + 2);
            for (String needle : needles) {
                try (PreparedStatement statement = connection.prepareStatement(
                        "SELECT count(*) FROM " + table + " WHERE strpos(lower(" + name + "::text), lower(?)) > 0")) {
                    statement.setString(1, needle);
                    try (ResultSet count = statement.executeQuery()) {
                        count.next();
                        if (count.getLong(1) > 0) {
                            found.add(column.replace("\"", "") + ": " + needle + " (" + count.getLong(1) + ")");
                        }
                    }
                }
            }
        }
        return found;
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
