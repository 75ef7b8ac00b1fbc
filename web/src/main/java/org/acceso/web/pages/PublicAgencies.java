package org.acceso.web.pages;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import org.acceso.web.api.AccesoApi;
import org.acceso.web.api.Api;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The agencies the register's filter offers: those with a publication, named as the public statistics name them (the
 * agency catalogue needs a token; the register knows an agency's name from its latest publication). Kept for five
 * minutes, so a page of the register costs the API one call, not two.
 */
@ApplicationScoped
public class PublicAgencies {

    private static final Logger LOG = Logger.getLogger(PublicAgencies.class);
    static final Duration KEPT = Duration.ofMinutes(5);

    /** An agency of the filter. */
    public record Agency(String code, String name) {
    }

    @Inject
    @RestClient
    AccesoApi api;

    private volatile List<Agency> agencies = List.of();
    private volatile long fetchedAt = Long.MIN_VALUE;

    public List<Agency> all() {
        long now = System.nanoTime();
        if (fetchedAt != Long.MIN_VALUE && now - fetchedAt < KEPT.toNanos()) {
            return agencies;
        }
        try {
            Map<String, String> named = new TreeMap<>();
            for (Api.MonthFigures row : api.publicStatistics()) {
                if (row.agencyName() != null && !row.agencyName().isBlank()) {
                    named.put(row.agencyCode(), row.agencyName());
                }
            }
            agencies = named.entrySet().stream().map(e -> new Agency(e.getKey(), e.getValue())).toList();
            fetchedAt = now;
        } catch (RuntimeException e) {
            if (!(e instanceof ProcessingException) && !(e instanceof org.acceso.web.api.ApiProblem)) {
                throw e;
            }
            LOG.debugf("The register's agencies are not known now: %s", e.getMessage());
        }
        return agencies;
    }
}
