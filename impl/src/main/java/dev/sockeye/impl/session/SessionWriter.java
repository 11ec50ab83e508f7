package dev.sockeye.impl.session;

import dev.sockeye.impl.codec.OutboundFrame;
import dev.sockeye.impl.send.FrameWriter;

import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.SendHandler;
import jakarta.websocket.Session;

import java.util.function.Consumer;

/** Writes frames through the session's asynchronous remote. */
public final class SessionWriter implements FrameWriter {

    private static final java.nio.ByteBuffer EMPTY = java.nio.ByteBuffer.allocate(0);

    private final RemoteEndpoint.Async remote;

    /** @param writeTimeoutMillis the async send timeout; 0 for none */
    public SessionWriter(Session session, long writeTimeoutMillis) {
        this.remote = session.getAsyncRemote();
        if (writeTimeoutMillis > 0) {
            remote.setSendTimeout(writeTimeoutMillis);
        }
    }

    @Override
    public void write(OutboundFrame frame, Consumer<Throwable> done) {
        SendHandler handler = result -> done.accept(result.isOK() ? null : result.getException());
        if (frame instanceof OutboundFrame.Text text) {
            remote.sendText(text.text(), handler);
        } else if (frame instanceof OutboundFrame.Ping) {
            try {
                remote.sendPing(EMPTY.duplicate());
                done.accept(null);
            } catch (java.io.IOException | RuntimeException e) {
                done.accept(e);
            }
        } else {
            remote.sendBinary(((OutboundFrame.Binary) frame).payload(), handler);
        }
    }
}
