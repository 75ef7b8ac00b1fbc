package org.acceso.deadline.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.acceso.contracts.PolicyInForce;
import org.acceso.deadline.domain.PolicyProfiles;
import org.acceso.deadline.service.PolicyAnnouncer;
import org.acceso.deadline.service.PolicyCatalog;
import org.acceso.problem.ProblemException;

/**
 * The facts of the law, public (the gateway routes {@code /api/policy} here without a token): the policy new requests
 * start under, and any shipped profile by name (a clock keeps the profile it started under). The body is the
 * {@code PolicyInForce} event's payload, so pages and services read the same document.
 */
@Path("/policy")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public class PolicyResource {

    private final PolicyAnnouncer announcer;

    public PolicyResource(PolicyAnnouncer announcer) {
        this.announcer = announcer;
    }

    /** The policy in force: what the law grants a request filed now (as announced on policy-events at start). */
    @GET
    public PolicyInForce inForce() {
        return announcer.announced();
    }

    /**
     * A shipped profile ({@code ar-rosario}, {@code cl}, ...), e.g. the one a clock started under: the announcement when
     * it is the profile in force, otherwise the profile with no {@code announcedAt}; 404 for a name no profile has.
     */
    @GET
    @Path("/profiles/{profile}")
    public PolicyInForce profile(@PathParam("profile") String profile) {
        PolicyInForce inForce = announcer.announced();
        if (inForce.profile().equals(profile)) {
            return inForce;
        }
        return PolicyProfiles.find(profile)
                .map(policy -> PolicyCatalog.describe(policy, null))
                .orElseThrow(() -> ProblemException.notFound("No policy profile " + profile));
    }
}
