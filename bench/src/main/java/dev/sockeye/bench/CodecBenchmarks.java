package dev.sockeye.bench;

import dev.sockeye.PayloadType;
import dev.sockeye.impl.codec.InboundMessage;
import dev.sockeye.impl.codec.IrisCodec;
import dev.sockeye.impl.codec.PayloadDecoder;
import dev.sockeye.impl.dispatch.Listeners;
import dev.sockeye.impl.route.Message;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * JMH micro-benchmarks of the per-message work: Sockeye's codec, payload decoder, message framing
 * and listener dispatch, each next to the hand-written code of the raw endpoint doing the same
 * ({@code <what>_sockeye} and {@code <what>_raw}). Average time per operation.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class CodecBenchmarks {

    static final String TEXT = "hello sockeye, 0123456789 abcdefghij";
    static final String TEXT_FRAME = IrisText.frame("chat", 0, TEXT);
    static final String JSON_FRAME = IrisText.frame("move", 4,
            "{\"note\":\"hello from the bench\",\"piece\":\"knight\",\"x\":2,\"y\":3}");
    static final String INT_FRAME = IrisText.frame("n", 1, "123456");

    private Jsonb jsonb;
    private IrisCodec codec;
    private PayloadDecoder decoder;
    private InboundMessage.Event textEvent;
    private InboundMessage.Event jsonEvent;
    private InboundMessage.Event intEvent;
    private Listeners listeners;
    private Object delivered;

    @Setup
    public void setUp() {
        jsonb = JsonbBuilder.create();
        codec = new IrisCodec(IrisText.PREFIX, false, jsonb);
        decoder = new PayloadDecoder(jsonb);
        textEvent = (InboundMessage.Event) codec.decode(TEXT_FRAME);
        jsonEvent = (InboundMessage.Event) codec.decode(JSON_FRAME);
        intEvent = (InboundMessage.Event) codec.decode(INT_FRAME);
        listeners = new Listeners(decoder, problem -> {
            throw new AssertionError(problem);
        });
        listeners.on("chat", PayloadType.of(String.class), text -> delivered = text);
        listeners.on("move", PayloadType.of(Move.class), move -> delivered = move);
    }

    // --- outbound: encode an event -------------------------------------------------------

    @Benchmark
    public Object encodeText_sockeye() {
        return codec.encodeEvent("chat", TEXT);
    }

    @Benchmark
    public Object encodeText_raw() {
        return IrisText.frame("chat", 0, TEXT);
    }

    @Benchmark
    public Object encodeJson_sockeye() {
        return codec.encodeEvent("move", Move.SAMPLE);
    }

    @Benchmark
    public Object encodeJson_raw() {
        return IrisText.frame("move", 4, jsonb.toJson(Move.SAMPLE));
    }

    /** What a broadcast does once: the protocol-neutral message, then its Iris frame (memoized per codec). */
    @Benchmark
    public Object messageFrame_sockeye() {
        Message message = Message.of("chat", TEXT, jsonb);
        return message.frame(codec);
    }

    @Benchmark
    public Object messageFrame_raw() {
        return IrisText.frame("chat", 0, TEXT);
    }

    // --- inbound: split a frame, decode a payload, dispatch --------------------------------

    @Benchmark
    public Object decodeFrame_sockeye() {
        return codec.decode(TEXT_FRAME);
    }

    @Benchmark
    public Object decodeFrame_raw() {
        String event = IrisText.event(TEXT_FRAME);
        return IrisText.payload(TEXT_FRAME, event);
    }

    @Benchmark
    public Object decodeJsonPayload_sockeye() {
        return decoder.decode(jsonEvent, Move.class);
    }

    @Benchmark
    public Object decodeJsonPayload_raw() {
        return jsonb.fromJson(IrisText.payload(JSON_FRAME, "move"), Move.class);
    }

    @Benchmark
    public Object decodeIntPayload_sockeye() {
        return decoder.decode(intEvent, int.class);
    }

    @Benchmark
    public Object decodeIntPayload_raw() {
        return Integer.parseInt(IrisText.payload(INT_FRAME, "n"));
    }

    @Benchmark
    public Object decodeTextPayload_sockeye() {
        return decoder.decode(textEvent, String.class);
    }

    @Benchmark
    public Object decodeTextPayload_raw() {
        return IrisText.payload(TEXT_FRAME, "chat");
    }

    /** The whole inbound path of a text event: split the frame, decode the payload, call the listener. */
    @Benchmark
    public Object dispatchText_sockeye() {
        listeners.dispatch((InboundMessage.Event) codec.decode(TEXT_FRAME));
        return delivered;
    }

    @Benchmark
    public Object dispatchText_raw() {
        String event = IrisText.event(TEXT_FRAME);
        if ("chat".equals(event)) {
            delivered = IrisText.payload(TEXT_FRAME, event);
        }
        return delivered;
    }

    /** The whole inbound path of a JSON record event. */
    @Benchmark
    public Object dispatchJson_sockeye() {
        listeners.dispatch((InboundMessage.Event) codec.decode(JSON_FRAME));
        return delivered;
    }

    @Benchmark
    public Object dispatchJson_raw() {
        String event = IrisText.event(JSON_FRAME);
        if ("move".equals(event)) {
            delivered = jsonb.fromJson(IrisText.payload(JSON_FRAME, event), Move.class);
        }
        return delivered;
    }
}
