package org.acceso.request.service;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.acceso.request.config.RequestConfig;

import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hands out human-readable, yearly tracking numbers ({@code AIP-2026-000123}): unique and
 * increasing within a year, with no gaps unless a filing rolls back. One upsert per number: the
 * row lock serialises concurrent filings only for the instant of the increment.
 */
@ApplicationScoped
public class TrackingNumbers {

    private final RequestConfig config;

    public TrackingNumbers(RequestConfig config) {
        this.config = config;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public String next(Instant filedAt) {
        int year = filedAt.atZone(config.tracking().zone()).getYear();
        Number value = (Number) Panache.getEntityManager()
                .createNativeQuery("INSERT INTO tracking_sequence (year, last_value) VALUES (?1, 1) "
                        + "ON CONFLICT (year) DO UPDATE SET last_value = tracking_sequence.last_value + 1 "
                        + "RETURNING last_value")
                .setParameter(1, year)
                .getSingleResult();
        return format(config.tracking().prefix(), year, value.intValue());
    }

    /**
     * Keeps an imported tracking number from being handed out again: when it has this system's own shape, the
     * year's counter moves past it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void reserve(String trackingNumber) {
        Matcher own = Pattern.compile(Pattern.quote(config.tracking().prefix()) + "-(\\d{4})-(\\d{6})").matcher(trackingNumber);
        if (!own.matches()) {
            return;
        }
        Panache.getEntityManager()
                .createNativeQuery("INSERT INTO tracking_sequence (year, last_value) VALUES (?1, ?2) "
                        + "ON CONFLICT (year) DO UPDATE SET last_value = GREATEST(tracking_sequence.last_value, EXCLUDED.last_value)")
                .setParameter(1, Integer.parseInt(own.group(1)))
                .setParameter(2, Integer.parseInt(own.group(2)))
                .executeUpdate();
    }

    static String format(String prefix, int year, int number) {
        return String.format("%s-%d-%06d", prefix, year, number);
    }
}
