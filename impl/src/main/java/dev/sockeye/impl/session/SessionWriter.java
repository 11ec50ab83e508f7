package dev.sockeye.impl.session;

import dev.sockeye.impl.codec.OutboundFrame;
import dev.sockeye.impl.send.FrameWriter;

import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.SendHandler;
import jakarta.websocket.Session;

import java.util.function.Consumer;

/**
 * Writes frames through the session's asynchronous remote, each within the write timeout.
 *
 * <p>The timeout is Sockeye's own timer: {@code RemoteEndpoint.Async.setSendTimeout} is also set,
 * but Tyrus 2.1 ignores it (its {@code setWriteTimeout} does nothing), so a write to a peer that
 * stopped reading would otherwise never end. When the timer fires first, the write is reported
 * failed with a {@link WriteTimeoutException} and its late completion, if any, is ignored.
 */
public final class SessionWriter implements FrameWriter {

    private static final java.nio.ByteBuffer EMPTY = java.nio.ByteBuffer.allocate(0);

    private final RemoteEndpoint.Async remote;
    private final long writeTimeoutMillis;

    /** The write did not end within the configured write timeout. */
    public static final class WriteTimeoutException extends dev.sockeye.SockeyeException {
        private static final long serialVersionUID = 1L;

        WriteTimeoutException(long millis) {
            super("a frame could not be written within the write timeout of " + millis + " ms");
        }
    }

    /** @param writeTimeoutMillis the longest one write may take; 0 for none */
    public SessionWriter(Session session, long writeTimeoutMillis) {
        this.remote = session.getAsyncRemote();
        this.writeTimeoutMillis = writeTimeoutMillis;
        if (writeTimeoutMillis > 0) {
            remote.setSendTimeout(writeTimeoutMillis);
        }
    }

    @Override
    public void write(OutboundFrame frame, Consumer<Throwable> whenDone) {
        Consumer<Throwable> done = whenDone;
        if (writeTimeoutMillis > 0) {
            java.util.concurrent.atomic.AtomicBoolean ended = new java.util.concurrent.atomic.AtomicBoolean();
            java.util.concurrent.ScheduledFuture<?> timer = Heartbeats.after(
                    java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(writeTimeoutMillis), () -> {
                        if (ended.compareAndSet(false, true)) {
                            whenDone.accept(new WriteTimeoutException(writeTimeoutMillis));
                        }
                    });
            done = failure -> {
                timer.cancel(false);
                if (ended.compareAndSet(false, true)) {
                    whenDone.accept(failure);
                }
            };
        }
        writeNow(frame, done);
    }

    private void writeNow(OutboundFrame frame, Consumer<Throwable> done) {
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
