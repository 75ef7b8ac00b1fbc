package org.acceso.register.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.acceso.problem.ProblemException;
import org.acceso.register.config.RegisterConfig;
import org.acceso.register.service.SimilarRequests;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** "Has this been asked before?" while a resident types a new request (through the gateway, no sign-in). */
@Path("/public/similar")
public class SimilarResource {

    private final SimilarRequests similar;
    private final RegisterConfig config;

    public SimilarResource(SimilarRequests similar, RegisterConfig config) {
        this.similar = similar;
        this.config = config;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Up to 5 published requests like the text, best first, each with a score from 0 to 1",
            description = "`text`: what the resident is asking (subject and question), 1 to 2,000 characters. "
                    + "Candidates by Spanish full text on their rarest words, scored by trigram similarity (pg_trgm).")
    public Views.SimilarList like(@QueryParam("text") String text) {
        String checked = Params.text("text", text, config.similar().maxTextLength());
        if (checked == null) {
            throw ProblemException.invalid("text", "is required: what the resident is asking");
        }
        return new Views.SimilarList(similar.like(checked).stream().map(s -> Views.similar(s, config.zone())).toList());
    }
}
