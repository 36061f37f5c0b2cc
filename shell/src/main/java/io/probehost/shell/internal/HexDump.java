package io.probehost.shell.internal;

/**
 * Memory as pyOCD's commander shows it: the address of each line, then the units in hexadecimal,
 * and for bytes their printable characters.
 */
final class HexDump {
    private static final int LINE_BYTES = 16;

    private HexDump() {
    }

    /** {@code values} are units of {@code width} bytes read from consecutive addresses. */
    static String format(long address, long[] values, int width) {
        int perLine = LINE_BYTES / width;
        StringBuilder out = new StringBuilder();
        for (int first = 0; first < values.length; first += perLine) {
            int last = Math.min(values.length, first + perLine);
            out.append(String.format("%08x:  ", (address + (long) first * width) & 0xFFFF_FFFFL));
            StringBuilder line = new StringBuilder();
            for (int i = first; i < last; i++) {
                line.append(String.format("%0" + (width * 2) + "x ", values[i]));
            }
            if (width == 1) {
                line.append("   ".repeat(perLine - (last - first))).append("   |");
                for (int i = first; i < last; i++) {
                    char c = (char) values[i];
                    line.append(c >= 0x20 && c < 0x7F ? c : '.');
                }
                line.append('|');
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        return out.toString();
    }

    /** {@code 0x20000000}: a 32-bit address or value as every command prints it. */
    static String hex32(long value) {
        return String.format("0x%08x", value & 0xFFFF_FFFFL);
    }
}
