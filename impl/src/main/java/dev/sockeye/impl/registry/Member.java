package dev.sockeye.impl.registry;

import dev.sockeye.Connection;
import dev.sockeye.Target;
import dev.sockeye.impl.route.Message;
import dev.sockeye.impl.send.Delivery;

import java.util.concurrent.CompletionStage;

/** What the registry needs of a connection. Implemented by the live connection. */
public interface Member {

    /** @return the connection ID */
    String id();

    /** @return the public view */
    Connection connection();

    /** @return the rooms the connection is in, changed only by the registry */
    JoinedRooms joinedRooms();

    /** @return {@code false} once the connection has started to end */
    boolean acceptsJoins();

    /**
     * @return the shared state of the endpoint that accepted the connection: a registry can serve
     *         two endpoints (a neffos one sharing an Iris one's), and closing one of them ends its
     *         own connections only
     */
    Object endpoint();

    /**
     * Ends the connection because its endpoint is closing: as a server disconnect (leave
     * listeners, disconnect listeners, queued frames flushed), with close code 1001 (going away).
     *
     * @return a stage that completes once the close frame is sent; failed if it already ended
     */
    CompletionStage<Void> goAway();

    /**
     * Frames the message in the connection's protocol, knowing the target it was routed to (a
     * protocol whose frames name a room frames it for that room), and queues it; {@code delivery}
     * hears exactly once, also when the protocol sends nothing (a message scoped to what the
     * connection is not in).
     *
     * @throws IllegalArgumentException if the connection's protocol cannot carry the message; nothing is queued
     */
    void send(Target target, Message message, Delivery delivery);

    /** Tells the leave listeners that the connection left {@code room}. */
    void left(String room);
}
