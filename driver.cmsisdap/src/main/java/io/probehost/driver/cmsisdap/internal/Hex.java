package io.probehost.driver.cmsisdap.internal;

/** Hex dumps for trace logs and messages. */
final class Hex {

    private Hex() {
    }

    static String of(byte[] bytes, int offset, int length) {
        StringBuilder text = new StringBuilder(length * 3);
        for (int i = 0; i < length; i++) {
            if (i > 0) {
                text.append(' ');
            }
            text.append(String.format("%02x", bytes[offset + i] & 0xFF));
        }
        return text.toString();
    }

    static String of(byte[] bytes) {
        return of(bytes, 0, bytes.length);
    }
}
