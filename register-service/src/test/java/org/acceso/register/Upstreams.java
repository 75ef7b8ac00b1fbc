package org.acceso.register;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * One WireMock on 127.0.0.1 playing what the register calls: the realm's token endpoint (client credentials of
 * {@code acceso-register} only), request-service's internal document route and deadline-service's compliance figures,
 * both answering only the register's token. Tests stub the documents and figures they need.
 */
public class Upstreams implements QuarkusTestResourceLifecycleManager {

    public static final String TOKEN = "register-service-account-token";
    private static final String BASIC = "Basic " + Base64.getEncoder()
            .encodeToString("acceso-register:acceso-register-secret".getBytes(StandardCharsets.UTF_8));

    private static WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        server.stubFor(post(urlPathEqualTo("/realms/acceso/protocol/openid-connect/token"))
                .withHeader("Authorization", equalTo(BASIC))
                .withRequestBody(containing("grant_type=client_credentials"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody("{\"access_token\":\"" + TOKEN + "\",\"token_type\":\"Bearer\",\"expires_in\":300}")));
        String url = "http://127.0.0.1:" + server.port();
        return Map.of(
                "register.services.request", url,
                "register.services.deadline", url,
                "quarkus.oidc-client.auth-server-url", url + "/realms/acceso");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }

    public static WireMockServer server() {
        return server;
    }

    /** request-service's internal route serves these bytes for the document, to the register's token only. */
    public static void document(UUID requestId, UUID documentId, byte[] bytes) {
        server.stubFor(get(urlPathEqualTo(documentPath(requestId, documentId)))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .willReturn(aResponse().withHeader("Content-Type", "application/octet-stream").withBody(bytes)));
    }

    /** request-service's internal route answers this status for the document. */
    public static void documentFails(UUID requestId, UUID documentId, int status) {
        server.stubFor(get(urlPathEqualTo(documentPath(requestId, documentId)))
                .willReturn(aResponse().withStatus(status)));
    }

    public static String documentPath(UUID requestId, UUID documentId) {
        return "/internal/publications/" + requestId + "/documents/" + documentId;
    }

    /** deadline-service's figures per agency and month (JSON as deadline-service writes it), to the register's token. */
    public static void compliance(String json) {
        server.stubFor(get(urlPathEqualTo("/compliance/agencies"))
                .withQueryParam("per", equalTo("month"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(json)));
    }

    public static void complianceFails(int status) {
        server.stubFor(get(urlPathEqualTo("/compliance/agencies")).willReturn(aResponse().withStatus(status)));
    }

    public static int requests(String path) {
        return server.findAll(WireMock.getRequestedFor(urlPathEqualTo(path))).size();
    }
}
