package org.acceso.web.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The facts of the law, public through the gateway ({@code /api/policy}, deadline-service): called without anyone's
 * token, since what it answers is the same for everyone and is cached for every page ({@link Policies}).
 */
@RegisterRestClient(configKey = "api")
@RegisterProvider(ApiProblem.Mapper.class)
@Produces(MediaType.APPLICATION_JSON)
public interface PolicyApi {

    /** The policy new requests start under. */
    @GET
    @Path("/policy")
    Api.Policy inForce();

    /** A shipped profile by name (the one a request's clock started under). */
    @GET
    @Path("/policy/profiles/{profile}")
    Api.Policy profile(@PathParam("profile") String profile);
}
