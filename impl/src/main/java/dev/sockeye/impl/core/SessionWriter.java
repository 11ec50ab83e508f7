package dev.sockeye.impl.core;

import dev.sockeye.impl.send.OutboundFrame;
import dev.sockeye.impl.send.FrameWriter;
import dev.sockeye.impl.tyrus.RawFrameTransport;

import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.SendHandler;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;

import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.concurrent.atomic.AtomicReferenceFieldUpdater;
import java.util.function.Consumer;

/**
 * Writes frames through the session's asynchronous remote, each within the write timeout. On
 * Tyrus, where it changes nothing a peer could observe, data frames go as pre-framed bytes instead
 * ({@link RawFrameTransport}): a broadcast is then framed and encoded once, not once per recipient.
 *
 * <p>The timeout is Sockeye's own timer: {@code RemoteEndpoint.Async.setSendTimeout} is also set,
 * but Tyrus 2.1 ignores it (its {@code setWriteTimeout} does nothing), so a write to a peer that
 * stopped reading would otherwise never end. When the timer fires first, the write is reported
 * failed with a {@link WriteTimeoutException} and its late completion, if any, is ignored.
 *
 * <p>The timer is not scheduled per write: scheduling and cancelling a task on every frame cost a
 * lock on the timer's queue and often a wake-up of its thread, for writes that nearly always end in
 * microseconds. Instead one check per connection is armed when a write starts and none is armed; when
 * it fires it fails the write in progress if that write is past its deadline, re-arms itself for the
 * deadline of a younger write, and disarms when no write is in progress. Deadlines only grow, so the
 * check never fires later than the deadline of the write in progress.
 */
public final class SessionWriter implements FrameWriter {

    private static final ByteBuffer EMPTY = ByteBuffer.allocate(0);
    /** Sessions of other containers never load {@link RawFrameTransport} (nor Tyrus's classes). */
    private static final String TYRUS_PACKAGE = "org.glassfish.tyrus.";

    private final RemoteEndpoint.Async remote;
    /** Tyrus's raw frame path for this session, or {@code null} for the Jakarta API. */
    private final RawFrameTransport raw;
    private final long writeTimeoutMillis;
    private final long writeTimeoutNanos;
    // field updaters rather than atomics: every connection has a writer
    private static final AtomicReferenceFieldUpdater<SessionWriter, Write> CURRENT =
            AtomicReferenceFieldUpdater.newUpdater(SessionWriter.class, Write.class, "current");
    private static final AtomicIntegerFieldUpdater<SessionWriter> ARMED =
            AtomicIntegerFieldUpdater.newUpdater(SessionWriter.class, "armed");

    /** The write in progress (the outbound queue writes one frame at a time), or {@code null}. */
    private volatile Write current;
    /** 1 while {@link #checkDeadline} is scheduled. */
    private volatile int armed;

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
        this.raw = session.getClass().getName().startsWith(TYRUS_PACKAGE) ? RawFrameTransport.of(session) : null;
        this.writeTimeoutMillis = writeTimeoutMillis;
        this.writeTimeoutNanos = TimeUnit.MILLISECONDS.toNanos(writeTimeoutMillis);
        if (writeTimeoutMillis > 0) {
            remote.setSendTimeout(writeTimeoutMillis);
        }
    }

    @Override
    public void write(OutboundFrame frame, Consumer<Throwable> whenDone) {
        if (frame instanceof OutboundFrame.Ping) {
            try {
                remote.sendPing(EMPTY.duplicate());
                whenDone.accept(null);
            } catch (java.io.IOException | RuntimeException e) {
                whenDone.accept(e);
            }
            return;
        }
        Write write = new Write(whenDone);
        if (writeTimeoutNanos > 0) {
            write.deadline = System.nanoTime() + writeTimeoutNanos;
            current = write;
            if (ARMED.compareAndSet(this, 0, 1)) {
                Heartbeats.after(writeTimeoutNanos, this::checkDeadline);
            }
        }
        try {
            if (raw != null) {
                raw.send(frame.serverFrame(), write);
            } else if (frame instanceof OutboundFrame.Text text) {
                remote.sendText(text.text(), write);
            } else {
                remote.sendBinary(((OutboundFrame.Binary) frame).payload(), write);
            }
        } catch (RuntimeException e) {
            write.end(e);
        }
    }

    /** Runs on the timer thread: fails an overdue write (on the offload pool), then re-arms for the write in progress, if any. */
    private void checkDeadline() {
        Write write = current;
        if (write != null) {
            long left = write.deadline - System.nanoTime();
            if (left > 0) {
                Heartbeats.after(left, this::checkDeadline);
                return;
            }
            // cleared here, ended elsewhere: what the failure sets off (the connection's end, its
            // listeners, the send's stage) must not hold up the timer of every connection
            CURRENT.compareAndSet(this, write, null);
            Heartbeats.offload(() -> write.end(new WriteTimeoutException(writeTimeoutMillis)));
        }
        armed = 0;
        // a write may have started between the read above and the disarming: it needs a check too
        Write started = current;
        if (started != null && ARMED.compareAndSet(this, 0, 1)) {
            Heartbeats.after(Math.max(0, started.deadline - System.nanoTime()), this::checkDeadline);
        }
    }

    /** One write: the container's completion handler, ended once by the container or by the timer. */
    private final class Write implements SendHandler {
        private static final AtomicIntegerFieldUpdater<Write> ENDED =
                AtomicIntegerFieldUpdater.newUpdater(Write.class, "ended");

        private final Consumer<Throwable> whenDone;
        private long deadline;
        private volatile int ended;

        Write(Consumer<Throwable> whenDone) {
            this.whenDone = whenDone;
        }

        @Override
        public void onResult(SendResult result) {
            end(result.isOK() ? null : result.getException());
        }

        void end(Throwable failure) {
            if (ENDED.compareAndSet(this, 0, 1)) {
                // cleared before the queue hears of it: its next write may start inside whenDone
                CURRENT.compareAndSet(SessionWriter.this, this, null);
                whenDone.accept(failure);
            }
        }
    }
}
