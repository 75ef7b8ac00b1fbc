package org.acceso.deadline;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.acceso.testsupport.KafkaResource;
import org.acceso.testsupport.PostgresResource;

/** Real PostgreSQL, a real Kafka broker and the OIDC test server, shared by every test of this module. */
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
public final class DeadlineServiceTestResources {

    private DeadlineServiceTestResources() {
    }
}
