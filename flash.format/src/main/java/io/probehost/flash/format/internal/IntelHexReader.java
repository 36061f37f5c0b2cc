package io.probehost.flash.format.internal;

import java.nio.charset.StandardCharsets;

import io.probehost.flash.format.FirmwareImage;
import io.probehost.flash.format.ImageFormatException;

/** Intel HEX (record types 00-05) with checksums checked and an end-of-file record required. */
public final class IntelHexReader {

    private static final int DATA = 0;
    private static final int END_OF_FILE = 1;
    private static final int EXTENDED_SEGMENT_ADDRESS = 2;
    private static final int START_SEGMENT_ADDRESS = 3;
    private static final int EXTENDED_LINEAR_ADDRESS = 4;
    private static final int START_LINEAR_ADDRESS = 5;

    private IntelHexReader() {
    }

    public static FirmwareImage read(String source, byte[] content) {
        String[] lines = new String(content, StandardCharsets.ISO_8859_1).split("\r\n|\r|\n", -1);
        FirmwareImage.Builder image = FirmwareImage.builder(source);
        long base = 0;
        int endOfFileLine = 0;
        for (int i = 0; i < lines.length; i++) {
            int lineNumber = i + 1;
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            if (endOfFileLine != 0) {
                throw error(source, lineNumber, "data after the end-of-file record on line " + endOfFileLine);
            }
            byte[] record = decode(source, lineNumber, line);
            int length = record[0] & 0xFF;
            int offset = (record[1] & 0xFF) << 8 | record[2] & 0xFF;
            int type = record[3] & 0xFF;
            byte[] data = new byte[length];
            System.arraycopy(record, 4, data, 0, length);
            switch (type) {
                case DATA -> image.add(base + offset, data);
                case END_OF_FILE -> {
                    requireLength(source, lineNumber, type, length, 0);
                    endOfFileLine = lineNumber;
                }
                case EXTENDED_SEGMENT_ADDRESS -> {
                    requireLength(source, lineNumber, type, length, 2);
                    base = (long) bigEndian(data) << 4;
                }
                case START_SEGMENT_ADDRESS -> {
                    requireLength(source, lineNumber, type, length, 4);
                    image.entryPoint(((data[0] & 0xFFL) << 8 | data[1] & 0xFF) * 16 + ((data[2] & 0xFF) << 8 | data[3] & 0xFF));
                }
                case EXTENDED_LINEAR_ADDRESS -> {
                    requireLength(source, lineNumber, type, length, 2);
                    base = (long) bigEndian(data) << 16;
                }
                case START_LINEAR_ADDRESS -> {
                    requireLength(source, lineNumber, type, length, 4);
                    image.entryPoint(bigEndian(data));
                }
                default -> throw error(source, lineNumber, String.format("unknown record type 0x%02X", type));
            }
        }
        if (endOfFileLine == 0) {
            throw new ImageFormatException(source + ": no end-of-file record (:00000001FF); the file may be truncated");
        }
        return image.build();
    }

    /** Decodes the hex pairs after ':' and checks the byte count and the checksum. */
    private static byte[] decode(String source, int lineNumber, String line) {
        if (line.charAt(0) != ':') {
            throw error(source, lineNumber, "record does not start with ':'");
        }
        int digits = line.length() - 1;
        if (digits % 2 != 0 || digits < 10) {
            throw error(source, lineNumber, "record has " + digits + " hex digits; need an even count of at least 10");
        }
        byte[] bytes = new byte[digits / 2];
        for (int i = 0; i < bytes.length; i++) {
            int hi = Character.digit(line.charAt(1 + 2 * i), 16);
            int lo = Character.digit(line.charAt(2 + 2 * i), 16);
            if (hi < 0 || lo < 0) {
                throw error(source, lineNumber, "'" + line.substring(1 + 2 * i, 3 + 2 * i) + "' at column " + (2 + 2 * i)
                        + " is not a hex byte");
            }
            bytes[i] = (byte) (hi << 4 | lo);
        }
        int length = bytes[0] & 0xFF;
        if (bytes.length != length + 5) {
            throw error(source, lineNumber, "byte count " + length + " does not match the record's " + (bytes.length - 5)
                    + " data bytes");
        }
        int sum = 0;
        for (int i = 0; i < bytes.length - 1; i++) {
            sum += bytes[i];
        }
        int expected = -sum & 0xFF;
        int actual = bytes[bytes.length - 1] & 0xFF;
        if (actual != expected) {
            throw error(source, lineNumber, String.format("checksum 0x%02X, expected 0x%02X", actual, expected));
        }
        return bytes;
    }

    private static void requireLength(String source, int lineNumber, int type, int length, int required) {
        if (length != required) {
            throw error(source, lineNumber, String.format("record type 0x%02X has %d data bytes, must have %d",
                    type, length, required));
        }
    }

    private static long bigEndian(byte[] data) {
        long value = 0;
        for (byte b : data) {
            value = value << 8 | b & 0xFF;
        }
        return value;
    }

    private static ImageFormatException error(String source, int lineNumber, String what) {
        return new ImageFormatException(source + " line " + lineNumber + ": " + what);
    }
}
