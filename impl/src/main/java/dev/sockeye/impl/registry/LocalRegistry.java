package dev.sockeye.impl.registry;

import dev.sockeye.Connection;
import dev.sockeye.ConnectionClosedException;
import dev.sockeye.ClusterView;
import dev.sockeye.ConnectionRegistry;
import dev.sockeye.Emitter;
import dev.sockeye.Target;
import dev.sockeye.impl.route.Message;
import dev.sockeye.impl.route.Router;
import dev.sockeye.impl.send.FanOutDelivery;

import jakarta.json.bind.Jsonb;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The connections and rooms of one endpoint on this node, and the local {@link Router}.
 *
 * <p>Rooms are sets in a concurrent map: a room of one member an immutable one-element set, a larger
 * room a concurrent set. Joins and leaves of one room run inside that room's {@code compute}, which
 * locks only the room's bin, so an empty room disappears atomically and a member's own room list
 * always agrees with the room. Emits iterate the live sets without any lock or copy; queries copy.
 */
public final class LocalRegistry implements ConnectionRegistry, Router {

    private static final System.Logger LOG = System.getLogger(LocalRegistry.class.getName());

    /** How long {@link #goAway(Object)} waits for the close frames of the connections it ends. */
    public static final int GO_AWAY_WAIT_SECONDS = 5;

    private final ConcurrentMap<String, Member> connections = new ConcurrentHashMap<>();
    /**
     * Endpoints that went away, compared by identity as {@link #goAway} compares them (an endpoint's
     * context may be a record whose hash would be computed on every handshake): a list, copied on
     * the rare write, empty in most applications.
     */
    private volatile List<Object> goneAway = List.of();
    private final Object goneAwayLock = new Object();
    private final ConcurrentMap<String, Set<Member>> rooms = new ConcurrentHashMap<>();
    private final Jsonb jsonb;
    private volatile Router router = this;
    private volatile MembershipListener membership = MembershipListener.NONE;
    private volatile ClusterView clusterView = new LocalClusterView(this);

    /** @param jsonb encodes the values emitted through {@link #to(Target)}; thread-safe */
    public LocalRegistry(Jsonb jsonb) {
        this.jsonb = jsonb;
    }

    /**
     * Connects the registry to a cluster: emits made through {@link #to(Target)} go through
     * {@code router}, membership changes are told to {@code membership}, and {@link #cluster()}
     * answers with {@code view}. Called once, before the endpoint is deployed.
     */
    public void joinCluster(Router router, MembershipListener membership, ClusterView view) {
        this.router = router;
        this.membership = membership;
        this.clusterView = view;
    }

    /** @return the router of emits: this registry on a single node, the cluster's once joined */
    public Router router() {
        return router;
    }

    @Override
    public ClusterView cluster() {
        return clusterView;
    }

    /**
     * Adds an opening connection and its own ID room.
     *
     * @return {@code false} if a connection with the same ID is already registered
     */
    public boolean register(Member member) {
        if (connections.putIfAbsent(member.id(), member) != null) {
            return false;
        }
        join(member.id(), member);
        membership.connected(member.id());
        return true;
    }

