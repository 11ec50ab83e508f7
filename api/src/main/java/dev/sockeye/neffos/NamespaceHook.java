package dev.sockeye.neffos;

import dev.sockeye.Connection;
import dev.sockeye.ConnectionRegistry;
import dev.sockeye.Handshake;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method of a {@link NeffosController} as one of the namespace's hooks (the controller
 * counterpart of {@link Events.Builder#onRoomJoin} and its siblings). Present-tense hooks veto by
 * throwing; the exception's message is the error text the client receives.
 *
 * <p>Parameters, in any order: {@link NamespaceConnection}, {@link NeffosConnection},
 * {@link Connection}, {@link Handshake}, {@link ConnectionRegistry}, {@link NeffosMessage}. The
 * method returns {@code void}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface NamespaceHook {

    /** @return which hook the method is */
    Kind value();

    /** The hooks of a namespace, named by tense as in neffos. */
    enum Kind {
        /** {@code _OnNamespaceConnect}: before a namespace connect; may veto. */
        NAMESPACE_CONNECT("_OnNamespaceConnect"),
        /** {@code _OnNamespaceConnected}: after a namespace connect. */
        NAMESPACE_CONNECTED("_OnNamespaceConnected"),
        /** {@code _OnNamespaceDisconnect}: before a namespace disconnect; may veto a requested one. */
        NAMESPACE_DISCONNECT("_OnNamespaceDisconnect"),
        /** {@code _OnRoomJoin}: before a room join; may veto. */
        ROOM_JOIN("_OnRoomJoin"),
        /** {@code _OnRoomJoined}: after a room join. */
        ROOM_JOINED("_OnRoomJoined"),
        /** {@code _OnRoomLeave}: before a room leave; may veto a requested one. */
        ROOM_LEAVE("_OnRoomLeave"),
        /** {@code _OnRoomLeft}: after a room leave. */
        ROOM_LEFT("_OnRoomLeft");

        private final String event;

        Kind(String event) {
            this.event = event;
        }

        /** @return the neffos system event name, for example {@code _OnRoomJoin} */
        public String event() {
            return event;
        }
    }
}
