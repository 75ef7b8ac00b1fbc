package org.acceso.web.api;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import org.acceso.observability.Correlation;
import org.eclipse.microprofile.rest.client.ext.ClientHeadersFactory;
import org.jboss.logging.MDC;

/**
 * Puts the signed-in user's access token (from the code flow, kept in the encrypted session cookie) on every API
 * call, and the page's correlation id. The token never reaches the browser.
 */
@ApplicationScoped
public class UserToken implements ClientHeadersFactory {

    @Inject
    SecurityIdentity identity;

    @Inject
    Instance<AccessTokenCredential> accessToken;

    @Override
    public MultivaluedMap<String, String> update(MultivaluedMap<String, String> incoming, MultivaluedMap<String, String> outgoing) {
        MultivaluedMap<String, String> headers = new MultivaluedHashMap<>();
        AccessTokenCredential token = identity.isAnonymous() ? null : identity.getCredential(AccessTokenCredential.class);
        if (token == null && !identity.isAnonymous() && accessToken.isResolvable()) {
            token = accessToken.get();
        }
        if (token != null && token.getToken() != null) {
            headers.putSingle("Authorization", "Bearer " + token.getToken());
        }
        Object correlation = MDC.get(Correlation.MDC_KEY);
        if (correlation != null) {
            headers.putSingle(Correlation.HEADER, correlation.toString());
        }
        return headers;
    }
}
