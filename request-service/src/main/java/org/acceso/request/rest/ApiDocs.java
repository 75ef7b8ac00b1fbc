package org.acceso.request.rest;

import jakarta.ws.rs.core.Application;
import org.acceso.problem.Problem;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * The OpenAPI document's header and the problem responses every endpoint refers to (the bearer-token scheme comes
 * from {@code quarkus.smallrye-openapi.security-scheme}).
 */
@OpenAPIDefinition(
        info = @Info(title = "Acceso request-service", version = "1",
                description = "Requests for public information: filing, the lifecycle, documents, agencies, import. "
                        + "Every error is application/problem+json (RFC 9457).",
                license = @License(name = "Apache-2.0")),
        components = @Components(
                responses = {
                        @APIResponse(name = "invalid", responseCode = "400", description = "The input is invalid: each violation names its field",
                                content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                                        examples = @ExampleObject(name = "blank subject", value = """
                                                {"type":"/problems/invalid-request","title":"Invalid request","status":400,
                                                 "detail":"1 field is invalid","instance":"/requests",
                                                 "violations":[{"field":"subject","message":"must not be blank"}]}"""))),
                        @APIResponse(name = "unauthorized", responseCode = "401", description = "No valid bearer token",
                                content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
                        @APIResponse(name = "forbidden", responseCode = "403", description = "The caller's role may not do this",
                                content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
                        @APIResponse(name = "notFound", responseCode = "404",
                                description = "No such request, or one the caller may not see (the same answer, so ids cannot be probed)",
                                content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
                        @APIResponse(name = "illegalMove", responseCode = "409",
                                description = "The request's status does not allow the move, or a rule forbids it now",
                                content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                                        examples = @ExampleObject(name = "second answer", value = """
                                                {"type":"/problems/illegal-move","title":"Move not allowed","status":409,
                                                 "detail":"AIP-2026-000123 is ANSWERED: answer is not allowed; allowed from ANSWERED: appeal",
                                                 "instance":"/requests/0b6e3f57-2a43-4c1b-8d0e-3c6a1f2b7d44/answer",
                                                 "currentStatus":"ANSWERED","move":"answer","allowedMoves":["appeal"]}"""))),
                        @APIResponse(name = "idempotencyKeyReused", responseCode = "422",
                                description = "The Idempotency-Key was used by the caller for a different filing in the last 24 hours",
                                content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                                        examples = @ExampleObject(name = "another body", value = """
                                                {"type":"/problems/idempotency-key-reused","title":"Idempotency key reused","status":422,
                                                 "detail":"This Idempotency-Key was already used for a different filing. Retry with the same body to get that filing's answer, or send a new key to file another request.",
                                                 "instance":"/requests"}"""))),
                        @APIResponse(name = "tooLarge", responseCode = "413", description = "The body is larger than this endpoint takes",
                                content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
                        @APIResponse(name = "unsupported", responseCode = "415",
                                description = "The content type is not accepted (for documents: decided from the bytes)",
                                content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
                }))
public class ApiDocs extends Application {
}
