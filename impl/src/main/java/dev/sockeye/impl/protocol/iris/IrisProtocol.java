package dev.sockeye.impl.protocol.iris;

import dev.sockeye.Config;
import dev.sockeye.ConnectionListener;
import dev.sockeye.impl.codec.IrisCodec;
import dev.sockeye.impl.core.CoreConnection;
import dev.sockeye.impl.core.Protocol;
import dev.sockeye.impl.core.ProtocolSession;

import jakarta.json.bind.Jsonb;

import java.util.Objects;

/**
 * The Iris protocol ({@code iris-ws.js}): {@code <prefix><event>;<type>;<payload>} frames and
 * native messages, no handshake of its own, every connection handed to the endpoint's
 * {@link ConnectionListener} as soon as it is registered. Immutable, thread-safe.
 */
public final class IrisProtocol implements Protocol {

    private final IrisCodec codec;
    private final ConnectionListener listener;

    /** @param jsonb the endpoint's JSON-B, for the codec's JSON payloads */
    public IrisProtocol(Config config, Jsonb jsonb, ConnectionListener listener) {
        this.codec = new IrisCodec(config.messagePrefix(), config.binaryMessages(), jsonb);
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    @Override
    public dev.sockeye.Protocol kind() {
        return dev.sockeye.Protocol.IRIS;
    }

    @Override
    public ProtocolSession open(CoreConnection connection) {
        return new IrisSession(connection, codec, listener);
    }
}
