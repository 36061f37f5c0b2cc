package io.probehost.driver.cmsisdap.internal;

/** Golden bytes written as hex, such as {@code "04 02 96 00 00 00"}. */
final class Bytes {

    private Bytes() {
    }

    static byte[] hex(String text) {
        String[] parts = text.trim().split("\\s+");
        byte[] bytes = new byte[parts.length];
        for (int i = 0; i < parts.length; i++) {
            bytes[i] = (byte) Integer.parseInt(parts[i], 16);
        }
        return bytes;
    }

    static String hex(byte[] bytes) {
        return Hex.of(bytes);
    }
}
