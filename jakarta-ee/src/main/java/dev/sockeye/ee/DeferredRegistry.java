package dev.sockeye.ee;

import dev.sockeye.ClusterView;
import dev.sockeye.Connection;
import dev.sockeye.ConnectionRegistry;
import dev.sockeye.Emitter;
import dev.sockeye.Target;

import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/**
 * The registry of an endpoint that was injected before its application started (a
 * {@code @Startup} EJB that some containers create before the web application's initializers
 * run): the endpoint is looked up at the first call, with the class loaders of the injection, so
 * that the thread that calls (an EJB timer's, say) does not matter. A call before the endpoint is
 * deployed throws the {@link IllegalStateException} of {@link DeployedEndpoints#find}. Thread-safe:
 * concurrent first calls may look the endpoint up twice and find the same one.
 */
final class DeferredRegistry implements ConnectionRegistry {

    private final String path;
    private final ClassLoader[] loaders;
    private volatile ConnectionRegistry resolved;

    DeferredRegistry(String path, ClassLoader[] loaders) {
        this.path = path;
        this.loaders = loaders.clone();
    }

    private ConnectionRegistry registry() {
        ConnectionRegistry registry = resolved;
        if (registry == null) {
            registry = DeployedEndpoints.find(path, loaders).registry();
            resolved = registry;
        }
        return registry;
    }

    @Override
    public Optional<Connection> connection(String id) {
        return registry().connection(id);
    }

    @Override
    public Collection<Connection> connections() {
        return registry().connections();
    }

    @Override
    public Collection<Connection> members(String room) {
        return registry().members(room);
    }

    @Override
    public Set<String> rooms() {
        return registry().rooms();
    }

    @Override
    public int count() {
        return registry().count();
    }

    @Override
    public boolean isConnected(String id) {
        return registry().isConnected(id);
    }

    @Override
    public boolean isJoined(String room, String id) {
        return registry().isJoined(room, id);
    }

    @Override
    public boolean join(String room, String id) {
        return registry().join(room, id);
    }

    @Override
    public boolean leave(String room, String id) {
        return registry().leave(room, id);
    }

    @Override
    public void leaveAll(String id) {
        registry().leaveAll(id);
    }

    @Override
    public CompletionStage<Void> disconnect(String id) {
        return registry().disconnect(id);
    }

    @Override
    public Emitter to(Target target) {
        return registry().to(target);
    }

    @Override
    public ClusterView cluster() {
        return registry().cluster();
    }

    @Override
    public String toString() {
        return "DeferredRegistry[" + path + "]";
    }
}
