package org.acceso.request.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.acceso.request.config.RequestConfig;

import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hands out human-readable, yearly tracking numbers ({@code AIP-2026-000123}; the year in the zone of the
 * jurisdiction policy in force): unique and increasing within a year,
 * from one PostgreSQL sequence per year ({@code tracking_number_2026}). A sequence is not held until the filing
 * commits (a counter row was, and made concurrent filings queue one behind the other); the price is that a filing
 * that rolls back leaves a gap in the numbering. A year's sequence is created the first time a number of that year is
 * needed, in its own short transaction under an advisory lock so that two instances do not race to create it.
 */
@ApplicationScoped
public class TrackingNumbers {

    /** Serialises the creation of a year's sequence across instances (any constant unique to this purpose). */
    private static final long CREATE_LOCK = 0x4143_4345_534f_544eL;

    private final RequestConfig config;
    private final LawInForce law;
    private final EntityManager em;
    private final Set<Integer> knownYears = ConcurrentHashMap.newKeySet();

    public TrackingNumbers(RequestConfig config, LawInForce law, EntityManager em) {
        this.config = config;
        this.law = law;
        this.em = em;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public String next(Instant filedAt) {
        int year = filedAt.atZone(law.zone()).getYear();
        Number value = (Number) em.createNativeQuery("SELECT nextval(CAST(?1 AS regclass))")
                .setParameter(1, sequenceOf(year))
                .getSingleResult();
        return format(config.tracking().prefix(), year, value.intValue());
    }

    /**
     * Keeps an imported tracking number from being handed out again: when it has this system's own shape, the
     * year's sequence moves past it (never back).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void reserve(String trackingNumber) {
        Matcher own = Pattern.compile(Pattern.quote(config.tracking().prefix()) + "-(\\d{4})-(\\d{6})").matcher(trackingNumber);
        if (!own.matches() || Long.parseLong(own.group(2)) == 0) {
            return;
        }
        String sequence = sequenceOf(Integer.parseInt(own.group(1)));
        em.createNativeQuery("SELECT setval(CAST(?1 AS regclass), ?2) FROM " + sequence
                        + " WHERE NOT is_called OR last_value < ?2")
                .setParameter(1, sequence)
                .setParameter(2, Long.parseLong(own.group(2)))
                .getResultList();
    }

    /** The name of {@code year}'s sequence, created if this is the year's first number. */
    private String sequenceOf(int year) {
        String sequence = "tracking_number_" + year;
        if (!knownYears.contains(year)) {
            QuarkusTransaction.requiringNew().run(() -> {
                em.createNativeQuery("SELECT pg_advisory_xact_lock(?1)").setParameter(1, CREATE_LOCK).getSingleResult();
                em.createNativeQuery("CREATE SEQUENCE IF NOT EXISTS " + sequence + " AS integer MINVALUE 1").executeUpdate();
            });
            knownYears.add(year);
        }
        return sequence;
    }

    static String format(String prefix, int year, int number) {
        return String.format("%s-%d-%06d", prefix, year, number);
    }
}
