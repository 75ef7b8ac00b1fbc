package org.acceso.request.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

import java.io.IOException;

/**
 * What the JSON bodies of this service may hold, beyond Jackson's defaults: no NUL character in any text (PostgreSQL
 * cannot store one, so it would fail late, as a 500), and an enum only by its name, never by its position
 * ({@code "decision": 1} is not a decision). Both are answered 400 naming the field.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        mapper.registerModule(module());
    }

    /** The text rules as a module, for the other mappers of this service (the import's). */
    public static Module module() {
        return new SimpleModule("acceso-text").addDeserializer(String.class, new NulFreeText());
    }

    static final class NulFreeText extends StdScalarDeserializer<String> {

        NulFreeText() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String value = StringDeserializer.instance.deserialize(parser, context);
            if (value != null && value.indexOf('\u0000') >= 0) {
                return (String) context.handleWeirdStringValue(String.class, value, "must not contain NUL characters");
            }
            return value;
        }
    }
}
