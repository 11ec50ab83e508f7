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
 * the type digit and the body; in version 2, then the excluded connection and the namespace, each
 * a presence flag and a string.
 *
 * <p>An envelope with neither is written in version 1, which every node reads. One with either
 * (neffos's {@code room.others()}, a namespace's {@code allExcept} or emit to one connection) is
 * written in version 2, which a node of an older release drops as malformed: during a rolling
 * upgrade those emits do not reach the clients of the nodes not yet upgraded. Stateless.
 */
final class EnvelopeFormat {

    /** Without scopes. */
    private static final int VERSION_1 = 1;
    /** With an excluded connection or a namespace. */
    private static final int VERSION_2 = 2;
    private static final int ROOM = 1;
    private static final int CONNECTION = 2;
    private static final int ALL = 3;
    private static final int ALL_EXCEPT = 4;

    private EnvelopeFormat() {
    }

    static byte[] write(ClusterEnvelope envelope) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + envelope.body().length);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            boolean scoped = envelope.excludedId() != null || envelope.namespace() != null;
            out.writeByte(scoped ? VERSION_2 : VERSION_1);
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
            out.writeByte(envelope.type());
            out.writeInt(envelope.body().length);
            out.write(envelope.body());
            if (scoped) {
                writeOptional(out, envelope.excludedId());
                writeOptional(out, envelope.namespace());
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

    /** @throws IllegalArgumentException if the bytes are not an envelope of version 1 or 2 */
    static ClusterEnvelope read(byte[] message) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(message))) {
            int version = in.readByte();
            if (version != VERSION_1 && version != VERSION_2) {
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
            int type = in.readByte();
            byte[] body = new byte[in.readInt()];
            in.readFully(body);
            String excludedId = version == VERSION_2 ? readOptional(in) : null;
            String namespace = version == VERSION_2 ? readOptional(in) : null;
            return new ClusterEnvelope(origin, target, isEvent ? event : null, type, body, excludedId, namespace);
        } catch (IOException e) {
            throw new IllegalArgumentException("truncated envelope", e);
        }
    }
}
