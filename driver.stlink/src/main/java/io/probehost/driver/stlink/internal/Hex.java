package io.probehost.driver.stlink.internal;

/** Hex dumps for trace logs. */
final class Hex {

    private Hex() {
    }

    static String of(byte[] bytes) {
        StringBuilder text = new StringBuilder(bytes.length * 3);
        for (int i = 0; i < bytes.length; i++) {
            text.append(i > 0 ? " " : "").append(String.format("%02x", bytes[i] & 0xFF));
        }
        return text.toString();
    }
}
