package dev.sockeye.impl.registry;

import dev.sockeye.ClusterAnswer;
import dev.sockeye.ClusterView;
import dev.sockeye.Connection;

import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.stream.Collectors;

/** The cluster view of a single node: the local registry, answered at once and never partial. */
final class LocalClusterView implements ClusterView {

    private static final Set<String> THIS_NODE = Set.of("local");

    private final LocalRegistry registry;

    LocalClusterView(LocalRegistry registry) {
        this.registry = registry;
    }

    private static <T> CompletionStage<ClusterAnswer<T>> answer(T value) {
        return CompletableFuture.completedFuture(new ClusterAnswer<>(value, false, THIS_NODE));
    }

    @Override
    public CompletionStage<ClusterAnswer<Integer>> count() {
        return answer(registry.count());
    }

    @Override
    public CompletionStage<ClusterAnswer<Boolean>> isConnected(String id) {
        return answer(registry.isConnected(id));
    }

    @Override
    public CompletionStage<ClusterAnswer<Set<String>>> members(String room) {
        return answer(registry.members(room).stream().map(Connection::id).collect(Collectors.toUnmodifiableSet()));
    }

    @Override
    public CompletionStage<ClusterAnswer<Set<String>>> roomsOf(String id) {
        return answer(registry.connection(id).map(Connection::rooms).orElse(Set.of()));
    }

    @Override
    public CompletionStage<Boolean> join(String room, String id) {
        boolean found = registry.isConnected(id);
        if (found) {
            registry.join(room, id);
        }
        return CompletableFuture.completedFuture(found);
    }

    @Override
    public CompletionStage<Boolean> leave(String room, String id) {
        return CompletableFuture.completedFuture(registry.leave(room, id));
    }

    @Override
    public CompletionStage<Boolean> disconnect(String id) {
        boolean found = registry.isConnected(id);
        if (found) {
            registry.disconnect(id);
        }
        return CompletableFuture.completedFuture(found);
    }
}
