package dev.sockeye;

/**
 * Receives every new connection of an endpoint (Iris's {@code OnConnection}). It runs before the
 * first message of the connection is read, so listeners registered here see every message.
 *
 * <p>It is called from container threads, concurrently for different connections: it must be
 * thread-safe. An exception thrown here is logged and closes that connection with code 1011.
 */
@FunctionalInterface
public interface ConnectionListener {

    /** @param connection the new, open connection */
    void onConnection(Connection connection);
}
