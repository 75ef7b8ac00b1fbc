package org.acceso.deadline.rest;

import io.quarkus.test.junit.QuarkusTest;
import org.acceso.testsupport.LastResortContract;
import org.acceso.testsupport.TestTokens;

/** deadline-service's last resort (see {@link LastResortContract}), through the calendar's audit trail. */
@QuarkusTest
class LastResortTest extends LastResortContract {

    static final String AUDITOR = TestTokens.token("last-resort-fede", "fede@example.org", "auditor");

    @Override
    protected String token() {
        return AUDITOR;
    }

    @Override
    protected String readPath() {
        return "/calendars/rosario/changes";
    }

    @Override
    protected String table() {
        return "calendar_change";
    }
}
