package org.acceso.problem;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

/** A deliberate HTTP error whose message is written for the client and goes into the problem's detail. */
public class ProblemException extends WebApplicationException {

    public ProblemException(Response.Status status, String detail) {
        super(detail, status);
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(Response.Status.NOT_FOUND, detail);
    }

    public static ProblemException badRequest(String detail) {
        return new ProblemException(Response.Status.BAD_REQUEST, detail);
    }
}
