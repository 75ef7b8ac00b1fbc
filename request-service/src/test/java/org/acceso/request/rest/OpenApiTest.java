package org.acceso.request.rest;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
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
                .body("paths.'/requests/{id}/answer'.post.responses.'409'.'$ref'", containsString("illegalMove"))
                .body("components.responses.illegalMove.content.'application/problem+json'.examples", notNullValue());
    }
}
