package org.acceso.problem;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Tells a failure that says "a resource this service needs cannot be reached right now" (its database down,
 * restarting, refusing connections, or its pool unable to lend one) from a fault of the service. The first is an
 * outage: the caller gets 503 with {@code Retry-After} and may try again; the second is a 500.
 */
public final class Unavailable {

    /**
     * SQLSTATEs of an unreachable database: class 08 (connection exception), 57P01-57P03 (the server is shutting
     * down, crashed, or cannot take connections yet), 53300 (too many connections).
     */
    private static final Set<String> STATES = Set.of("57P01", "57P02", "57P03", "53300");

    private Unavailable() {
    }

    /** Whether {@code failure}, or anything it was caused by, says the database cannot be reached. */
    public static boolean databaseUnreachable(Throwable failure) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable cause = failure; cause != null && seen.put(cause, Boolean.TRUE) == null; cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException) {
                return true;
            }
            if (cause instanceof SQLException sql && unreachable(sql)) {
                return true;
            }
        }
        return false;
    }

    private static boolean unreachable(SQLException sql) {
        String state = sql.getSQLState();
        if (state != null) {
            return state.startsWith("08") || STATES.contains(state);
        }
        // Agroal's pool, when it cannot lend a connection in time, says so without a state
        String message = sql.getMessage();
        return message != null && message.startsWith("Acquisition timeout");
    }
}
