package org.acceso.register.rest;

import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Every public answer may be stored but must be checked again before it is reused ({@code no-cache}): a withdrawn
 * publication must leave every cache as soon as it leaves the register. Answers with an ETag revalidate cheaply (304).
 */
public class Revalidate {

    @ServerResponseFilter
    public void revalidate(ContainerResponseContext response) {
        if (!response.getHeaders().containsKey(HttpHeaders.CACHE_CONTROL)) {
            response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, "no-cache");
        }
    }
}
