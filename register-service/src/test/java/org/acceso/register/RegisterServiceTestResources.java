package org.acceso.register;

import io.quarkus.test.common.QuarkusTestResource;
import org.acceso.testsupport.KafkaResource;
import org.acceso.testsupport.PostgresResource;

/**
 * Real PostgreSQL (with pg_trgm and unaccent), a real Kafka broker, and WireMock playing request-service,
 * deadline-service and the realm's token endpoint; shared by every test of this module.
 */
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(Upstreams.class)
public final class RegisterServiceTestResources {

    private RegisterServiceTestResources() {
    }
}
