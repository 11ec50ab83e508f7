package dev.sockeye.cluster.redis;

import dev.sockeye.ClusterAnswer;
import dev.sockeye.Target;
import dev.sockeye.spi.ClusterBus;
import dev.sockeye.spi.ClusterEnvelope;
import dev.sockeye.spi.ClusterNode;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.Range;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionStateListener;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import io.lettuce.core.resource.DefaultClientResources;

import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * A {@link ClusterBus} over Redis with Lettuce: three Redis connections per node and endpoint
 * (subscriptions, batched publishes, state and queries), whatever the number of WebSocket
 * connections.
 *
 * <p>Routing: emits to a room go to that room's channel, to which a node subscribes only while it
 * has a local member (a connection's own ID room included, so {@code to(connectionId)} reaches the
 * one node that holds it); emits to everybody go to one channel every node reads. Each envelope is
 * encoded and published once. A node ignores its own envelopes: it delivered them locally first.
 *
 * <p>State: each node keeps its connections and rooms in its own Redis sets and refreshes its entry
 * in a sorted set of nodes every heartbeat. Queries read only live nodes' sets, so a node that dies
 * drops out of the answers within 3.5 heartbeats; the next live node's heartbeat deletes its keys.
 *
 * <p>Failure: while Redis is unreachable, publishes and state writes are counted in
 * {@link #dropped()} and discarded (Lettuce rejects commands instead of buffering them), local
 * delivery is untouched, queries answer from this node with {@code partial = true}. Lettuce
 * reconnects every 250 ms; on reconnection the node rewrites its state and subscriptions. A state
 * write that Redis refuses or that fails otherwise is counted too, and the node rewrites its whole
 * state at its next heartbeat. Commands carry no client-side timeout (queries have their own
 * deadline): a Lettuce command timeout cancels a command not yet written to the socket, and under
 * load that silently lost state writes (the cluster's count of 51,000 connections stayed up to 718
 * short in the scale benchmark).
 * Delivery across nodes is at most once.
 */
final class RedisClusterBus implements ClusterBus {

    private static final System.Logger LOG = System.getLogger(RedisClusterBus.class.getName());
    private static final RedisCodec<String, byte[]> BYTES = RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE);
    private static final int MAX_BATCH = 256;

    private final RedisCluster settings;
    private final RedisNames names;
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Map<String, Integer> localRooms = new ConcurrentHashMap<>();
    private final Queue<byte[][]> publishes = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean flushScheduled = new AtomicBoolean();
    /** Set when a state write failed: the next heartbeat rewrites this node's whole state. */
    private final AtomicBoolean stateLost = new AtomicBoolean();

    private ClusterNode node;
    private ClientResources resources;
    private RedisClient client;
    private StatefulRedisPubSubConnection<String, byte[]> subscriber;
    private StatefulRedisConnection<String, byte[]> publisher;
    private StatefulRedisConnection<String, String> commands;
    /** One thread: state writes in order, publishes flushed in batches, remote deliveries in order. */
    private ExecutorService worker;
    private ScheduledExecutorService timer;

    RedisClusterBus(RedisCluster settings, String endpointPath) {
        this.settings = settings;
        this.names = new RedisNames(settings.prefix(), endpointPath);
    }

    // --- lifecycle ---------------------------------------------------------------------------

    @Override
    public void start(ClusterNode node) {
        this.node = node;
        worker = Executors.newSingleThreadExecutor(daemon("sockeye-redis-" + node.id().substring(0, 8)));
        timer = Executors.newSingleThreadScheduledExecutor(daemon("sockeye-redis-heartbeat"));
        resources = DefaultClientResources.builder()
                .ioThreadPoolSize(2).computationThreadPoolSize(1)
                .reconnectDelay(Delay.constant(Duration.ofMillis(250)))
                .build();
        client = RedisClient.create(resources, RedisURI.create(settings.uri()));
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                // no command timeout: it cancels a command still waiting to be written, losing it
                .timeoutOptions(TimeoutOptions.builder().timeoutCommands(false).build())
                .build());
        client.setDefaultTimeout(settings.queryTimeout());
        client.addListener(new RedisConnectionStateListener() {
            @Override
            public void onRedisConnected(io.lettuce.core.RedisChannelHandler<?, ?> connection, SocketAddress address) {
                if (!closed.get() && commands != null) {
                    worker.execute(RedisClusterBus.this::resync);
                }
            }
        });
        subscriber = client.connectPubSub(BYTES);
        subscriber.addListener(new RedisPubSubAdapter<>() {
            @Override
            public void message(String channel, byte[] message) {
                received(channel, message);
            }
        });
        publisher = client.connect(BYTES);
        publisher.setAutoFlushCommands(false);
        commands = client.connect();
        subscriber.async().subscribe(names.allChannel(), names.nodeChannel(node.id()));
        worker.execute(this::resync);
        long period = settings.heartbeat().toMillis();
        timer.scheduleWithFixedDelay(() -> worker.execute(this::beat), period, period, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true) || client == null) {
            return;
        }
        timer.shutdownNow();
        worker.shutdown();
        try {
            worker.awaitTermination(2, TimeUnit.SECONDS);
            commands.sync().zrem(names.nodes(), node.id());
            deleteNodeKeys(node.id());
        } catch (RuntimeException | InterruptedException e) {
            LOG.log(System.Logger.Level.DEBUG, "could not remove this node's state from Redis", e);
        }
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        resources.shutdown(0, 2, TimeUnit.SECONDS);
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    // --- emits -------------------------------------------------------------------------------

    @Override
    public void publish(ClusterEnvelope envelope) {
        String channel;
        Target target = envelope.target();
        if (target instanceof Target.ToRoom room) {
            channel = names.roomChannel(room.name());
        } else if (target instanceof Target.ToConnection one) {
            channel = names.roomChannel(one.id());
        } else {
            channel = names.allChannel();
        }
        publishes.add(new byte[][] {channel.getBytes(StandardCharsets.UTF_8), EnvelopeFormat.write(envelope)});
        if (flushScheduled.compareAndSet(false, true)) {
            worker.execute(this::flushPublishes);
        }
    }

    /** Writes every waiting publish, then flushes once: batches under load, one write when idle. */
    private void flushPublishes() {
        flushScheduled.set(false);
        if (!publisher.isOpen()) {
            byte[][] lost;
            while ((lost = publishes.poll()) != null) {
                dropped.incrementAndGet();
            }
            return;
        }
        RedisAsyncCommands<String, byte[]> async = publisher.async();
        int written = 0;
        byte[][] next;
        while ((next = publishes.poll()) != null) {
            async.publish(new String(next[0], StandardCharsets.UTF_8), next[1]).exceptionally(failure -> {
                dropped.incrementAndGet();
                return 0L;
            });
            if (++written % MAX_BATCH == 0) {
                publisher.flushCommands();
            }
        }
        publisher.flushCommands();
    }

    private void received(String channel, byte[] message) {
        if (closed.get()) {
            return;
        }
        if (channel.equals(names.nodeChannel(node.id()))) {
            worker.execute(() -> command(new String(message, StandardCharsets.UTF_8)));
            return;
        }
        ClusterEnvelope envelope;
        try {
            envelope = EnvelopeFormat.read(message);
        } catch (IllegalArgumentException e) {
            LOG.log(System.Logger.Level.WARNING, "ignored a malformed message on " + channel, e);
            return;
        }
        if (!envelope.origin().equals(node.id())) {
            worker.execute(() -> node.deliver(envelope));
        }
    }

    // --- membership --------------------------------------------------------------------------

    @Override
    public void connected(String id) {
        subscribeRoom(id);
        state(a -> List.of(
                a.sadd(names.connections(node.id()), id),
                a.sadd(names.room(node.id(), id), id),
                a.sadd(names.roomsOf(node.id(), id), id)));
    }

    @Override
    public void joined(String room, String id) {
        subscribeRoom(room);
        state(a -> List.of(
                a.sadd(names.room(node.id(), room), id),
                a.sadd(names.roomsOf(node.id(), id), room)));
    }

    @Override
    public void left(String room, String id) {
        unsubscribeRoom(room);
        state(a -> List.of(
                a.srem(names.room(node.id(), room), id),
                a.srem(names.roomsOf(node.id(), id), room)));
    }

    @Override
    public void disconnected(String id) {
        unsubscribeRoom(id);
        state(a -> List.of(
                a.srem(names.connections(node.id()), id),
                a.srem(names.room(node.id(), id), id),
                a.del(names.roomsOf(node.id(), id))));
    }

    private void subscribeRoom(String room) {
        localRooms.compute(room, (r, count) -> {
            if (count == null) {
                subscriber.async().subscribe(names.roomChannel(r)).exceptionally(e -> null);
                return 1;
            }
            return count + 1;
        });
    }

    private void unsubscribeRoom(String room) {
        localRooms.computeIfPresent(room, (r, count) -> {
            if (count == 1) {
                subscriber.async().unsubscribe(names.roomChannel(r)).exceptionally(e -> null);
                return null;
            }
            return count - 1;
        });
    }

    /**
     * Runs state writes on the worker, in order; a write that fails is counted as dropped and
     * makes the next heartbeat rewrite this node's whole state.
     */
    private void state(Function<RedisAsyncCommands<String, String>, List<? extends CompletionStage<?>>> writes) {
        if (closed.get()) {
            return;
        }
        worker.execute(() -> {
            if (!commands.isOpen()) {
                stateWriteFailed(null);
                return;
            }
            try {
                writes.apply(commands.async()).forEach(this::watch);
            } catch (RuntimeException e) {
                stateWriteFailed(e);
            }
        });
    }

    private void watch(CompletionStage<?> write) {
        write.whenComplete((result, failure) -> {
            if (failure != null) {
                stateWriteFailed(failure);
            }
        });
    }

    private void stateWriteFailed(Throwable failure) {
        dropped.incrementAndGet();
        if (stateLost.compareAndSet(false, true) && failure != null && !closed.get()) {
            LOG.log(System.Logger.Level.WARNING, "a state write to Redis failed; this node rewrites its "
                    + "whole state at its next heartbeat", failure);
        }
    }

    /** Rewrites this node's whole state and subscriptions: at start and after every reconnection. */
    private void resync() {
        if (closed.get()) {
            return;
        }
        if (!commands.isOpen()) {
            stateLost.set(true);
            return;
        }
        stateLost.set(false);
        try {
            deleteNodeKeys(node.id());
            RedisAsyncCommands<String, String> a = commands.async();
            for (Map.Entry<String, Set<String>> connection : node.localState().entrySet()) {
                String id = connection.getKey();
                watch(a.sadd(names.connections(node.id()), id));
                for (String room : connection.getValue()) {
                    watch(a.sadd(names.room(node.id(), room), id));
                    watch(a.sadd(names.roomsOf(node.id(), id), room));
                }
            }
            heartbeat();
            List<String> channels = new ArrayList<>();
            channels.add(names.allChannel());
            channels.add(names.nodeChannel(node.id()));
            localRooms.keySet().forEach(room -> channels.add(names.roomChannel(room)));
            subscriber.async().subscribe(channels.toArray(String[]::new));
        } catch (RuntimeException e) {
            stateLost.set(true);
            LOG.log(System.Logger.Level.DEBUG, "resync failed; the next heartbeat retries", e);
            try {
                heartbeat(); // this node stays alive for the others meanwhile
            } catch (RuntimeException again) {
                LOG.log(System.Logger.Level.DEBUG, "heartbeat failed", again);
            }
        }
    }

    /** Every heartbeat period, on the worker: a heartbeat, or a whole rewrite after a lost state write. */
    private void beat() {
        if (stateLost.get()) {
            resync(); // ends with a heartbeat
        } else {
            heartbeat();
        }
    }

    private void heartbeat() {
        if (closed.get() || !commands.isOpen()) {
            return;
        }
        long now = System.currentTimeMillis();
        long lifetime = settings.heartbeat().toMillis() * 7 / 2;
        RedisAsyncCommands<String, String> a = commands.async();
        a.zadd(names.nodes(), (double) (now + lifetime), node.id()).thenAccept(added -> {
            if (added != null && added > 0) {
                // Redis lost our entry (restarted, or we were taken for dead): write everything again
                worker.execute(this::resync);
            }
        });
        a.zrangebyscore(names.nodes(), Range.create(0, now)).thenAccept(dead -> worker.execute(() -> {
            for (String gone : dead) {
                deleteNodeKeys(gone);
                commands.async().zrem(names.nodes(), gone);
            }
        }));
    }

    private void deleteNodeKeys(String nodeId) {
        ScanCursor cursor = ScanCursor.INITIAL;
        ScanArgs match = ScanArgs.Builder.matches(names.nodeKeys(nodeId)).limit(500);
        do {
            KeyScanCursor<String> page = commands.sync().scan(cursor, match);
            if (!page.getKeys().isEmpty()) {
                commands.sync().del(page.getKeys().toArray(String[]::new));
            }
            cursor = page;
        } while (!cursor.isFinished());
    }

    @Override
    public long dropped() {
        return dropped.get();
    }

    // --- queries and commands ----------------------------------------------------------------

    private CompletionStage<List<String>> liveNodes() {
        return commands.async().zrangebyscore(names.nodes(),
                Range.create((double) System.currentTimeMillis(), Double.MAX_VALUE));
    }

    /**
     * Asks every live node's sets, with the deadline; on any failure answers from this node alone,
     * marked partial.
     */
    private <T> CompletionStage<ClusterAnswer<T>> query(Function<List<String>, CompletionStage<T>> ask,
                                                        java.util.function.Supplier<T> localOnly) {
        if (!commands.isOpen()) {
            return CompletableFuture.completedFuture(new ClusterAnswer<>(localOnly.get(), true, Set.of(node.id())));
        }
        CompletableFuture<ClusterAnswer<T>> answer = new CompletableFuture<>();
        liveNodes().thenCompose(nodes -> ask.apply(nodes).thenApply(value -> new ClusterAnswer<>(value, false, Set.copyOf(nodes))))
                .toCompletableFuture()
                .orTimeout(settings.queryTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .whenComplete((value, failure) -> {
                    if (failure == null) {
                        answer.complete(value);
                    } else {
                        answer.complete(new ClusterAnswer<>(localOnly.get(), true, Set.of(node.id())));
                    }
                });
        return answer;
    }

    private <T> CompletionStage<List<T>> each(List<String> nodes, Function<String, CompletionStage<T>> ask) {
        List<CompletableFuture<T>> parts = nodes.stream().map(n -> ask.apply(n).toCompletableFuture()).toList();
        return CompletableFuture.allOf(parts.toArray(CompletableFuture[]::new))
                .thenApply(done -> parts.stream().map(CompletableFuture::join).toList());
    }

    @Override
    public CompletionStage<ClusterAnswer<Integer>> count() {
        return query(nodes -> each(nodes, n -> commands.async().scard(names.connections(n)))
                        .thenApply(counts -> counts.stream().mapToInt(Long::intValue).sum()),
                () -> node.localState().size());
    }

    @Override
    public CompletionStage<ClusterAnswer<Boolean>> isConnected(String id) {
        return query(nodes -> each(nodes, n -> commands.async().sismember(names.connections(n), id))
                        .thenApply(found -> found.contains(Boolean.TRUE)),
                () -> node.localState().containsKey(id));
    }

    @Override
    public CompletionStage<ClusterAnswer<Set<String>>> members(String room) {
        return query(nodes -> each(nodes, n -> commands.async().smembers(names.room(n, room)))
                        .thenApply(RedisClusterBus::union),
                () -> localMembers(room));
    }

    @Override
    public CompletionStage<ClusterAnswer<Set<String>>> roomsOf(String id) {
        return query(nodes -> each(nodes, n -> commands.async().smembers(names.roomsOf(n, id)))
                        .thenApply(RedisClusterBus::union),
                () -> node.localState().getOrDefault(id, Set.of()));
    }

    private Set<String> localMembers(String room) {
        Set<String> members = new HashSet<>();
        node.localState().forEach((id, rooms) -> {
            if (rooms.contains(room)) {
                members.add(id);
            }
        });
        return Set.copyOf(members);
    }

    private static Set<String> union(List<Set<String>> parts) {
        Set<String> all = new HashSet<>();
        parts.forEach(all::addAll);
        return Set.copyOf(all);
    }

    @Override
    public CompletionStage<Boolean> join(String room, String id) {
        return command("join", room, id);
    }

    @Override
    public CompletionStage<Boolean> leave(String room, String id) {
        return command("leave", room, id);
    }

    @Override
    public CompletionStage<Boolean> disconnect(String id) {
        return command("disconnect", "", id);
    }

    /**
     * Runs a command on the node that holds the connection: here directly, elsewhere through that
     * node's channel (at most once). Completes with whether the connection was found.
     */
    private CompletionStage<Boolean> command(String op, String room, String id) {
        if (node.localState().containsKey(id)) {
            return CompletableFuture.completedFuture(apply(op, room, id));
        }
        return query(nodes -> each(nodes, n -> commands.async().sismember(names.connections(n), id)
                        .thenApply(found -> found ? n : null))
                        .thenCompose(holders -> {
                            String holder = holders.stream().filter(java.util.Objects::nonNull).findFirst().orElse(null);
                            if (holder == null) {
                                return CompletableFuture.completedFuture(false);
                            }
                            String text = op + "\n" + room + "\n" + id;
                            return commands.async().publish(names.nodeChannel(holder), text).thenApply(receivers -> receivers > 0);
                        }),
                () -> false).thenApply(ClusterAnswer::value);
    }

    private void command(String text) {
        String[] parts = text.split("\n", 3);
        if (parts.length == 3) {
            apply(parts[0], parts[1], parts[2]);
        }
    }

    private boolean apply(String op, String room, String id) {
        return switch (op) {
            case "join" -> node.join(room, id);
            case "leave" -> node.leave(room, id);
            case "disconnect" -> node.disconnect(id);
            default -> false;
        };
    }
}
