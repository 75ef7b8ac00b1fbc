package org.acceso.request.rest;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.acceso.request.service.ExemptionGrounds;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** The legal grounds a denial or partial grant may cite, from the configured catalogue. */
@Path("/exemption-grounds")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Exemption grounds")
public class ExemptionGroundResource {

    private final ExemptionGrounds grounds;

    public ExemptionGroundResource(ExemptionGrounds grounds) {
        this.grounds = grounds;
    }

    public record Catalogue(String law, List<ExemptionGrounds.Ground> grounds) {
    }

    @GET
    @Authenticated
    @Operation(operationId = "listExemptionGrounds", summary = "The exemption grounds (code, article, official name in Spanish and English)")
    public Catalogue list() {
        return new Catalogue(grounds.law(), grounds.all());
    }
}
