package dev.sockeye.neffos;

import dev.sockeye.Connection;
import dev.sockeye.PayloadDecodeException;
import dev.sockeye.PayloadType;

/**
 * One neffos message (neffos's {@code Message}): an event that arrived on a namespace, a reply to
 * an ask, or the system message a hook is called with.
 *
 * <p>Immutable and thread-safe. The body is kept as received; it is decoded on demand, once per
 * call.
 */
public interface NeffosMessage {

    /** @return the namespace; {@code ""} is neffos's default namespace */
    String namespace();

    /** @return the room the client addressed (or the room of a room hook); {@code ""} for none */
    String room();

    /** @return the event name; a system event such as {@code _OnRoomJoin} in hooks */
    String event();

    /** @return a fresh copy of the body's bytes (the UTF-8 of a text body) */
    byte[] body();

    /** @return the body as text; bytes that are not UTF-8 become replacement characters */
    String text();

    /**
     * Decodes the body into {@code type}, with the rules of
     * {@link Connection#on(String, Class, java.util.function.Consumer)}: {@code String} as is,
     * numbers and booleans from their text, {@code byte[]} raw, anything else from JSON with JSON-B.
     *
     * @throws PayloadDecodeException if the body cannot become {@code type}; its message names the
     *         event and the type
     */
    <T> T decode(Class<T> type);

    /** As {@link #decode(Class)}, for generic types such as {@code new PayloadType<List<Move>>() {}}. */
    <T> T decode(PayloadType<T> type);

    /** @return whether it came as a binary frame (neffos.js {@code emitBinary}) */
    boolean isBinary();

    /** @return whether it is a native message (a frame outside the neffos format) */
    boolean isNative();

    /**
     * @return whether a hook is called because the server or a closing connection forced it (a
     *         forced leave or disconnect cannot be vetoed)
     */
    boolean isForced();

    /** @return whether the server initiated it (for example {@link NamespaceConnection#joinRoom}) rather than the client */
    boolean isLocal();
}
