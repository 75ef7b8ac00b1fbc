package org.acceso.notification.rest;

import io.quarkus.test.junit.QuarkusTest;
import org.acceso.testsupport.LastResortContract;
import org.acceso.testsupport.TestTokens;

/** notification-service's last resort (see {@link LastResortContract}), through the in-app feed. */
@QuarkusTest
class LastResortTest extends LastResortContract {

    static final String ANA = TestTokens.resident("last-resort-ana", "ana@example.org");

    @Override
    protected String token() {
        return ANA;
    }

    @Override
    protected String readPath() {
        return "/notifications/mine";
    }

    @Override
    protected String table() {
        return "notification";
    }
}
