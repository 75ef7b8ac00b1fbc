package org.acceso.observability;

import org.jboss.logging.MDC;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The correlation id that follows one piece of work through every process: the gateway takes the
 * caller's {@code X-Request-Id} when it is sane or makes one, the services log it, the outbox stores it
 * with each row, the relay sends it as a Kafka record header and the consumers put it back in the MDC.
 * In logs it is the MDC key {@value #MDC_KEY} (the formats print {@code %X{correlationId}}).
 */
public final class Correlation {

    /** The HTTP header, and the Kafka record header, that carry the id. */
    public static final String HEADER = "X-Request-Id";

    /** The MDC key of the id, next to Quarkus' {@code traceId} and {@code spanId}. */
    public static final String MDC_KEY = "correlationId";

    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._-]{1,128}");

    private Correlation() {
    }

    /** Whether an offered id can be kept as it is: 1 to 128 of {@code [A-Za-z0-9._-]}, nothing to inject into a log. */
    public static boolean isSane(String offered) {
        return offered != null && SANE.matcher(offered).matches();
    }

    /** The offered id when it is sane, else a new random UUID. */
    public static String acceptOrCreate(String offered) {
        return isSane(offered) ? offered : UUID.randomUUID().toString();
    }

    /** The id of the work in progress on this thread or Vert.x context, if any. */
    public static Optional<String> current() {
        Object id = MDC.get(MDC_KEY);
        return id == null ? Optional.empty() : Optional.of(id.toString());
    }

    /** Puts {@code id} in the MDC (nothing when it is not sane); returns whether it did. */
    public static boolean enter(String id) {
        if (!isSane(id)) {
            return false;
        }
        MDC.put(MDC_KEY, id);
        return true;
    }

    public static void leave() {
        MDC.remove(MDC_KEY);
    }
}
