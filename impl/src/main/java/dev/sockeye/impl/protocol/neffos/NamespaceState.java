package dev.sockeye.impl.protocol.neffos;

import dev.sockeye.ConnectionClosedException;
import dev.sockeye.Emitter;
import dev.sockeye.neffos.ErrorReplyException;
import dev.sockeye.neffos.Events;
import dev.sockeye.ListenerException;
import dev.sockeye.neffos.NamespaceConnection;
import dev.sockeye.neffos.NamespaceHook;
import dev.sockeye.neffos.NamespaceRoom;
import dev.sockeye.neffos.Namespaces;
import dev.sockeye.neffos.NeffosConnection;
import dev.sockeye.neffos.NeffosMessage;
import dev.sockeye.Target;
import dev.sockeye.impl.registry.LocalRegistry;
import dev.sockeye.impl.route.Message;
import dev.sockeye.spi.EndpointInstances;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One connection's presence in one namespace: its rooms, its controller instances, and the
 * server-initiated operations (emit, ask, join, leave, disconnect). The client-initiated ones are
 * {@link InboundDispatch}'s, which uses the hooks and room bookkeeping here.
 *
 * <p>A room is added to {@link #rooms} before the registry join and removed before the registry
 * leave, so that {@link NeffosSession#left} can tell a leave made by the registry's own API (which
 * must update the namespace and tell the client) from one made here.
 */
final class NamespaceState implements NamespaceConnection {

    /** How long the server waits for the client to confirm a system ask (connect, join, leave). */
    static final Duration SYSTEM_ASK_TIMEOUT = Duration.ofSeconds(10);

    private final NeffosSession session;
    private final NamespaceModel model;
    private final ConcurrentHashMap<String, Room> rooms = new ConcurrentHashMap<>();
    private final EndpointInstances.Managed<?>[] controllers;
    private volatile boolean connected;

    NamespaceState(NeffosSession session, NamespaceModel model) {
        this.session = session;
        this.model = model;
        this.controllers = new EndpointInstances.Managed<?>[model.controllers().size()];
    }

    NamespaceModel model() {
        return model;
    }

    NeffosSession session() {
        return session;
    }

    // --- controllers ------------------------------------------------------------------------

    /** Creates the controller instances; before the connect hooks. */
    void createControllers() {
        for (int i = 0; i < controllers.length; i++) {
            controllers[i] = model.controllers().get(i).create();
        }
    }

    /** @return the instance of the controller in {@code slot} */
    Object controller(int slot) {
        return controllers[slot].instance();
    }

    /** Releases the controller instances; after the disconnect hooks, or when the connect is refused. */
    void releaseControllers() {
        for (int i = 0; i < controllers.length; i++) {
            EndpointInstances.Managed<?> managed = controllers[i];
            controllers[i] = null;
            if (managed != null) {
                try {
                    managed.release();
                } catch (RuntimeException e) {
                    session.listeners().error(new ListenerException("releasing a neffos controller failed: " + e, e));
                }
            }
        }
    }

    // --- hooks ------------------------------------------------------------------------------

    /** Runs the hooks of a kind that may veto; the first that throws stops the others and vetoes. */
    void vetoable(NamespaceHook.Kind kind, String room, boolean local) throws Exception {
        NeffosMessage message = systemMessage(kind, room, false, local);
        for (Events.Hook hook : model.hooks(kind)) {
            hook.handle(this, message);
        }
    }

    /** Runs the hooks of a kind that reports: one that throws is reported to the error listeners. */
    void report(NamespaceHook.Kind kind, String room, boolean forced, boolean local) {
        NeffosMessage message = systemMessage(kind, room, forced, local);
        for (Events.Hook hook : model.hooks(kind)) {
            try {
                hook.handle(this, message);
            } catch (Exception | LinkageError e) {
                session.listeners().error(new ListenerException("the " + kind + " hook of namespace '"
                        + model.name() + "' threw " + e, e));
            }
        }
    }

    private NeffosMessage systemMessage(NamespaceHook.Kind kind, String room, boolean forced, boolean local) {
        return ReceivedMessage.system(model.name(), room, kind.event(), forced, local, session.decoder());
    }

    // --- bookkeeping ------------------------------------------------------------------------

    boolean hasRoom(String room) {
        return rooms.containsKey(room);
    }

    void markConnected(boolean value) {
        connected = value;
    }

    /** Adds the room here, then in the registry. */
    Room addRoom(String room) {
        Room handle = rooms.computeIfAbsent(room, name -> new Room(this, name));
        session.localRegistry().join(Namespaces.registryRoom(model.name(), room), session.member());
        return handle;
    }

    /** Removes the room here, then from the registry. */
    boolean removeRoom(String room) {
        if (rooms.remove(room) == null) {
            return false;
        }
        session.localRegistry().leave(Namespaces.registryRoom(model.name(), room), session.member());
        return true;
    }

    /** The registry's API removed this connection from one of this namespace's rooms. */
    void leftThroughRegistry(String room) {
        if (!room.isEmpty() && rooms.remove(room) != null) {
            report(NamespaceHook.Kind.ROOM_LEAVE, room, true, true);
            report(NamespaceHook.Kind.ROOM_LEFT, room, true, true);
            askClient(room, NamespaceHook.Kind.ROOM_LEAVE.event(), emptyBody(NamespaceHook.Kind.ROOM_LEAVE),
                    SYSTEM_ASK_TIMEOUT);
        }
    }

    /** Leaves every room, forced: leave and left hooks, no veto. */
    void leaveAllForced(boolean local) {
        for (String room : Set.copyOf(rooms.keySet())) {
            report(NamespaceHook.Kind.ROOM_LEAVE, room, true, local);
            removeRoom(room);
            report(NamespaceHook.Kind.ROOM_LEFT, room, true, local);
        }
    }

    /** Removes the namespace from the connection: after its rooms are left and its hooks ran. */
    void detach() {
        connected = false;
        session.namespaceStates().remove(model.name(), this);
        session.localRegistry().leave(Namespaces.registryRoom(model.name(), ""), session.member());
        releaseControllers();
    }

    /** The connection ends: forced room leaves, the forced disconnect hook, detach. */
    void disconnectForced() {
        leaveAllForced(true);
        report(NamespaceHook.Kind.NAMESPACE_DISCONNECT, "", true, true);
        detach();
    }

    // --- server-initiated -------------------------------------------------------------------

    /** Connects {@code session} to a namespace from the server side. */
    static CompletionStage<NamespaceConnection> connectFromServer(NeffosSession session, String namespace) {
        NamespaceState existing = session.namespaceStates().get(namespace);
        if (existing != null) {
            return CompletableFuture.completedFuture(existing);
        }
        NamespaceModel model = session.context().namespace(namespace);
        if (model == null) {
            return CompletableFuture.failedFuture(new ErrorReplyException("bad namespace"));
        }
        if (!session.isOpen()) {
            return CompletableFuture.failedFuture(new ConnectionClosedException("already disconnected"));
        }
        NamespaceState state = new NamespaceState(session, model);
        try {
            state.createControllers();
            state.vetoable(NamespaceHook.Kind.NAMESPACE_CONNECT, "", true);
        } catch (Exception e) {
            state.releaseControllers();
            return CompletableFuture.failedFuture(e);
        }
        return state.askClient("", NamespaceHook.Kind.NAMESPACE_CONNECT.event(),
                        state.emptyBody(NamespaceHook.Kind.NAMESPACE_CONNECT), SYSTEM_ASK_TIMEOUT)
                .handle((answer, failure) -> {
                    if (failure != null) {
                        state.releaseControllers();
                        throw new java.util.concurrent.CompletionException(failure);
                    }
                    NamespaceState raced = session.namespaceStates().putIfAbsent(namespace, state);
                    if (raced != null) {
                        state.releaseControllers();
                        return raced;
                    }
                    state.attach();
                    state.report(NamespaceHook.Kind.NAMESPACE_CONNECTED, "", false, true);
                    return state;
                });
    }

    /** Joins the namespace's registry room; the state is already in the connection's map. */
    void attach() {
        connected = true;
        session.localRegistry().join(Namespaces.registryRoom(model.name(), ""), session.member());
    }

    /**
     * Sends an ask to the client and waits for its answer.
     *
     * @return the answer; failed with {@link ErrorReplyException}, a timeout, or when the send fails
     */
    CompletableFuture<NeffosFrame.Event> askClient(String room, String event, Message body, Duration timeout) {
        PendingAsks asks = session.asks();
        String wait = asks.newWait();
        CompletableFuture<NeffosFrame.Event> answer = asks.await(wait, timeout);
        String header = NeffosWire.header(wait, model.name(), room, event, false, false);
        session.send(AddressCodec.frame(header, body, session.config().binaryMessages()))
                .whenComplete((sent, failure) -> {
                    if (failure != null) {
                        answer.completeExceptionally(failure);
                    }
                });
        return answer;
    }

    private Message emptyBody(NamespaceHook.Kind kind) {
        return Message.body(kind.event(), null, session.jsonb());
    }

    @Override
    public String namespace() {
        return model.name();
    }

    @Override
    public NeffosConnection connection() {
        return session;
    }

    @Override
    public boolean isConnected() {
        return connected && session.isOpen();
    }

    @Override
    public CompletionStage<Void> emit(String event, Object body) {
        return emit("", event, body);
    }

    CompletionStage<Void> emit(String room, String event, Object body) {
        Message message;
        try {
            message = Message.of(event, body, session.jsonb());
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        return session.send(message.frame(session.context().codec(model.name(), room)));
    }

    @Override
    public CompletionStage<NeffosMessage> ask(String event, Object body, Duration timeout) {
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the ask timeout must be positive: " + timeout);
        }
        Message message;
        try {
            message = Message.of(event, body, session.jsonb());
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        return askClient("", event, message, timeout)
                .thenApply(answer -> ReceivedMessage.of(answer, session.decoder()));
    }

    @Override
    public CompletionStage<NamespaceRoom> joinRoom(String room) {
        Room joined = rooms.get(room);
        if (joined != null) {
            return CompletableFuture.completedFuture(joined);
        }
        try {
            vetoable(NamespaceHook.Kind.ROOM_JOIN, room, true);
        } catch (Exception e) {
            return CompletableFuture.failedFuture(e);
        }
        return askClient(room, NamespaceHook.Kind.ROOM_JOIN.event(), emptyBody(NamespaceHook.Kind.ROOM_JOIN),
                SYSTEM_ASK_TIMEOUT).thenApply(answer -> {
                    boolean added = !rooms.containsKey(room);
                    Room handle = addRoom(room);
                    if (added) {
                        report(NamespaceHook.Kind.ROOM_JOINED, room, false, true);
                    }
                    return handle;
                });
    }

    @Override
    public CompletionStage<Void> leaveRoom(String room) {
        if (!rooms.containsKey(room)) {
            return CompletableFuture.completedFuture(null);
        }
        try {
            vetoable(NamespaceHook.Kind.ROOM_LEAVE, room, true);
        } catch (Exception e) {
            return CompletableFuture.failedFuture(e);
        }
        if (removeRoom(room)) {
            report(NamespaceHook.Kind.ROOM_LEFT, room, false, true);
        }
        return askClient(room, NamespaceHook.Kind.ROOM_LEAVE.event(), emptyBody(NamespaceHook.Kind.ROOM_LEAVE),
                SYSTEM_ASK_TIMEOUT).thenApply(answer -> null);
    }

    @Override
    public Optional<NamespaceRoom> room(String room) {
        return Optional.ofNullable(rooms.get(room));
    }

    @Override
    public Set<String> rooms() {
        return Set.copyOf(rooms.keySet());
    }

    @Override
    public Emitter to(Target target) {
        LocalRegistry registry = session.localRegistry();
        String namespace = model.name();
        if (target instanceof Target.ToRoom room) {
            return registry.to(Target.room(Namespaces.registryRoom(namespace, room.name())), null, null);
        }
        Target everyone = Target.room(Namespaces.registryRoom(namespace, ""));
        if (target instanceof Target.ToAllExcept except) {
            return registry.to(everyone, except.excludedId(), null);
        }
        if (target instanceof Target.ToConnection one) {
            return registry.to(one, null, namespace);
        }
        return registry.to(everyone, null, null);
    }

    @Override
    public CompletionStage<Void> disconnect() {
        if (session.namespaceStates().get(model.name()) != this) {
            return CompletableFuture.completedFuture(null);
        }
        leaveAllForced(true);
        report(NamespaceHook.Kind.NAMESPACE_DISCONNECT, "", true, true);
        detach();
        return askClient("", NamespaceHook.Kind.NAMESPACE_DISCONNECT.event(),
                emptyBody(NamespaceHook.Kind.NAMESPACE_DISCONNECT), SYSTEM_ASK_TIMEOUT).thenApply(answer -> null);
    }

    @Override
    public String toString() {
        return "NamespaceConnection[" + session.id() + " in '" + model.name() + "']";
    }

    /** A joined room's handle. */
    record Room(NamespaceState state, String name) implements NamespaceRoom {

        @Override
        public NamespaceConnection namespaceConnection() {
            return state;
        }

        @Override
        public CompletionStage<Void> emit(String event, Object body) {
            return state.emit(name, event, body);
        }

        @Override
        public Emitter others() {
            return state.session.localRegistry().to(
                    Target.room(Namespaces.registryRoom(state.namespace(), name)), state.session.id(), null);
        }

        @Override
        public CompletionStage<Void> leave() {
            return state.leaveRoom(name);
        }

        @Override
        public String toString() {
            return "NamespaceRoom[" + state.namespace() + "/" + name + "]";
        }
    }
}
