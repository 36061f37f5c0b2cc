package io.probehost.driver.cmsisdap.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import io.probehost.api.usb.UsbDeviceInfo;

/**
 * Unique IDs of probes: the USB serial number, or for a probe without one an ID derived from where
 * it is plugged in, as pyOCD does: base32 of the SHA-1 of vendor, product, bus and location. It
 * stays the same while the probe stays in the same port.
 */
final class UniqueIds {
    private static final char[] BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();

    private UniqueIds() {
    }

    static String of(UsbDeviceInfo device) {
        if (!device.serialNumber().isBlank()) {
            return device.serialNumber().trim();
        }
        String key = String.format("%04x,%04x,%s,%s", device.vendorId(), device.productId(), device.busName(),
                device.location());
        return base32(sha1(key.getBytes(StandardCharsets.UTF_8)));
    }

    private static byte[] sha1(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-1").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-1", e);
        }
    }

    /** RFC 4648 base32; a SHA-1 digest (160 bits) needs no padding. */
    static String base32(byte[] data) {
        StringBuilder text = new StringBuilder();
        int buffer = 0;
        int bits = 0;
        for (byte b : data) {
            buffer = (buffer << 8) | (b & 0xFF);
            bits += 8;
            while (bits >= 5) {
                text.append(BASE32[(buffer >> (bits - 5)) & 0x1F]);
                bits -= 5;
            }
        }
        if (bits > 0) {
            text.append(BASE32[(buffer << (5 - bits)) & 0x1F]);
        }
        while (text.length() % 8 != 0) {
            text.append('=');
        }
        return text.toString();
    }
}