    /**
     * Ends every open connection that {@code endpoint} accepted ({@link Member#goAway()}: close code
     * 1001), then waits until their close frames are written, {@value #GO_AWAY_WAIT_SECONDS} s at most in all.
     * From then on {@link #hasGoneAway} is {@code true} for {@code endpoint}: a connection whose
     * handshake was still in flight registers, sees it, and ends itself (a container may hand out
     * connections to an endpoint it can no longer undeploy, as embedded Tyrus does).
     *
     * @param endpoint what the connections' {@link Member#endpoint()} returns
     */
    public void goAway(Object endpoint) {
        synchronized (goneAwayLock) {
            List<Object> more = new java.util.ArrayList<>(goneAway);
            more.add(endpoint);
            goneAway = List.copyOf(more);
        }
        CompletableFuture<?>[] closes = connections.values().stream()
                .filter(member -> member.endpoint() == endpoint)
                .map(member -> member.goAway().toCompletableFuture().exceptionally(alreadyEnded -> null))
                .toArray(CompletableFuture<?>[]::new);
        try {
            CompletableFuture.allOf(closes).get(GO_AWAY_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // the connections have ended on this side; a close frame that is not out by now is not awaited
        }
    }

    /**
     * Whether {@link #goAway} was called for {@code endpoint}. An opening connection asks after
     * {@link #register}: either it sees the endpoint gone, or {@code goAway} sees it registered.
     */
    public boolean hasGoneAway(Object endpoint) {
        for (Object gone : goneAway) {
            if (gone == endpoint) {
                return true;
            }
        }
        return false;
    }

    /** Removes a connection that has left its rooms. */
    public void unregister(Member member) {
        if (connections.remove(member.id(), member)) {
            membership.disconnected(member.id());
        }
    }

    /** Adds {@code member} to {@code room}; refused once the member is closing. */
    public boolean join(String room, Member member) {
        boolean[] joined = {false};
        rooms.compute(room, (name, members) -> {
            if (!member.acceptsJoins() || (members != null && members.contains(member))) {
                return members;
            }
            joined[0] = true;
            member.joinedRooms().add(name);
            return withMember(members, member);
        });
        if (joined[0] && !room.equals(member.id())) {
            membership.joined(room, member.id());
        }
        return joined[0];
    }

    /** Removes {@code member} from {@code room} and tells its leave listeners. */
    public boolean leave(String room, Member member) {
        boolean[] left = {false};
        rooms.computeIfPresent(room, (name, members) -> {
            if (!members.contains(member)) {
                return members;
            }
            left[0] = true;
            member.joinedRooms().remove(name);
            return withoutMember(members, member);
        });
        if (left[0]) {
            if (!room.equals(member.id())) {
                membership.left(room, member.id());
            }
            member.left(room);
        }
        return left[0];
    }

    /**
     * A room of one member (every connection's own ID room, and many others) is an immutable
     * one-element set: a few bytes instead of a concurrent set with its table and node. A second
     * member turns it into a concurrent set, changed in place from then on; emits iterate whichever
     * set they read, without a lock. Called inside the room's {@code compute} only.
     */
    private static Set<Member> withMember(Set<Member> members, Member member) {
        if (members == null) {
            return Set.of(member);
        }
        if (members instanceof ConcurrentHashMap.KeySetView<Member, ?> live) {
            live.add(member);
            return live;
        }
        Set<Member> grown = ConcurrentHashMap.newKeySet(4);
        grown.addAll(members);
        grown.add(member);
        return grown;
    }

    /** The reverse of {@link #withMember}: an empty room disappears, a room of one becomes immutable again. */
    private static Set<Member> withoutMember(Set<Member> members, Member member) {
        if (!(members instanceof ConcurrentHashMap.KeySetView<Member, ?> live)) {
            return null;
        }
        live.remove(member);
        return switch (live.size()) {
            case 0 -> null;
            case 1 -> Set.copyOf(live);
            default -> live;
        };
    }

    @Override
    public CompletionStage<Void> route(Target target, Message message) {
        FanOutDelivery delivery = new FanOutDelivery();
        if (target instanceof Target.ToRoom room) {
            Set<Member> members = rooms.get(room.name());
            if (members != null) {
                members.forEach(m -> deliver(m, target, message, delivery));
            }
        } else if (target instanceof Target.ToConnection one) {
            Member member = connections.get(one.id());
            if (member != null) {
                deliver(member, target, message, delivery);
            }
        } else if (target instanceof Target.ToAll) {
            connections.values().forEach(m -> deliver(m, target, message, delivery));
        } else if (target instanceof Target.ToAllExcept except) {
            String excluded = except.excludedId();
            connections.values().forEach(m -> {
                if (!m.id().equals(excluded)) {
                    deliver(m, target, message, delivery);
                }
            });
        }
        return delivery.sealed();
    }

    /**
     * Counts the recipient in before handing it the message, so the emit's stage waits for its write;
     * skips the message's excluded connection, whatever the target.
     */
    private static void deliver(Member member, Target target, Message message, FanOutDelivery delivery) {
        if (member.id().equals(message.excludedId())) {
            return;
        }
        delivery.expect();
        try {
            member.send(target, message, delivery);
        } catch (IllegalArgumentException e) {
            // the recipient's protocol cannot carry the message (an Iris event name with ';')
            delivery.failed(e);
            if (message.refusedOnce()) {
                LOG.log(System.Logger.Level.WARNING, "event '" + message.event() + "' not sent to connections "
                        + "whose protocol cannot carry it, such as " + member.id() + ": " + e.getMessage());
            }
        }
    }

    @Override
    public Optional<Connection> connection(String id) {
        return Optional.ofNullable(connections.get(id)).map(Member::connection);
    }

    @Override
    public Collection<Connection> connections() {
        return connections.values().stream().map(Member::connection).toList();
    }

    @Override
    public Collection<Connection> members(String room) {
        Set<Member> members = rooms.get(room);
        return members == null ? List.of() : members.stream().map(Member::connection).toList();
    }

    @Override
    public Set<String> rooms() {
        return Set.copyOf(rooms.keySet());
    }

    @Override
    public int count() {
        return connections.size();
    }

    @Override
    public boolean isConnected(String id) {
        return connections.containsKey(id);
    }

    @Override
    public boolean isJoined(String room, String id) {
        Member member = connections.get(id);
        Set<Member> members = rooms.get(room);
        return member != null && members != null && members.contains(member);
    }

    @Override
    public boolean join(String room, String id) {
        Member member = connections.get(id);
        return member != null && join(room, member);
    }

    @Override
    public boolean leave(String room, String id) {
        Member member = connections.get(id);
        return member != null && leave(room, member);
    }

    @Override
    public void leaveAll(String id) {
        Member member = connections.get(id);
        if (member != null) {
            for (String room : member.joinedRooms().snapshot()) {
                if (!room.equals(id)) {
                    leave(room, member);
                }
            }
        }
    }

    @Override
    public CompletionStage<Void> disconnect(String id) {
        Member member = connections.get(id);
        if (member == null) {
            return CompletableFuture.failedFuture(new ConnectionClosedException("no open connection with id " + id));
        }
        return member.connection().disconnect();
    }

    @Override
    public Emitter to(Target target) {
        return new TargetEmitter(router, jsonb, target, null, null);
    }

    /**
     * @param excludedId a connection that does not receive, or {@code null}
     * @param scope      the protocol scope a recipient must have (a neffos namespace), or {@code null}
     * @return an emitter to every connection {@code target} names, narrowed by the scopes
     */
    public Emitter to(Target target, String excludedId, String scope) {
        return new TargetEmitter(router, jsonb, target, excludedId, scope);
    }
}
