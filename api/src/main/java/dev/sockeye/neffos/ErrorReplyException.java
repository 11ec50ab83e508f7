package dev.sockeye.neffos;

import dev.sockeye.Connection;
import dev.sockeye.SockeyeException;

import java.util.Optional;

/**
 * The peer answered with an error (a neffos message with {@code isError = 1}): a client handler
 * returned an {@code Error}, or refused a server-initiated namespace connect or room join. The
 * message is the peer's error text.
 *
 * <p>Besides failing a server's {@link NamespaceConnection#ask ask}, it reaches the connection's
 * {@linkplain Connection#onError error listeners} when a client sends an error that answers no ask,
 * for example when a neffos.js handler returns an {@code Error} for a server's plain emit; the
 * {@link #event()} then names what the client was handling. Such a message is never handled as an
 * event nor answered, so the two sides cannot bounce an error and a reply back and forth.
 */
public class ErrorReplyException extends SockeyeException {
    private static final long serialVersionUID = 1L;

    /** The namespace, room and event of the error message, or {@code null} when there was none. */
    private final String namespace;
    private final String room;
    private final String event;

    /** An error without a message of its own, such as {@code bad namespace} for an undefined namespace. */
    public ErrorReplyException(String errorText) {
        this(errorText, null, null, null);
    }

    /**
     * An error that the peer sent on an address.
     *
     * @param errorText the peer's error text
     * @param namespace the message's namespace, or {@code null} for none
     * @param room      the message's room ({@code ""} for none), or {@code null} when there is no message
     * @param event     the message's event, or {@code null} when there is no message
     */
    public ErrorReplyException(String errorText, String namespace, String room, String event) {
        super(errorText);
        this.namespace = namespace;
        this.room = room;
        this.event = event;
    }

    /** @return the namespace of the peer's error message; empty when the error was not a message */
    public Optional<String> namespace() {
        return Optional.ofNullable(namespace);
    }

    /** @return the room of the peer's error message ({@code ""} for none); empty when the error was not a message */
    public Optional<String> room() {
        return Optional.ofNullable(room);
    }

    /** @return the event of the peer's error message; empty when the error was not a message */
    public Optional<String> event() {
        return Optional.ofNullable(event);
    }
}
