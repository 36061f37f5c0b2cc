package io.probehost.gdbserver.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * The GDB Remote Serial Protocol's encodings: packet framing with its modulo-256 checksum, the
 * binary escape ({@code }} then the byte XOR 0x20) and hex in target byte order (little-endian).
 */
final class Rsp {
    static final byte START = '$';
    static final byte END = '#';
    static final byte ESCAPE = '}';
    static final byte RUN_LENGTH = '*';
    static final byte ACK = '+';
    static final byte NACK = '-';
    /** Ctrl-C: gdb sends this raw byte, outside any packet, to interrupt a running target. */
    static final byte INTERRUPT = 0x03;
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private Rsp() {
    }

    /** The sum of the payload bytes modulo 256. */
    static int checksum(byte[] payload, int offset, int length) {
        int sum = 0;
        for (int i = offset; i < offset + length; i++) {
            sum += payload[i] & 0xFF;
        }
        return sum & 0xFF;
    }

    /** {@code $payload#cc}. */
    static byte[] frame(byte[] payload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(payload.length + 4);
        out.write(START);
        out.writeBytes(payload);
        out.write(END);
        int sum = checksum(payload, 0, payload.length);
        out.write(HEX[sum >> 4]);
        out.write(HEX[sum & 0xF]);
        return out.toByteArray();
    }

    static byte[] frame(String payload) {
        return frame(payload.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** Escapes {@code #}, {@code $}, {@code }} and {@code *} for a binary reply. */
    static byte[] escape(byte[] data, int offset, int length) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(length + length / 16);
        for (int i = offset; i < offset + length; i++) {
            byte b = data[i];
            if (b == END || b == START || b == ESCAPE || b == RUN_LENGTH) {
                out.write(ESCAPE);
                out.write(b ^ 0x20);
            } else {
                out.write(b);
            }
        }
        return out.toByteArray();
    }

    /**
     * The binary data of a request ({@code X}, {@code vFlashWrite}) from {@code offset} to the end.
     *
     * @throws RspException when the data ends inside an escape
     */
    static byte[] unescape(byte[] data, int offset) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length - offset);
        for (int i = offset; i < data.length; i++) {
            if (data[i] == ESCAPE) {
                if (++i == data.length) {
                    throw new RspException("binary data ends inside an escape");
                }
                out.write(data[i] ^ 0x20);
            } else {
                out.write(data[i]);
            }
        }
        return out.toByteArray();
    }

    /** Two lower-case hex digits per byte. */
    static String hex(byte[] data) {
        return HexFormat.of().formatHex(data);
    }

    static String hex(String text) {
        return hex(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The bytes of a hex string.
     *
     * @throws RspException for an odd length or a character that is no hex digit
     */
    static byte[] unhex(String text) {
        if (text.length() % 2 != 0) {
            throw new RspException("hex data of odd length " + text.length());
        }
        byte[] data = new byte[text.length() / 2];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (digit(text.charAt(2 * i)) << 4 | digit(text.charAt(2 * i + 1)));
        }
        return data;
    }

    /** {@code value} as {@code bytes} bytes in little-endian order, two hex digits each. */
    static String hexLittleEndian(long value, int bytes) {
        StringBuilder text = new StringBuilder(bytes * 2);
        for (int i = 0; i < bytes; i++) {
            int b = (int) (value >>> (8 * i)) & 0xFF;
            text.append(HEX[b >> 4]).append(HEX[b & 0xF]);
        }
        return text.toString();
    }

    /** The value of little-endian hex bytes; {@code xx} (unavailable) bytes count as zero. */
    static long parseLittleEndian(String text) {
        if (text.length() % 2 != 0 || text.length() > 16) {
            throw new RspException("register value '" + text + "' is not 1 to 8 hex bytes");
        }
        long value = 0;
        for (int i = 0; i < text.length() / 2; i++) {
            String pair = text.substring(2 * i, 2 * i + 2);
            long b = pair.equalsIgnoreCase("xx") ? 0 : digit(pair.charAt(0)) << 4 | digit(pair.charAt(1));
            value |= b << (8 * i);
        }
        return value;
    }

    /** A hex number as GDB writes addresses and lengths (no prefix, any case). */
    static long number(String text) {
        if (text.isEmpty() || text.length() > 16) {
            throw new RspException("'" + text + "' is not a hex number");
        }
        long value = 0;
        for (int i = 0; i < text.length(); i++) {
            value = value << 4 | digit(text.charAt(i));
        }
        return value;
    }

    static int digit(char c) {
        int value = Character.digit(c, 16);
        if (value < 0) {
            throw new RspException("'" + c + "' is not a hex digit");
        }
        return value;
    }
}
