package org.acceso.request.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.acceso.request.Fixture;
import org.acceso.request.domain.Move;
import org.acceso.request.domain.RequestStatus;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import static org.acceso.request.Fixture.ELENA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * Every move over REST from every status, made by the person entitled to make it: exactly the moves of the status
 * table succeed (200, the request in the status the table names); every other one is a 409 problem that names the
 * current status and the moves allowed from it, and changes nothing.
 */
@QuarkusTest
class LifecycleTransitionsTest {

    /** One request per status for the refused moves: a refusal changes nothing, so it can be reused. */
    static final Map<RequestStatus, String> UNCHANGED = new ConcurrentHashMap<>();

    static Stream<Arguments> everyStatusAndRestMove() {
        return Arrays.stream(RequestStatus.values()).flatMap(status -> Arrays.stream(Move.values())
                .filter(move -> move != Move.DEEM_DENIED)
                .map(move -> Arguments.of(status, move)));
    }

    @ParameterizedTest(name = "{0} --{1}-->")
    @MethodSource("everyStatusAndRestMove")
    void shouldAllowExactlyTheMovesOfTheStatusTable(RequestStatus status, Move move) {
        if (status.allows(move)) {
            String id = Fixture.inStatus(status);

            Fixture.make(move, id).then().statusCode(200)
                    .body("id", equalTo(id))
                    .body("status", equalTo(status.after(move).orElseThrow().name()));
        } else {
            String id = UNCHANGED.computeIfAbsent(status, Fixture::inStatus);
            int historyBefore = history(id).size();

            Response refused = Fixture.make(move, id);

            List<String> allowed = status.allowedMoves().stream().filter(m -> m != Move.DEEM_DENIED).map(Move::apiName).toList();
            refused.then().statusCode(409)
                    .contentType("application/problem+json")
                    .body("type", equalTo("/problems/illegal-move"))
                    .body("title", equalTo("Move not allowed"))
                    .body("status", equalTo(409))
                    .body("currentStatus", equalTo(status.name()))
                    .body("move", equalTo(move.apiName()))
                    .body("allowedMoves", equalTo(allowed))
                    .body("detail", containsString(" is " + status.name() + ": " + move.apiName() + " is not allowed"));
            Fixture.get(ELENA, id).then().body("status", equalTo(status.name()));
            assertThat(history(id)).hasSize(historyBefore);
        }
    }

    static List<Object> history(String id) {
        return Fixture.as(ELENA).get("/requests/" + id + "/history").then().statusCode(200).extract().path("$");
    }
}
