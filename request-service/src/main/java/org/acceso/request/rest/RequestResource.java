package org.acceso.request.rest;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.acceso.problem.ProblemException;
import org.acceso.request.config.RequestConfig;
import org.acceso.request.domain.Language;
import org.acceso.request.domain.Requester;
import org.acceso.request.service.RequestService;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Residents file requests and follow their own. */
@Path("/requests")
@Produces(MediaType.APPLICATION_JSON)
public class RequestResource {

    private final RequestService requests;
    private final RequestConfig config;
    private final JsonWebToken token;
    private final SecurityIdentity identity;

    public RequestResource(RequestService requests, RequestConfig config, JsonWebToken token, SecurityIdentity identity) {
        this.requests = requests;
        this.config = config;
        this.token = token;
        this.identity = identity;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("resident")
    public Response file(@Valid @NotNull(message = "a JSON body is required") FileRequest body, UriInfo uri) {
        String contactEmail = body.contactEmail() != null ? body.contactEmail() : token.getClaim("email");
        if (contactEmail == null || contactEmail.isBlank()) {
            throw ProblemException.badRequest("contactEmail is required: your account has no e-mail address");
        }
        Language language = body.language() == null ? Language.DEFAULT : Language.fromCode(body.language()).orElseThrow();
        var request = requests.file(requester(), new RequestService.Filing(body.subject().strip(), body.description(),
                body.agencyCode(), language, contactEmail));
        return Response.created(uri.getAbsolutePathBuilder().path(request.id.toString()).build())
                .entity(RequestView.of(request, config.tracking().zone()))
                .build();
    }

    @GET
    @Path("/mine")
    @RolesAllowed("resident")
    public List<RequestView> mine() {
        return requests.listOwn(subject()).stream().map(r -> RequestView.of(r, config.tracking().zone())).toList();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed("resident")
    public RequestView get(@PathParam("id") String id) {
        return parse(id).flatMap(uuid -> requests.findOwn(uuid, subject()))
                .map(r -> RequestView.of(r, config.tracking().zone()))
                .orElseThrow(() -> ProblemException.notFound("No request " + id + " among yours"));
    }

    private Requester requester() {
        String name = token.getClaim("name");
        return new Requester(subject(), name != null ? name : identity.getPrincipal().getName(), token.getClaim("email"));
    }

    /** The token's stable subject; usernames can change, {@code sub} cannot. */
    private String subject() {
        return token.getSubject() != null ? token.getSubject() : identity.getPrincipal().getName();
    }

    private static Optional<UUID> parse(String id) {
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
