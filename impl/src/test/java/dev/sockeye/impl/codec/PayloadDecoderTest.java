package dev.sockeye.impl.codec;

import dev.sockeye.PayloadDecodeException;
import dev.sockeye.PayloadType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Payloads become the type the listener declares, or a decode error; never a wrong value. */
class PayloadDecoderTest {

    /** A record payload. */
    public record ChatMessage(String from, String text) {
    }

    /** A JavaBean payload. */
    public static class Point {
        private int x;
        private int y;

        public int getX() {
            return x;
        }

        public void setX(int x) {
            this.x = x;
        }

        public int getY() {
            return y;
        }

        public void setY(int y) {
            this.y = y;
        }
    }

    private final PayloadDecoder decoder = new PayloadDecoder(Frames.JSONB);

    private static InboundMessage.Event event(int type, String payload) {
        return new InboundMessage.Event("chat", type, InboundMessage.Payload.ofText(payload));
    }

    private Object decode(int type, String payload, Type target) {
        return decoder.decode(event(type, payload), target);
    }

    private PayloadDecodeException failure(int type, String payload, Type target) {
        return assertThrows(PayloadDecodeException.class, () -> decode(type, payload, target));
    }

    @Test
    void textTargetsTakeThePayloadAsIsWhateverTheDigit() {
        for (int type = 0; type <= 4; type++) {
            assertEquals(" 42;x ", decode(type, " 42;x ", String.class));
        }
        assertEquals("hi", decode(0, "hi", CharSequence.class));
    }

    @Test
    void integersFromDigit0Or1TrimmedAndInRange() {
        assertEquals(42, decode(0, "42", int.class));
        assertEquals(42, decode(1, " 42 ", Integer.class));
        assertEquals(-42L, decode(1, "-42", long.class));
        assertEquals((short) 7, decode(1, "7", short.class));
        assertEquals((byte) -128, decode(1, "-128", Byte.class));
        assertEquals(Long.MAX_VALUE, decode(1, "9223372036854775807", Long.class));
        assertEquals(new BigInteger("123456789012345678901234567890"),
                decode(1, "123456789012345678901234567890", BigInteger.class));
    }

    @ParameterizedTest
    @ValueSource(strings = {"3.5", "1e3", "0x1A", "abc", "4_2", "٤٢", "true", "+", "2147483648", "-2147483649"})
    void notAnIntIsAnError(String payload) {
        PayloadDecodeException e = failure(1, payload, int.class);
        assertEquals("chat", e.event());
        assertEquals(int.class, e.expectedType());
    }

    @Test
    void outOfRangeNamesTheRange() {
        assertTrue(failure(1, "128", byte.class).getMessage().contains("out of range [-128, 127]"));
        assertTrue(failure(1, "99999999999999999999", long.class).getMessage().contains("out of range"));
    }

