package org.acceso.register.client;

import io.quarkus.oidc.client.filter.OidcClientFilter;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.util.UUID;

/**
 * request-service's internal route for the bytes of a published document's redacted copy (not routed by the gateway;
 * request-service answers only a token with the realm role {@code register}). Called with a client-credentials token
 * of the realm client {@code acceso-register} (quarkus-oidc-client).
 */
@RegisterRestClient(configKey = "request-service")
@OidcClientFilter
@Path("/internal/publications")
public interface RequestServiceClient {

    @GET
    @Path("/{requestId}/documents/{documentId}")
    @Produces(MediaType.WILDCARD)
    byte[] document(@PathParam("requestId") UUID requestId, @PathParam("documentId") UUID documentId);
}
