package org.acceso.request;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.acceso.testsupport.KafkaResource;
import org.acceso.testsupport.PostgresResource;

/**
 * Real PostgreSQL, a real Kafka broker, the OIDC test server and a fake of Keycloak's admin API (the staff directory),
 * shared by every test of this module; Rosario's policy in force announced on policy-events before the service starts.
 */
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(Law.Announced.class)
@QuarkusTestResource(KeycloakAdminFake.class)
public final class RequestServiceTestResources {

    private RequestServiceTestResources() {
    }
}
