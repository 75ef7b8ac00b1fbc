package org.acceso.register.service;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;

/** Values as native queries return them. */
final class Sql {

    private Sql() {
    }

    static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        throw new IllegalStateException("Not a timestamp: " + value.getClass().getName());
    }
}
