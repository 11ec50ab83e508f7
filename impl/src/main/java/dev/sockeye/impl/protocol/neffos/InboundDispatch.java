package dev.sockeye.impl.protocol.neffos;

import dev.sockeye.neffos.ErrorReplyException;
import dev.sockeye.neffos.Events;
import dev.sockeye.ListenerException;
import dev.sockeye.neffos.NamespaceHook;
import dev.sockeye.SockeyeException;
import dev.sockeye.impl.codec.InboundMessage;
import dev.sockeye.impl.route.Message;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * What each message from a neffos client does (spec §2.3): answers to the server's asks, the four
 * system events, and custom events with their answers. Called by the container one message at a
 * time per connection, so the protocol state needs no lock.
 *
 * <p>Answers: a client ask ({@code $} wait) always gets one, the handler's value, an error with the
 * text of what it threw, or an empty reply ({@code <wait>;;;;;;}) when it returned nothing or the
 * event has no handler, so that no client waits forever. A plain emit is answered only when the
 * handler returned a value (emitted back on the same namespace, room and event) or threw (an error
 * message, as the original server wrote).
 *
 * <p>A client's error message ({@code isError = 1}) that answers no ask of the server (a neffos.js
 * handler returned an {@code Error} for a server's plain emit) goes to the error listeners as an
 * {@link ErrorReplyException}; it is never handled as an event nor answered, so that an error and a
 * reply cannot bounce between the two sides forever.
 */
final class InboundDispatch {

    private static final System.Logger LOG = System.getLogger(InboundDispatch.class.getName());
    /** What a handler's stage "completes" with when a client's ask has waited for it too long. */
    private static final Object TIMED_OUT = new Object();

    private final NeffosSession session;

    InboundDispatch(NeffosSession session) {
        this.session = session;
    }

    void dispatch(NeffosFrame frame) {
        if (frame instanceof NeffosFrame.Native nativeFrame) {
            nativeMessage(nativeFrame);
            return;
        }
        NeffosFrame.Event event = (NeffosFrame.Event) frame;
        if (!event.token().isEmpty() && !event.isClientAsk()) {
            if (!session.asks().answer(event)) {
                LOG.log(System.Logger.Level.DEBUG, "connection " + session.id() + ": an answer to wait "
                        + event.token() + " came after its ask ended; dropped");
            }
            return;
        }
        if (event.error()) {
            clientError(event);
            return;
        }
        switch (event.event()) {
            case "_OnNamespaceConnect" -> connect(event);
            case "_OnNamespaceDisconnect" -> disconnect(event);
            case "_OnRoomJoin" -> join(event);
            // neffos.js's leaveAll() asks with _OnRoomLeft: treat it as the leave it means
            case "_OnRoomLeave", "_OnRoomLeft" -> leave(event);
            default -> custom(event);
        }
    }

    /** An error the client sent on its own: reported; an ask (which neffos.js never sends so) gets an empty reply. */
    private void clientError(NeffosFrame.Event event) {
        session.listeners().error(new ErrorReplyException(event.body().text(), event.namespace(), event.room(),
                event.event()));
        if (event.isClientAsk()) {
            emptyReply(event);
        }
    }

    private boolean isSystemAsk(NeffosFrame.Event event) {
        return !event.token().isEmpty() && !event.noOp();
    }

    private void connect(NeffosFrame.Event event) {
        if (!isSystemAsk(event)) {
            return;
        }
        String name = event.namespace();
        if (session.namespaceStates().containsKey(name)) {
            emptyReply(event);
            return;
        }
        NamespaceModel model = session.context().namespace(name);
        if (model == null) {
            errorReply(event, "bad namespace");
            return;
        }
        NamespaceState state = new NamespaceState(session, model);
        try {
            state.createControllers();
            state.vetoable(NamespaceHook.Kind.NAMESPACE_CONNECT, "", false);
        } catch (Exception e) {
            state.releaseControllers();
            errorReply(event, errorText(e));
            return;
        }
        session.namespaceStates().put(name, state);
        state.attach();
        emptyReply(event);
        state.report(NamespaceHook.Kind.NAMESPACE_CONNECTED, "", false, false);
    }

    private void disconnect(NeffosFrame.Event event) {
        if (!isSystemAsk(event)) {
            return;
        }
        NamespaceState state = session.namespaceStates().get(event.namespace());
        if (state == null) {
            emptyReply(event);
            return;
        }
        try {
            state.vetoable(NamespaceHook.Kind.NAMESPACE_DISCONNECT, "", false);
        } catch (Exception e) {
            errorReply(event, errorText(e));
            return;
        }
        state.leaveAllForced(false);
        state.detach();
        emptyReply(event);
    }

    private void join(NeffosFrame.Event event) {
        NamespaceState state = session.namespaceStates().get(event.namespace());
        if (state == null) {
            errorReply(event, "bad namespace");
            return;
        }
        if (!isSystemAsk(event)) {
            return;
        }
        String room = event.room();
        if (!state.hasRoom(room)) {
            try {
                state.vetoable(NamespaceHook.Kind.ROOM_JOIN, room, false);
            } catch (Exception e) {
                errorReply(event, errorText(e));
                return;
            }
            state.addRoom(room);
            state.report(NamespaceHook.Kind.ROOM_JOINED, room, false, false);
        }
        emptyReply(event);
    }

