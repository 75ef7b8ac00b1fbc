package org.acceso.notification;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.acceso.testsupport.GreenMailResource;
import org.acceso.testsupport.KafkaResource;
import org.acceso.testsupport.PostgresResource;

/** Real PostgreSQL, Kafka and SMTP servers and the OIDC test server, shared by every test of this module. */
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(GreenMailResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
public final class NotificationServiceTestResources {

    private NotificationServiceTestResources() {
    }
}
