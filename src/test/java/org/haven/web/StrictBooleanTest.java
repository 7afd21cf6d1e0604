package org.haven.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import jakarta.json.bind.annotation.JsonbTypeDeserializer;
import org.junit.jupiter.api.Test;

class StrictBooleanTest {

    public record Flag(String title, @JsonbTypeDeserializer(StrictBoolean.class) Boolean anonymous) {
    }

    private final Jsonb jsonb = JsonbBuilder.create();

    @Test
    void trueFalseNullAndAbsentAreRead() {
        assertEquals(Boolean.TRUE, jsonb.fromJson("{\"title\":\"a\",\"anonymous\":true}", Flag.class).anonymous());
        assertEquals(Boolean.FALSE, jsonb.fromJson("{\"title\":\"a\",\"anonymous\":false}", Flag.class).anonymous());
        assertNull(jsonb.fromJson("{\"title\":\"a\",\"anonymous\":null}", Flag.class).anonymous());
        assertNull(jsonb.fromJson("{\"title\":\"a\"}", Flag.class).anonymous());
        assertEquals("a", jsonb.fromJson("{\"anonymous\":true,\"title\":\"a\"}", Flag.class).title());
    }

    @Test
    void anythingElseIsRefusedRatherThanReadAsFalse() {
        for (String value : new String[] {"\"yes\"", "\"true\"", "1", "0", "{}", "[]"}) {
            assertThrows(JsonbException.class,
                    () -> jsonb.fromJson("{\"title\":\"a\",\"anonymous\":" + value + "}", Flag.class), value);
        }
    }
}
