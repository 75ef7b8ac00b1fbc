package org.acceso.systemtests;

import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;

/** REST Assured with timeouts: a hung server fails the test instead of blocking the build. */
final class Http {

    private static final int CONNECT_TIMEOUT_MS = 5_000;
    private static final int READ_TIMEOUT_MS = 30_000;

    private Http() {
    }

    static RestAssuredConfig config() {
        return RestAssuredConfig.config().httpClient(HttpClientConfig.httpClientConfig()
                .setParam("http.connection.timeout", CONNECT_TIMEOUT_MS)
                .setParam("http.socket.timeout", READ_TIMEOUT_MS)
                .setParam("http.connection-manager.timeout", (long) CONNECT_TIMEOUT_MS));
    }
}
