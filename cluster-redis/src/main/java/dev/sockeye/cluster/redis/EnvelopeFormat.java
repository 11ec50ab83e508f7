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
 * the type digit and the body. Stateless.
 */
final class EnvelopeFormat {

    private static final int VERSION = 1;
    private static final int ROOM = 1;
    private static final int CONNECTION = 2;
    private static final int ALL = 3;
    private static final int ALL_EXCEPT = 4;

    private EnvelopeFormat() {
    }

    static byte[] write(ClusterEnvelope envelope) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + envelope.body().length);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
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
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** @throws IllegalArgumentException if the bytes are not an envelope of this version */
    static ClusterEnvelope read(byte[] message) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(message))) {
            int version = in.readByte();
            if (version != VERSION) {
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
            return new ClusterEnvelope(origin, target, isEvent ? event : null, type, body);
        } catch (IOException e) {
            throw new IllegalArgumentException("truncated envelope", e);
        }
    }
}
