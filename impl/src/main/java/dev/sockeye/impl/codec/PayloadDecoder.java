package dev.sockeye.impl.codec;

import dev.sockeye.PayloadDecodeException;
import jakarta.json.bind.Jsonb;

import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decodes event payloads into the type a listener declares, following the Iris protocol's
 * decoding rules: the declared type decides, the type digit is a hint. Lenient where the original
 * client is quirky ({@code "42"} sent as type 0 or 1 is an int, {@code true} sent as type 1 is a
 * boolean), strict where data would be lost (an out-of-range number, {@code "3.5"} for an int, an
 * empty payload for a number, malformed JSON, bytes that are not UTF-8 for a text target): such a
 * payload fails with a {@link PayloadDecodeException} and is never turned into a wrong value.
 *
 * <table>
 *   <caption>Decoding by declared type</caption>
 *   <tr><th>declared type</th><th>result</th></tr>
 *   <tr><td>{@code String}, {@code CharSequence}</td><td>the payload text as is, whatever the digit</td></tr>
 *   <tr><td>{@code int}, {@code long}, {@code short}, {@code byte} (boxed too), {@code BigInteger}</td>
 *       <td>the trimmed payload as an ASCII decimal integer, in range</td></tr>
 *   <tr><td>{@code double}, {@code float} (boxed too), {@code BigDecimal}</td>
 *       <td>the trimmed payload as a decimal number; {@code NaN} and {@code Infinity} only for
 *       {@code double} and {@code float}, a finite number that overflows fails</td></tr>
 *   <tr><td>{@code boolean}, {@code Boolean}</td><td>exactly {@code true} or {@code false}</td></tr>
 *   <tr><td>{@code byte[]}, {@code ByteBuffer}</td><td>a fresh copy of the raw payload bytes</td></tr>
 *   <tr><td>{@code Object}</td><td>by digit: 0 {@code String}; 1 {@code Boolean} for
 *       {@code true}/{@code false}, {@code Long} (or {@code BigInteger} beyond its range) for an
 *       integer, else {@code Double}; 2 {@code Boolean}; 3 {@code byte[]}; 4 JSON-B's mapping for
 *       {@code Object} (maps, lists, {@code BigDecimal}, strings, booleans, {@code null})</td></tr>
 *   <tr><td>anything else (records, POJOs, generic collections, maps, arrays)</td>
 *       <td>JSON through JSON-B into the declared generic type, whatever the digit; JSON
 *       {@code null} gives {@code null}</td></tr>
 * </table>
 *
 * <p>An empty payload decodes to {@code ""} for a text target, to an empty array for a bytes
 * target and to {@code ""} or an empty array for {@code Object} with digit 0 or 3; for every other
 * target it fails.
 *
 * <p>Thread-safe. The decoding strategy of each declared type is prepared on first use and cached,
 * so a message costs a map lookup and the conversion itself. The {@link Jsonb} must be thread-safe,
 * as JSON-B requires of every {@code Jsonb}.
 */
public final class PayloadDecoder {

    /** Strategies that do not need JSON-B, by declared class (primitives included). */
    private static final Map<Class<?>, Strategy> SCALARS = scalars();

    private final Jsonb jsonb;
    private final ConcurrentHashMap<Type, Strategy> strategies = new ConcurrentHashMap<>();

    /** @param jsonb maps JSON payloads; not {@code null}; used concurrently */
    public PayloadDecoder(Jsonb jsonb) {
        this.jsonb = Objects.requireNonNull(jsonb, "jsonb");
    }

    /**
     * Decodes an event's payload into the declared type.
     *
     * @param message the event; not {@code null}
     * @param target  the declared type, such as {@code int.class}, a record class or a
     *                {@code ParameterizedType} for {@code List<ChatMessage>}; not {@code null}
     * @return the value; an instance of the target (of its wrapper for a primitive target), or
     *         {@code null} only for a JSON target whose payload is JSON {@code null}
     * @throws PayloadDecodeException if the payload cannot become the target; its message names
     *         the event, the expected type and an excerpt of at most 64 chars of the payload
     */
    public Object decode(InboundMessage.Event message, Type target) {
        Objects.requireNonNull(message, "message");
        Strategy strategy = strategies.computeIfAbsent(Objects.requireNonNull(target, "target"), this::prepare);
        InboundMessage.Payload payload = message.payload();
        try {
            return strategy.decode(payload, message.type());
        } catch (RuntimeException e) {
            // Our own failures carry a reason; anything JSON-B throws is a payload it rejected.
            String reason = e instanceof Failure ? e.getMessage() : "JSON-B could not map it: " + cause(e);
            throw new PayloadDecodeException(message.event(), target, reason + "; payload (type "
                    + message.type() + "): '" + Excerpt.of(payload.text()) + "'", e instanceof Failure ? null : e);
        }
    }

