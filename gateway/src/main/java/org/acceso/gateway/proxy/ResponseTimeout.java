package org.acceso.gateway.proxy;

import io.vertx.core.http.HttpClientRequest;

/**
 * {@code gateway.backend.read-timeout} counted from the moment the caller's body has been passed on, not
 * from the start of the exchange: Vert.x' idle timeout only sees data coming back, so armed at once it would
 * cut off an upload that takes longer than the timeout (a 20 MB document over a slow line).
 */
final class ResponseTimeout {

    private final long millis;
    private HttpClientRequest request;
    private boolean bodyDone;

    ResponseTimeout(long millis) {
        this.millis = millis;
    }

    /** The request to the service exists. */
    void requestCreated(HttpClientRequest request) {
        this.request = request;
        arm();
    }

    /** The caller's body has been read to its end (or there was none). */
    void bodyDone() {
        this.bodyDone = true;
        arm();
    }

    private void arm() {
        if (request != null && bodyDone) {
            request.idleTimeout(millis);
        }
    }
}
