package org.haven.web;

import jakarta.json.JsonNumber;
import jakarta.json.JsonValue;
import jakarta.json.bind.JsonbException;
import jakarta.json.bind.serializer.DeserializationContext;
import jakarta.json.bind.serializer.JsonbDeserializer;
import jakarta.json.stream.JsonParser;
import java.lang.reflect.Type;

/**
 * Reads a version (a whole JSON number) and nothing else. JSON-B would read {@code "version": 1.5} as 1 and a
 * stale or made-up version would then pass the check that keeps two people from overwriting each other, or a
 * moderator from deciding on what they never saw.
 */
public class StrictVersion implements JsonbDeserializer<Long> {

    @Override
    public Long deserialize(JsonParser parser, DeserializationContext context, Type type) {
        JsonValue value = parser.getValue();
        if (value == JsonValue.NULL) {
            return null;
        }
        if (value instanceof JsonNumber number && number.isIntegral()) {
            try {
                return number.bigIntegerValueExact().longValueExact();
            } catch (ArithmeticException tooBig) {
                // answered below
            }
        }
        throw new JsonbException("expected a whole number");
    }
}