    private void leave(NeffosFrame.Event event) {
        NamespaceState state = session.namespaceStates().get(event.namespace());
        if (state == null) {
            errorReply(event, "bad namespace");
            return;
        }
        if (!isSystemAsk(event)) {
            return;
        }
        String room = event.room();
        if (state.hasRoom(room)) {
            try {
                state.vetoable(NamespaceHook.Kind.ROOM_LEAVE, room, false);
            } catch (Exception e) {
                errorReply(event, errorText(e));
                return;
            }
            state.removeRoom(room);
            state.report(NamespaceHook.Kind.ROOM_LEFT, room, false, false);
        }
        emptyReply(event);
    }

    private void custom(NeffosFrame.Event event) {
        NamespaceState state = session.namespaceStates().get(event.namespace());
        if (state == null) {
            errorReply(event, "bad namespace");
            return;
        }
        ReceivedMessage message = ReceivedMessage.of(event, session.decoder());
        Events.Handler handler = state.model().handlers().get(event.event());
        if (handler == null) {
            handler = state.model().anyEvent();
        }
        if (handler == null) {
            if (event.isClientAsk()) {
                emptyReply(event);
            }
        } else {
            Object result;
            try {
                result = handler.handle(state, message);
                answer(event, result);
            } catch (Exception | LinkageError e) {
                errorReply(event, errorText(e));
                LOG.log(System.Logger.Level.DEBUG, "connection " + session.id() + ": the handler of '"
                        + event.event() + "' answered with an error", e);
            }
        }
        irisListeners(event);
    }

    /** Iris-style {@code on(event, ...)} listeners of the connection hear events of every namespace. */
    private void irisListeners(NeffosFrame.Event event) {
        String name = event.event();
        if (!name.isEmpty() && name.indexOf(';') < 0) {
            session.listeners().dispatch(new InboundMessage.Event(name, event.binary() ? 3 : 0, event.body()));
        }
    }

    private void nativeMessage(NeffosFrame.Native frame) {
        NamespaceModel model = session.context().namespace("");
        NamespaceState state = session.namespaceStates().get("");
        if (state == null) {
            state = new NamespaceState(session, model);
        }
        ReceivedMessage message = new ReceivedMessage("", "", "_OnNativeMessage", frame.body(), frame.binary(),
                true, false, false, session.decoder());
        try {
            Object result = model.nativeMessage().handle(state, message);
            if (result instanceof String text) {
                session.emitMessage(text);
            } else if (result instanceof byte[] bytes) {
                session.emitMessage(bytes);
            }
        } catch (Exception | LinkageError e) {
            session.listeners().error(new ListenerException("the native message handler threw " + e, e));
        }
        session.listeners().dispatchNative(frame.body().bytes());
    }

    /**
     * Sends what a handler returned, now or when its stage completes; a client ask waits for a stage
     * at most {@link dev.sockeye.neffos.Namespaces#answerTimeout()}, then gets an error and the stage's
     * late outcome is dropped.
     */
    private void answer(NeffosFrame.Event event, Object result) {
        if (!(result instanceof CompletionStage<?> stage)) {
            answerValue(event, result);
            return;
        }
        CompletableFuture<Object> outcome = new CompletableFuture<>();
        stage.whenComplete((value, failure) -> {
            if (failure != null) {
                outcome.completeExceptionally(failure);
            } else {
                outcome.complete(value);
            }
        });
        if (event.isClientAsk() && !outcome.isDone()) {
            Duration timeout = session.context().definition().answerTimeout();
            outcome.completeOnTimeout(TIMED_OUT, timeout.toNanos(), TimeUnit.NANOSECONDS);
        }
        outcome.whenComplete((value, failure) -> {
            if (value == TIMED_OUT) {
                String text = "no answer within " + session.context().definition().answerTimeout().toMillis() + " ms";
                session.listeners().error(new SockeyeException("the handler of '" + event.event()
                        + "' did not complete its answer to a client's ask in time; the client got '" + text + "'"));
                errorReply(event, text);
            } else if (failure != null) {
                errorReply(event, errorText(failure));
            } else {
                answerValue(event, value);
            }
        });
    }

    private void answerValue(NeffosFrame.Event event, Object value) {
        if (value == null) {
            if (event.isClientAsk()) {
                emptyReply(event);
            }
            return;
        }
        Message body;
        try {
            body = Message.body(event.event(), value, session.jsonb());
        } catch (RuntimeException e) {
            errorReply(event, "the answer could not be encoded: " + errorText(e));
            session.listeners().error(e);
            return;
        }
        String header = NeffosWire.header(event.token(), event.namespace(), event.room(), event.event(), false, false);
        session.send(AddressCodec.frame(header, body, binaryMode()));
    }

    /** A text frame in binary mode too, as the original server wrote it. */
    private void emptyReply(NeffosFrame.Event event) {
        session.send(AddressCodec.text(NeffosWire.emptyReply(event.token())));
    }

    /**
     * A text frame in binary mode too: neffos.js 0.1.34 makes the body of a binary error an
     * {@code Error} of its {@code ArrayBuffer}, whose message is {@code [object ArrayBuffer]}.
     */
    private void errorReply(NeffosFrame.Event event, String text) {
        String header = NeffosWire.header(event.token(), event.namespace(), event.room(), event.event(), true, false);
        session.send(AddressCodec.text(header + text));
    }

    private boolean binaryMode() {
        return session.config().binaryMessages();
    }

    /** @return the text a client receives for a failure: the message of its root, else its class name */
    static String errorText(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof java.util.concurrent.ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        String message = cause.getMessage();
        return message == null || message.isEmpty() ? cause.getClass().getSimpleName() : message;
    }
}
