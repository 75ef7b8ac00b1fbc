package org.acceso.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import org.acceso.contracts.EventCodec;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeSet;

/**
 * Checks messages against the example messages pinned in the contracts module
 * ({@code contracts/examples/<Type>.json}). A producer's test asserts that what it sends has the
 * example's shape; a consumer's test feeds the example itself to the consumer.
 */
public final class ContractAssertions {

    private ContractAssertions() {
    }

    /** The pinned example message of an event type, as JSON text. */
    public static String example(String type) {
        try (InputStream in = ContractAssertions.class.getResourceAsStream("/contracts/examples/" + type + ".json")) {
            if (in == null) {
                throw new IllegalArgumentException("No contract example for event type " + type);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Fails unless {@code json} has exactly the fields of the example of its type, at every depth,
     * with the same JSON kinds (a field may be null where the example has a value).
     */
    public static void assertMatchesContract(String json) {
        try {
            JsonNode actual = EventCodec.mapper().readTree(json);
            String type = actual.path("type").asText();
            JsonNode expected = EventCodec.mapper().readTree(example(type));
            compare("$", expected, actual);
        } catch (IOException e) {
            throw new AssertionError("Not JSON: " + json, e);
        }
    }

    private static void compare(String path, JsonNode expected, JsonNode actual) {
        if (actual.isNull() || expected.isNull()) {
            return;
        }
        if (expected.getNodeType() != actual.getNodeType()) {
            throw new AssertionError(path + " is " + actual.getNodeType() + " but the contract has " + expected.getNodeType());
        }
        if (!expected.isObject()) {
            return;
        }
        TreeSet<String> expectedNames = names(expected);
        TreeSet<String> actualNames = names(actual);
        if (!expectedNames.equals(actualNames)) {
            throw new AssertionError(path + " has fields " + actualNames + " but the contract has " + expectedNames);
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            compare(path + "." + field.getKey(), field.getValue(), actual.get(field.getKey()));
        }
    }

    private static TreeSet<String> names(JsonNode node) {
        TreeSet<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
