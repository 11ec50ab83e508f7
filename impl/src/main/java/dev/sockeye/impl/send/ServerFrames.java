package dev.sockeye.impl.send;

/**
 * The wire form of one unfragmented WebSocket data frame as a server sends it (RFC 6455 §5.2):
 * FIN set, no RSV bits (no extension applies), no masking key, the payload length in 7, 16 or 64
 * bits.
 */
final class ServerFrames {

    static final int OPCODE_TEXT = 0x1;
    static final int OPCODE_BINARY = 0x2;

    private ServerFrames() {
    }

    /** @return header and payload in one new array */
    static byte[] frame(int opcode, byte[] payload) {
        int length = payload.length;
        int header = length < 126 ? 2 : length <= 0xFFFF ? 4 : 10;
        byte[] frame = new byte[header + length];
        frame[0] = (byte) (0x80 | opcode);
        if (length < 126) {
            frame[1] = (byte) length;
        } else if (length <= 0xFFFF) {
            frame[1] = 126;
            frame[2] = (byte) (length >>> 8);
            frame[3] = (byte) length;
        } else {
            frame[1] = 127;
            long wide = length;
            for (int i = 0; i < 8; i++) {
                frame[2 + i] = (byte) (wide >>> (56 - 8 * i));
            }
        }
        System.arraycopy(payload, 0, frame, header, length);
        return frame;
    }
}
