package org.acceso.request.rest;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.acceso.problem.Problem;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.Optional;

/**
 * Refuses an address (path or query) that holds a NUL character ({@code %00}) with a 400 before any resource sees it:
 * no id, code or search text ever has one, and PostgreSQL cannot take one in a parameter.
 */
public class AddressGuard {

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> refuseNul(HttpServerRequest request, UriInfo uri) {
        String raw = request.uri();
        if (raw == null || (!raw.contains("%00") && raw.indexOf('\u0000') < 0)) {
            return Optional.empty();
        }
        return Optional.of(Response.status(400).type(Problem.MEDIA_TYPE)
                .entity(Problem.of(400, "Bad Request", "The address holds a NUL character (%00)", uri.getPath()))
                .build());
    }
}
