package org.acceso.gateway.http;

import io.vertx.ext.web.RoutingContext;

/** Which service an exchange went to, for the access log ({@code -} when it went nowhere). */
public final class ServiceName {

    private static final String KEY = ServiceName.class.getName();

    private ServiceName() {
    }

    public static void set(RoutingContext rc, String service) {
        rc.put(KEY, service);
    }

    static String of(RoutingContext rc) {
        String service = rc.get(KEY);
        return service == null ? "-" : service;
    }
}
