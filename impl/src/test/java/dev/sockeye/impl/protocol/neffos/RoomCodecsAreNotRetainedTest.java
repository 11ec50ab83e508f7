package dev.sockeye.impl.protocol.neffos;

import dev.sockeye.Config;
import dev.sockeye.neffos.Events;
import dev.sockeye.neffos.Namespaces;
import dev.sockeye.impl.codec.IrisCodec;
import dev.sockeye.impl.codec.PayloadDecoder;
import dev.sockeye.impl.registry.LocalRegistry;
import dev.sockeye.impl.route.Message;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;

import org.junit.jupiter.api.Test;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Clients choose room names, so the endpoint must not keep anything per room once it is used: the
 * codec of a (namespace, room) address is not retained, while every recipient of one room emit
 * still shares one frame, and each namespace keeps its one codec.
 */
class RoomCodecsAreNotRetainedTest {

    private final Jsonb jsonb = JsonbBuilder.create();
    private final NeffosProtocol context;

    RoomCodecsAreNotRetainedTest() throws Exception {
        Namespaces namespaces = Namespaces.builder().namespace("chat", Events.builder().build()).build();
        Config config = Config.defaults();
        context = NeffosProtocol.create(config, namespaces);
    }

    @Test
    void aThousandDistinctRoomsLeaveNoCodecBehind() throws Exception {
        List<WeakReference<AddressCodec>> used = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            AddressCodec codec = context.codec("chat", "room-" + i);
            Message.of("e", "x", null).frame(codec);
            used.add(new WeakReference<>(codec));
        }
        for (int attempt = 0; attempt < 50 && used.stream().anyMatch(ref -> ref.get() != null); attempt++) {
            System.gc();
            Thread.sleep(20);
        }
        assertEquals(0, used.stream().filter(ref -> ref.get() != null).count(),
                "the codecs of rooms nobody uses any more are collectable: the context keeps none");
    }

    @Test
    void recipientsOfOneRoomEmitShareOneFrame() {
        Message message = Message.of("e", "hello", null);
        assertSame(message.frame(context.codec("chat", "lobby")), message.frame(context.codec("chat", "lobby")),
                "two lookups of one address frame the message once");
        assertTrue(message.frame(context.codec("chat", "other")) != message.frame(context.codec("chat", "lobby")));
    }

    @Test
    void eachNamespaceKeepsItsOneCodec() {
        assertSame(context.codec("chat", ""), context.codec("chat", ""));
        assertSame(context.codec("", ""), context.codec("", ""), "the native messages' address");
    }
}