    @Test
    void floatingPoint() {
        assertEquals(3.5, decode(1, "3.5", double.class));
        assertEquals(-0.25, decode(0, "-.25", Double.class));
        assertEquals(1e21, decode(1, "1e+21", double.class));
        assertEquals(42.0, decode(1, "42", double.class));
        assertEquals(2.5f, decode(1, "2.5", float.class));
        assertEquals(new BigDecimal("3.50"), decode(1, "3.50", BigDecimal.class));
        assertEquals(Double.POSITIVE_INFINITY, decode(1, "Infinity", double.class));
        assertTrue(Double.isNaN((Double) decode(1, "NaN", double.class)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e400", "3.5d", "0x1p3", "abc", "1.2.3", "NaN"})
    void notADoubleIsAnError(String payload) {
        Type target = payload.equals("NaN") ? BigDecimal.class : double.class;
        failure(1, payload, target);
    }

    @Test
    void floatOverflowIsAnError() {
        assertTrue(failure(1, "1e39", float.class).getMessage().contains("out of the range of float"));
    }

    @Test
    void booleansAreExactlyTrueOrFalse() {
        assertEquals(true, decode(1, "true", boolean.class));
        assertEquals(false, decode(2, "false", Boolean.class));
        assertEquals(true, decode(0, "true", boolean.class));
        failure(2, "TRUE", boolean.class);
        failure(1, "1", boolean.class);
        failure(2, " true", boolean.class);
    }

    @Test
    void bytesTargetsGetTheRawBytes() {
        assertArrayEquals(Frames.utf8("héllo"), (byte[]) decode(3, "héllo", byte[].class));
        ByteBuffer buffer = assertInstanceOf(ByteBuffer.class, decode(0, "ab", ByteBuffer.class));
        assertEquals(ByteBuffer.wrap(Frames.utf8("ab")), buffer);
        assertArrayEquals(new byte[0], (byte[]) decode(0, "", byte[].class));
    }

    @Test
    void everyCallGetsItsOwnBytes() {
        InboundMessage.Event event = event(3, "abc");
        byte[] first = (byte[]) decoder.decode(event, byte[].class);
        first[0] = 'z';
        assertArrayEquals(Frames.utf8("abc"), (byte[]) decoder.decode(event, byte[].class));
    }

    @Test
    void objectTargetFollowsTheDigit() {
        assertEquals("42", decode(0, "42", Object.class));
        assertEquals(42L, decode(1, "42", Object.class));
        assertEquals(new BigInteger("99999999999999999999"), decode(1, "99999999999999999999", Object.class));
        assertEquals(3.5, decode(1, "3.5", Object.class));
        assertEquals(Boolean.FALSE, decode(1, "false", Object.class));
        assertEquals(Boolean.TRUE, decode(2, "true", Object.class));
        assertArrayEquals(Frames.utf8("ab"), (byte[]) decode(3, "ab", Object.class));
        assertEquals(List.of("x"), decode(4, "[\"x\"]", Object.class));
        failure(1, "abc", Object.class);
        failure(2, "yes", Object.class);
        failure(4, "{", Object.class);
    }

    @Test
    void jsonIntoRecordsBeansAndGenericTypesWhateverTheDigit() {
        ChatMessage message = (ChatMessage) decode(4, "{\"from\":\"ann\",\"text\":\"a;b\"}", ChatMessage.class);
        assertEquals(new ChatMessage("ann", "a;b"), message);
        Point point = (Point) decode(0, "{\"x\":1,\"y\":2}", Point.class);
        assertEquals(1, point.getX());
        assertEquals(2, point.getY());
        assertEquals(List.of(1, 2), decode(4, "[1,2]", new PayloadType<List<Integer>>() { }.type()));
        assertEquals(Map.of("k", 5L), decode(4, "{\"k\":5}", new PayloadType<Map<String, Long>>() { }.type()));
        assertNull(decode(4, "null", ChatMessage.class));
    }

    @Test
    void genericListOfRecords() {
        Type listOfMessages = new PayloadType<List<ChatMessage>>() { }.type();
        Object decoded = decode(4, "[{\"from\":\"a\",\"text\":\"1\"},{\"from\":\"b\",\"text\":\"2\"}]", listOfMessages);
        assertEquals(List.of(new ChatMessage("a", "1"), new ChatMessage("b", "2")), decoded);
    }

    @Test
    void emptyPayloadFailsForEveryTargetButTextAndBytes() {
        assertEquals("", decode(0, "", String.class));
        for (Type target : List.of(int.class, Long.class, double.class, BigDecimal.class, boolean.class,
                ChatMessage.class, Map.class, new PayloadType<List<ChatMessage>>() { }.type())) {
            PayloadDecodeException e = failure(4, "", target);
            assertTrue(e.getMessage().contains("empty"), e.getMessage());
        }
        failure(1, "", Object.class);
        failure(4, "", Object.class);
    }

    @Test
    void errorNamesTheEventTheTypeAndAShortExcerpt() {
        String payload = "{\"from\":" + "x".repeat(500);
        Type target = new PayloadType<List<ChatMessage>>() { }.type();
        PayloadDecodeException e = failure(4, payload, target);
        assertEquals("chat", e.event());
        assertEquals(target, e.expectedType());
        String message = e.getMessage();
        assertTrue(message.contains("'chat'"), message);
        assertTrue(message.contains("java.util.List<" + ChatMessage.class.getName() + ">"), message);
        assertTrue(message.contains("'" + payload.substring(0, 61) + "...'"), message);
        assertTrue(message.length() < 64 + 400, message);

        String intMessage = failure(1, "3.5", int.class).getMessage();
        assertTrue(intMessage.contains("'chat' as int") && intMessage.contains("'3.5'"), intMessage);
    }

    @Test
    void invalidUtf8IsNotTurnedIntoText() {
        InboundMessage.Event event = new InboundMessage.Event("chat", 3,
                InboundMessage.Payload.ofBytes(new byte[] {'a', (byte) 0xff}));
        PayloadDecodeException e = assertThrows(PayloadDecodeException.class, () -> decoder.decode(event, String.class));
        assertTrue(e.getMessage().contains("not valid UTF-8"), e.getMessage());
        assertArrayEquals(new byte[] {'a', (byte) 0xff}, (byte[]) decoder.decode(event, byte[].class));
    }

    @Test
    void decoderIsSafeToShareBetweenThreads() throws InterruptedException {
        Type target = new PayloadType<List<ChatMessage>>() { }.type();
        InboundMessage.Event event = event(4, "[{\"from\":\"a\",\"text\":\"1\"}]");
        List<Throwable> errors = new CopyOnWriteArrayList<>();
        Thread[] threads = new Thread[8];
        for (int i = 0; i < threads.length; i++) {
            threads[i] = new Thread(() -> {
                try {
                    for (int n = 0; n < 200; n++) {
                        assertEquals(List.of(new ChatMessage("a", "1")), decoder.decode(event, target));
                        assertEquals(7, decoder.decode(event(1, "7"), int.class));
                    }
                } catch (Throwable t) {
                    errors.add(t);
                }
            });
            threads[i].start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertEquals(List.of(), errors);
    }
}
