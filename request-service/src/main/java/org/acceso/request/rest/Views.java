package org.acceso.request.rest;

import jakarta.enterprise.context.ApplicationScoped;
import org.acceso.request.domain.Actor;
import org.acceso.request.domain.InformationRequest;
import org.acceso.request.domain.Move;
import org.acceso.request.service.DocumentService;
import org.acceso.request.service.LawInForce;
import org.acceso.request.service.RequestAccess;

import java.util.List;

/** Builds the views of requests for one caller: what they may see of it and which moves they may make. */
@ApplicationScoped
public class Views {

    private final RequestAccess access;
    private final LawInForce law;
    private final DocumentService documents;

    public Views(RequestAccess access, LawInForce law, DocumentService documents) {
        this.access = access;
        this.law = law;
        this.documents = documents;
    }

    /** The whole request, with its documents. */
    public RequestView full(InformationRequest request, Actor actor) {
        return RequestView.of(request, law.zone(), access.seesRequester(actor, request),
                documents.list(request, actor), moves(request, actor));
    }

    /** The request as a list item (no documents). */
    public RequestView item(InformationRequest request, Actor actor) {
        return RequestView.of(request, law.zone(), access.seesRequester(actor, request), null,
                moves(request, actor));
    }

    private List<String> moves(InformationRequest request, Actor actor) {
        return request.status().allowedMoves().stream()
                .filter(move -> move != Move.DEEM_DENIED && access.mayMake(actor, move, request))
                .map(Move::apiName)
                .toList();
    }
}
