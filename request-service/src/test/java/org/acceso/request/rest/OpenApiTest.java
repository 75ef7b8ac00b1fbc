package org.acceso.request.rest;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.notNullValue;

/** Every endpoint is in the OpenAPI document, with its problem responses. */
@QuarkusTest
class OpenApiTest {

    @Test
    void shouldDocumentEveryEndpointWithItsProblems() {
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("info.title", containsString("request-service"))
                .body("paths", hasKey("/requests"))
                .body("paths", hasKey("/requests/mine"))
                .body("paths", hasKey("/requests/{id}"))
                .body("paths", hasKey("/requests/{id}/history"))
                .body("paths", hasKey("/requests/{id}/assignment"))
                .body("paths", hasKey("/requests/{id}/clarification"))
                .body("paths", hasKey("/requests/{id}/clarification/reply"))
                .body("paths", hasKey("/requests/{id}/referral"))
                .body("paths", hasKey("/requests/{id}/extension"))
                .body("paths", hasKey("/requests/{id}/answer"))
                .body("paths", hasKey("/requests/{id}/withdrawal"))
                .body("paths", hasKey("/requests/{id}/appeal"))
                .body("paths", hasKey("/requests/{id}/appeal/resolution"))
                .body("paths", hasKey("/requests/{id}/documents"))
                .body("paths", hasKey("/requests/{id}/documents/{documentId}"))
                .body("paths", hasKey("/requests/import"))
                .body("paths", hasKey("/agencies"))
                .body("paths", hasKey("/agencies/{code}"))
                .body("paths", hasKey("/exemption-grounds"))
                .body("paths", hasKey("/requests/{id}/publication/proposal"))
                .body("paths", hasKey("/requests/{id}/publication"))
                .body("paths", hasKey("/internal/publications/{requestId}/documents/{documentId}"))
                .body("paths.'/requests/{id}/publication'.post.operationId", equalTo("publish"))
                .body("paths.'/requests/{id}/publication'.delete.operationId", equalTo("withdrawPublication"))
                .body("paths.'/requests/{id}/answer'.post.responses.'409'.'$ref'", containsString("illegalMove"))
                .body("components.responses.illegalMove.content.'application/problem+json'.examples", notNullValue());
    }

    @Test
    void shouldGiveEveryOperationAUniqueId() {
        Map<String, Map<String, Object>> paths = given().accept("application/json").get("/q/openapi")
                .then().statusCode(200).extract().path("paths");
        List<Object> ids = new ArrayList<>();
        paths.values().forEach(item -> item.forEach((method, operation) -> {
            if (List.of("get", "post", "put", "delete", "patch").contains(method)) {
                ids.add(((Map<?, ?>) operation).get("operationId"));
            }
        }));

        assertThat(ids).doesNotContainNull().doesNotHaveDuplicates();
    }
}
