package io.probehost.dapserver.internal;

/**
 * A scalar's value as a debugger prints it from its C type: pointers in hex, signed integers sign
 * extended from their size, the rest in decimal with the hex beside it.
 */
final class ValueText {
    private ValueText() {
    }

    static String of(long raw, String type, long byteSize) {
        if (type.endsWith("*")) {
            return String.format("0x%08x", raw);
        }
        boolean unsigned = type.contains("unsigned") || type.contains("uint") || type.equals("_Bool")
                || type.equals("bool") || type.equals("size_t");
        long value = raw;
        if (!unsigned && byteSize > 0 && byteSize < 8) {
            int shift = 64 - 8 * (int) byteSize;
            value = (raw << shift) >> shift;
        }
        return unsigned || value >= 0 ? Long.toUnsignedString(value) + String.format(" (0x%x)", raw)
                : Long.toString(value);
    }
}
