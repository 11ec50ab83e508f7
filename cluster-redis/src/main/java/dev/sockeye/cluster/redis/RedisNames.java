package dev.sockeye.cluster.redis;

import java.nio.charset.StandardCharsets;

/**
 * The Redis key and channel names of one endpoint. Every user-chosen part (endpoint path, room,
 * connection ID) is percent-encoded down to {@code [A-Za-z0-9_.-]}, so a name can never contain
 * {@code :} (our separator) nor a glob character ({@code * ? [ ] \}) and never address another
 * application's or endpoint's keys.
 */
final class RedisNames {

    private final String base;

    /**
     * @param prefix       the application's prefix; {@code [A-Za-z0-9_.-]+}
     * @param endpointPath the endpoint's path
     */
    RedisNames(String prefix, String endpointPath) {
        if (prefix == null || !prefix.matches("[A-Za-z0-9_.-]+")) {
            throw new IllegalArgumentException("a cluster prefix must match [A-Za-z0-9_.-]+: " + prefix);
        }
        this.base = prefix + ":" + escape(endpointPath);
    }

    static String escape(String name) {
        StringBuilder out = new StringBuilder(name.length() + 8);
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '.' || c == '-') {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }

    /** Sorted set: node ID → the time (epoch ms) after which the node counts as dead. */
    String nodes() {
        return base + ":nodes";
    }

    /** Set: the connection IDs on a node. */
    String connections(String node) {
        return base + ":n:" + node + ":conns";
    }

    /** Set: the members of a room on a node. */
    String room(String node, String room) {
        return base + ":n:" + node + ":r:" + escape(room);
    }

    /** Set: the rooms of a connection on a node. */
    String roomsOf(String node, String id) {
        return base + ":n:" + node + ":c:" + escape(id);
    }

    /** Glob matching every key of a node (node IDs are UUIDs: no glob characters). */
    String nodeKeys(String node) {
        return base + ":n:" + node + ":*";
    }

    /** Channel: emits to everybody. */
    String allChannel() {
        return base + ":all";
    }

    /** Channel: emits to a room (a connection's own ID room included). */
    String roomChannel(String room) {
        return base + ":room:" + escape(room);
    }

    /** Channel: commands to one node. */
    String nodeChannel(String node) {
        return base + ":node:" + node;
    }
}
