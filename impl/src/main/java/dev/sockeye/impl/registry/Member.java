package dev.sockeye.impl.registry;

import dev.sockeye.Connection;
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

    /** Frames the message in the connection's protocol and queues it on its outbound queue. */
    void send(Message message, Delivery delivery);

    /**
     * As {@link #send(Message, Delivery)}, knowing the target the message was routed to: a protocol
     * whose frames name a room (neffos: namespace and room) frames it for that room. A protocol
     * without namespaces is connected to none, so it skips a message scoped to one
     * ({@link Message#namespace()}); the delivery is told, as for every recipient.
     */
    default void send(dev.sockeye.Target target, Message message, Delivery delivery) {
        if (message.namespace() != null) {
            delivery.sent();
            return;
        }
        send(message, delivery);
    }

    /** Tells the leave listeners that the connection left {@code room}. */
    void left(String room);
}
