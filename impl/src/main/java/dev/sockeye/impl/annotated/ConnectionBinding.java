package dev.sockeye.impl.annotated;

import dev.sockeye.Connection;
import dev.sockeye.ConnectionListener;
import dev.sockeye.spi.EndpointInstances;

/**
 * Bridges an annotated class onto the programmatic API: for each new connection it takes an
 * instance from the factory and registers one listener per handler method, each calling the
 * method's prepared invoker. The instance is released after the {@code @OnDisconnect} method.
 */
final class ConnectionBinding implements ConnectionListener {

    private static final System.Logger LOG = System.getLogger(ConnectionBinding.class.getName());

    private final EndpointModel model;
    private final EndpointInstances.Factory<?> instances;

    ConnectionBinding(EndpointModel model, EndpointInstances.Factory<?> instances) {
        this.model = model;
        this.instances = instances;
    }

    @Override
    public void onConnection(Connection connection) {
        EndpointInstances.Managed<?> managed = instances.create();
        Object target = managed.instance();
        // Registered first, so that the instance is released even when @OnConnect disconnects or
        // throws (a failing connection listener closes the connection with 1011).
        connection.onDisconnect(() -> {
            try {
                if (model.disconnect() != null) {
                    model.disconnect().invoke(target, new Call(connection, null));
                }
            } finally {
                managed.release();
            }
        });
        register(connection, target);
        if (model.connect() != null) {
            model.connect().invoke(target, new Call(connection, null));
        }
    }

    private void register(Connection connection, Object target) {
        model.events().forEach((event, handler) -> {
            if (handler.payloadType() == null) {
                connection.on(event, () -> Replies.event(connection, event, handler,
                        handler.invoke(target, new Call(connection, null))));
            } else {
                connection.on(event, handler.payloadType(), payload -> Replies.event(connection, event, handler,
                        handler.invoke(target, new Call(connection, payload))));
            }
        });
        HandlerMethod nativeMessage = model.nativeMessage();
        if (nativeMessage != null) {
            connection.onMessage(bytes -> Replies.nativeMessage(connection,
                    nativeMessage.invoke(target, new Call(connection, bytes))));
        }
        HandlerMethod leave = model.leave();
        if (leave != null) {
            connection.onLeave(room -> leave.invoke(target, new Call(connection, room)));
        }
        HandlerMethod error = model.error();
        if (error != null) {
            Class<?> accepted = (Class<?>) error.valueType();
            connection.onError(problem -> {
                if (accepted.isInstance(problem)) {
                    error.invoke(target, new Call(connection, problem));
                } else {
                    LOG.log(System.Logger.Level.WARNING, "connection " + connection.id() + ": " + problem
                            + " (not a " + accepted.getSimpleName() + ", so not passed to " + error + ")", problem);
                }
            });
        }
    }
}
