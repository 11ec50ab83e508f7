package dev.sockeye.impl.send;

import java.util.concurrent.CompletableFuture;

/** The delivery of a frame to one connection, completing a future. */
public final class SingleDelivery extends CompletableFuture<Void> implements Delivery {

    @Override
    public void sent() {
        complete(null);
    }

    @Override
    public void failed(Throwable cause) {
        completeExceptionally(cause);
    }
}
