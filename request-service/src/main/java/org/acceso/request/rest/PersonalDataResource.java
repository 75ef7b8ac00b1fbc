package org.acceso.request.rest;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.acceso.request.domain.Actor;
import org.acceso.request.domain.InformationRequest;
import org.acceso.request.service.CurrentActor;
import org.acceso.request.service.RequestService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/**
 * Law 25.326, right of access: what request-service holds about the caller. The gateway's
 * {@code GET /api/me/personal-data} puts it together with the account and what notification-service holds.
 */
@Path("/me/personal-data")
@Tag(name = "Personal data")
public class PersonalDataResource {

    /** Each request the caller filed, whole (texts, contact data, documents), with its official record. */
    public record PersonalData(List<OwnRequest> requests) {
    }

    public record OwnRequest(RequestView request, List<HistoryLine> history) {
    }

    private final RequestService requests;
    private final Views views;
    private final CurrentActor caller;

    public PersonalDataResource(RequestService requests, Views views, CurrentActor caller) {
        this.requests = requests;
        this.views = views;
        this.caller = caller;
    }

    @GET
    @Authenticated
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Everything request-service holds about the caller as a requester (Law 25.326)")
    public PersonalData personalData() {
        Actor actor = caller.get();
        List<OwnRequest> own = requests.listOwn(actor.userId()).stream()
                .map(request -> new OwnRequest(views.full(request, actor), history(request, actor)))
                .toList();
        return new PersonalData(own);
    }

    private List<HistoryLine> history(InformationRequest request, Actor actor) {
        return requests.history(request).stream()
                .map(line -> HistoryLine.of(line, false, actor.userId(), null))
                .toList();
    }
}