    private Strategy prepare(Type target) {
        Strategy scalar = SCALARS.get(target);
        if (scalar != null) {
            return scalar;
        }
        if (target == Object.class) {
            return this::untyped;
        }
        return (payload, type) -> jsonb.fromJson(nonEmpty(payload), target);
    }

    private Object untyped(InboundMessage.Payload payload, int type) {
        return switch (type) {
            case InboundMessage.Event.STRING -> text(payload);
            case InboundMessage.Event.INT -> untypedNumber(trimmedNonEmpty(payload));
            case InboundMessage.Event.BOOL -> parseBoolean(payload);
            case InboundMessage.Event.BYTES -> payload.bytes();
            default -> jsonb.fromJson(nonEmpty(payload), Object.class);
        };
    }

    private static Object untypedNumber(String number) {
        if (number.equals("true") || number.equals("false")) {
            return Boolean.valueOf(number); // the Iris client sends booleans as type 1
        }
        if (Numbers.isDecimalInteger(number)) {
            return Numbers.longOrBigInteger(number);
        }
        return Numbers.parseDouble(number);
    }

    private static Map<Class<?>, Strategy> scalars() {
        Map<Class<?>, Strategy> map = new HashMap<>();
        Strategy text = (payload, type) -> text(payload);
        map.put(String.class, text);
        map.put(CharSequence.class, text);
        both(map, int.class, Integer.class,
                (payload, type) -> (int) Numbers.parseIntegral(trimmedNonEmpty(payload), Integer.MIN_VALUE, Integer.MAX_VALUE));
        both(map, long.class, Long.class,
                (payload, type) -> Numbers.parseIntegral(trimmedNonEmpty(payload), Long.MIN_VALUE, Long.MAX_VALUE));
        both(map, short.class, Short.class,
                (payload, type) -> (short) Numbers.parseIntegral(trimmedNonEmpty(payload), Short.MIN_VALUE, Short.MAX_VALUE));
        both(map, byte.class, Byte.class,
                (payload, type) -> (byte) Numbers.parseIntegral(trimmedNonEmpty(payload), Byte.MIN_VALUE, Byte.MAX_VALUE));
        map.put(BigInteger.class, (payload, type) -> Numbers.parseBigInteger(trimmedNonEmpty(payload)));
        both(map, double.class, Double.class, (payload, type) -> Numbers.parseDouble(trimmedNonEmpty(payload)));
        both(map, float.class, Float.class, (payload, type) -> Numbers.parseFloat(trimmedNonEmpty(payload)));
        map.put(BigDecimal.class, (payload, type) -> Numbers.parseBigDecimal(trimmedNonEmpty(payload)));
        both(map, boolean.class, Boolean.class, (payload, type) -> parseBoolean(payload));
        map.put(byte[].class, (payload, type) -> payload.bytes());
        map.put(ByteBuffer.class, (payload, type) -> ByteBuffer.wrap(payload.bytes()));
        return Map.copyOf(map);
    }

    private static void both(Map<Class<?>, Strategy> map, Class<?> primitive, Class<?> boxed, Strategy strategy) {
        map.put(primitive, strategy);
        map.put(boxed, strategy);
    }

    private static String text(InboundMessage.Payload payload) {
        String text = payload.strictText();
        if (text == null) {
            throw new Failure("the payload bytes are not valid UTF-8");
        }
        return text;
    }

    private static String nonEmpty(InboundMessage.Payload payload) {
        if (payload.isEmpty()) {
            throw new Failure("the payload is empty");
        }
        return text(payload);
    }

    private static String trimmedNonEmpty(InboundMessage.Payload payload) {
        String trimmed = nonEmpty(payload).trim();
        if (trimmed.isEmpty()) {
            throw new Failure("the payload is blank");
        }
        return trimmed;
    }

    private static Boolean parseBoolean(InboundMessage.Payload payload) {
        String text = nonEmpty(payload);
        if (text.equals("true")) {
            return Boolean.TRUE;
        }
        if (text.equals("false")) {
            return Boolean.FALSE;
        }
        throw new Failure("not exactly 'true' or 'false'");
    }

    private static String cause(RuntimeException e) {
        String message = e.getMessage();
        return message == null ? e.getClass().getSimpleName() : Excerpt.of(message.lines().findFirst().orElse(""));
    }

    /** How one declared type is decoded; prepared once per type. */
    @FunctionalInterface
    private interface Strategy {
        Object decode(InboundMessage.Payload payload, int type);
    }
}
