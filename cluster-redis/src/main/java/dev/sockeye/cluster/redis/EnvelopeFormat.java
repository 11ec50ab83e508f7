package dev.sockeye.cluster.redis;

import dev.sockeye.Target;
import dev.sockeye.spi.ClusterEnvelope;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The bytes of an envelope on a Redis channel: a version, the origin node, the target, the event,
 * the body's kind and the body; from version 2 on, then the excluded connection and the scope, each
 * a presence flag and a string.
 *
 * <p>An envelope with neither scope is written in version 1, which every node reads; one with
 * either (neffos's {@code room.others()}, a namespace's {@code allExcept} or emit to one
 * connection) in version 2. Both give the kind as a type digit (0 text, 1 number, 2 boolean,
 * 3 bytes, 4 JSON, -1 native). An emit of a {@code null} value, which each protocol writes its own
 * way, is written in version 3 (the kind by its {@link ClusterEnvelope.Kind} ordinal, both scopes);
 * a node of a release that does not know a version drops it as malformed, so during a rolling
 * upgrade those emits do not reach the clients of the nodes not yet upgraded. Stateless.
 */
final class EnvelopeFormat {

    /** Without scopes, the body's kind as a type digit (-1 native). */
    private static final int VERSION_1 = 1;
    /** As version 1, with an excluded connection and a scope. */
    private static final int VERSION_2 = 2;
    /** The body's {@link ClusterEnvelope.Kind} by its ordinal, an excluded connection and a scope: for {@code null} values. */
    private static final int VERSION_3 = 3;
    /** The kinds by ordinal; the order of {@link ClusterEnvelope.Kind} is part of the format. */
    private static final ClusterEnvelope.Kind[] KINDS = ClusterEnvelope.Kind.values();
    /** The kinds of versions 1 and 2 by Iris type digit. */
    private static final ClusterEnvelope.Kind[] TYPE_DIGITS = {ClusterEnvelope.Kind.TEXT, ClusterEnvelope.Kind.NUMBER,
            ClusterEnvelope.Kind.BOOLEAN, ClusterEnvelope.Kind.BYTES, ClusterEnvelope.Kind.JSON};
    private static final int ROOM = 1;
    private static final int CONNECTION = 2;
    private static final int ALL = 3;
    private static final int ALL_EXCEPT = 4;

    private EnvelopeFormat() {
    }

    static byte[] write(ClusterEnvelope envelope) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + envelope.body().length);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            boolean scoped = envelope.excludedId() != null || envelope.scope() != null;
            int version = envelope.kind() == ClusterEnvelope.Kind.NULL ? VERSION_3 : scoped ? VERSION_2 : VERSION_1;
            out.writeByte(version);
            out.writeUTF(envelope.origin());
            Target target = envelope.target();
            if (target instanceof Target.ToRoom room) {
                out.writeByte(ROOM);
                out.writeUTF(room.name());
            } else if (target instanceof Target.ToConnection one) {
                out.writeByte(CONNECTION);
                out.writeUTF(one.id());
            } else if (target instanceof Target.ToAllExcept except) {
                out.writeByte(ALL_EXCEPT);
                out.writeUTF(except.excludedId());
            } else {
                out.writeByte(ALL);
                out.writeUTF("");
            }
            out.writeBoolean(envelope.event() != null);
            out.writeUTF(envelope.event() == null ? "" : envelope.event());
            out.writeByte(version == VERSION_3 ? envelope.kind().ordinal() : typeDigit(envelope.kind()));
            out.writeInt(envelope.body().length);
            out.write(envelope.body());
            if (version != VERSION_1) {
                writeOptional(out, envelope.excludedId());
                writeOptional(out, envelope.scope());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void writeOptional(DataOutputStream out, String value) throws IOException {
        out.writeBoolean(value != null);
        out.writeUTF(value == null ? "" : value);
    }

    private static String readOptional(DataInputStream in) throws IOException {
        boolean present = in.readBoolean();
        String value = in.readUTF();
        return present ? value : null;
    }

    /** @throws IllegalArgumentException if the bytes are not an envelope of version 1, 2 or 3 */
    static ClusterEnvelope read(byte[] message) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(message))) {
            int version = in.readByte();
            if (version != VERSION_1 && version != VERSION_2 && version != VERSION_3) {
                throw new IllegalArgumentException("unknown envelope version " + version);
            }
            String origin = in.readUTF();
            int kind = in.readByte();
            String argument = in.readUTF();
            Target target = switch (kind) {
                case ROOM -> Target.room(argument);
                case CONNECTION -> Target.connection(argument);
                case ALL_EXCEPT -> Target.allExcept(argument);
                case ALL -> Target.all();
                default -> throw new IllegalArgumentException("unknown target kind " + kind);
            };
            boolean isEvent = in.readBoolean();
            String event = in.readUTF();
            ClusterEnvelope.Kind bodyKind = kind(version, in.readByte(), isEvent);
            byte[] body = new byte[in.readInt()];
            in.readFully(body);
            String excludedId = version != VERSION_1 ? readOptional(in) : null;
            String scope = version != VERSION_1 ? readOptional(in) : null;
            return new ClusterEnvelope(origin, target, isEvent ? event : null, bodyKind, body, excludedId, scope);
        } catch (IOException e) {
            throw new IllegalArgumentException("truncated envelope", e);
        }
    }

    private static int typeDigit(ClusterEnvelope.Kind kind) {
        return kind == ClusterEnvelope.Kind.NATIVE ? -1 : java.util.List.of(TYPE_DIGITS).indexOf(kind);
    }

    private static ClusterEnvelope.Kind kind(int version, int code, boolean isEvent) {
        if (!isEvent) {
            return ClusterEnvelope.Kind.NATIVE;
        }
        ClusterEnvelope.Kind[] kinds = version == VERSION_3 ? KINDS : TYPE_DIGITS;
        if (code < 0 || code >= kinds.length || kinds[code] == ClusterEnvelope.Kind.NATIVE) {
            throw new IllegalArgumentException("unknown body kind " + code + " in an envelope of version " + version);
        }
        return kinds[code];
    }
}
