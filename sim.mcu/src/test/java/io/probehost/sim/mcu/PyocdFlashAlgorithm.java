package io.probehost.sim.mcu;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A pyOCD CMSIS flash algorithm as its JSON test resource holds it (load address, entry points,
 * stack and data addresses as hex strings, the code as base64), and the page contents the
 * flash-algorithm tests write and expect.
 */
public final class PyocdFlashAlgorithm {
    private final String json;

    private PyocdFlashAlgorithm(String json) {
        this.json = json;
    }

    /** Reads the resource, e.g. {@code /nrf51822_xxaa.json}. */
    public static PyocdFlashAlgorithm read(String resource) throws IOException {
        try (InputStream in = PyocdFlashAlgorithm.class.getResourceAsStream(resource)) {
            return new PyocdFlashAlgorithm(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    public String text(String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException(name);
        }
        return m.group(1);
    }

    /** A "0x..." field as an address. */
    public int field(String name) {
        return Integer.parseUnsignedInt(text(name).substring(2), 16);
    }

    /** The code to load at {@code load_address}. */
    public byte[] instructions() {
        return Base64.getDecoder().decode(text("instructions_base64"));
    }

    /** A page of {@code pageSize} bytes, {@code i * 7 + seed} at offset i. */
    public static byte[] pattern(int pageSize, int seed) {
        byte[] page = new byte[pageSize];
        for (int i = 0; i < page.length; i++) {
            page[i] = (byte) (i * 7 + seed);
        }
        return page;
    }

    /** An erased page: {@code pageSize} bytes of 0xFF. */
    public static byte[] erased(int pageSize) {
        byte[] ones = new byte[pageSize];
        Arrays.fill(ones, (byte) 0xFF);
        return ones;
    }
}
