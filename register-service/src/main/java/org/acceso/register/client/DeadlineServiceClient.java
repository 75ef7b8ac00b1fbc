package org.acceso.register.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.quarkus.oidc.client.filter.OidcClientFilter;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * deadline-service's compliance figures per agency and month of receipt (docs/compliance.md), with a
 * client-credentials token of the realm client {@code acceso-register} (role {@code register}). A tolerant reader:
 * only the figures the register publishes are read.
 */
@RegisterRestClient(configKey = "deadline-service")
@OidcClientFilter
@Path("/compliance")
public interface DeadlineServiceClient {

    @GET
    @Path("/agencies")
    @Produces(MediaType.APPLICATION_JSON)
    List<MonthFigures> agenciesPerMonth(@QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to,
                                        @QueryParam("per") String per);

    /** One agency's figures for the requests it received in one month. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record MonthFigures(String agency, LocalDate from, LocalDate to, long received, long answered,
                        long answeredWithinInitialDeadline, long answeredWithinExtendedDeadline, long answeredLate,
                        long deemedDenials, DaysToAnswer businessDaysToAnswer, Map<String, Long> denialsByGround) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record DaysToAnswer(Integer median) {
    }
}
