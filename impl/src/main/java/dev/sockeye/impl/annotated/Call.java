package dev.sockeye.impl.annotated;

import dev.sockeye.Connection;

/**
 * What one invocation of a handler method can draw its arguments from: the connection and the
 * value of the callback (the decoded payload, the native bytes, the room, the error; {@code null}
 * for connect and disconnect).
 */
record Call(Connection connection, Object value) {
}
