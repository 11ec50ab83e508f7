package dev.sockeye;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TargetTest {

    @Test
    void targetsAreValuesComparedByContent() {
        assertEquals(Target.room("a"), Target.room("a"));
        assertEquals(Target.all(), Target.all());
        assertEquals(new Target.ToAllExcept("x"), Target.allExcept("x"));
        assertEquals(new Target.ToConnection("id"), Target.connection("id"));
        assertThrows(NullPointerException.class, () -> Target.room(null));
    }

    @Test
    void payloadTypeKeepsGenericArguments() {
        PayloadType<List<Map<String, Integer>>> type = new PayloadType<>() { };
        assertEquals("java.util.List<java.util.Map<java.lang.String, java.lang.Integer>>", type.toString());
        assertEquals(PayloadType.of(String.class), PayloadType.of(String.class));
    }
}
