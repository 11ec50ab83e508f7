package dev.sockeye.client;

/**
 * Where a {@link SockeyeClient} is in its life. The order of the constants is the usual order of
 * the states; {@link #RECONNECTING} and {@link #OPEN} may alternate any number of times before
 * {@link #CLOSED}.
 */
public enum ClientState {
    /** Created; {@link SockeyeClient#connect()} has not been called. Emits are queued. */
    NEW,
    /** The first connection attempt is in progress. Emits are queued. */
    CONNECTING,
    /** Connected: queued and new emits are written. */
    OPEN,
    /**
     * The connection was lost and {@link ClientOptions#reconnect()} allows another attempt: the
     * client waits for the backoff delay or is attempting. Emits are queued and written, in order,
     * once it is open again.
     */
    RECONNECTING,
    /**
     * Terminal: closed by {@link SockeyeClient#disconnect()}, by a lost connection that may not be
     * reconnected, or because the first connection attempt failed. Emits fail with
     * {@link dev.sockeye.ConnectionClosedException}.
     */
    CLOSED
}
