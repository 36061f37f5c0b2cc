package io.probehost.driver.picoprobe.internal;

/** Hex dumps for trace logs and messages. */
final class Hex {

    private Hex() {
    }

    static String of(byte[] bytes, int length) {
        StringBuilder text = new StringBuilder(length * 3);
        for (int i = 0; i < length; i++) {
            text.append(i > 0 ? " " : "").append(String.format("%02x", bytes[i] & 0xFF));
        }
        return text.toString();
    }
}
