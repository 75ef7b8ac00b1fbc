package org.acceso.request.domain;

/** A move the lifecycle does not allow; the API answers it with 409. */
public class IllegalTransitionException extends RuntimeException {

    public IllegalTransitionException(String trackingNumber, RequestStatus from, RequestStatus to) {
        super("Request " + trackingNumber + " is " + from + " and cannot become " + to);
    }
}
