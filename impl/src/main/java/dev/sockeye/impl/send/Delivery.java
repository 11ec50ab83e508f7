package dev.sockeye.impl.send;

/**
 * Told how one queued frame ended for one recipient. Implementations must be cheap and must not
 * block: they run on the container's I/O threads.
 */
public interface Delivery {

    /** The frame was written. */
    void sent();

    /** The frame was not written; {@code cause} says why. */
    void failed(Throwable cause);

    /** A delivery that nobody waits for. */
    Delivery IGNORED = new Delivery() {
        @Override
        public void sent() {
        }

        @Override
        public void failed(Throwable cause) {
        }
    };
}
