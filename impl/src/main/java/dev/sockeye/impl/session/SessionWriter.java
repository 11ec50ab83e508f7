package dev.sockeye.impl.session;

import dev.sockeye.impl.codec.OutboundFrame;
import dev.sockeye.impl.send.FrameWriter;

import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.SendHandler;
import jakarta.websocket.Session;

import java.util.function.Consumer;

/** Writes frames through the session's asynchronous remote. */
final class SessionWriter implements FrameWriter {

    private final RemoteEndpoint.Async remote;

    SessionWriter(Session session) {
        this.remote = session.getAsyncRemote();
    }

    @Override
    public void write(OutboundFrame frame, Consumer<Throwable> done) {
        SendHandler handler = result -> done.accept(result.isOK() ? null : result.getException());
        if (frame instanceof OutboundFrame.Text text) {
            remote.sendText(text.text(), handler);
        } else {
            remote.sendBinary(((OutboundFrame.Binary) frame).payload(), handler);
        }
    }
}
