package io.probehost.flash.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.net.URL;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import io.probehost.api.target.TargetDescription;
import io.probehost.flash.format.TargetPackDescriptor;
import io.probehost.flash.format.TargetPackReader;

/** Firmware from the firmware module's jar, the Nordic pack from pack.nordic's jar, and a UF2 writer. */
final class TestFiles {
    static final long NRF51_FAMILY = 0x1B57745FL;

    private TestFiles() {
    }

    static byte[] resource(String path) {
        try (InputStream in = TestFiles.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("no test resource " + path + " (is the firmware module built?)");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] firmware(String name) {
        return resource("/firmware/" + name);
    }

    /** The nrf51822_xxaa target of pack.nordic, read as the extender reads it. */
    static TargetDescription nrf51() {
        return packs().stream().filter(p -> p.name().equals("nordic")).findFirst().orElseThrow().targets().stream()
                .filter(t -> t.name().equals("nrf51822_xxaa")).findFirst().orElseThrow();
    }

    /** Every probehost-pack.json on the test class path (the pack.* jars), with its algorithms. */
    static List<TargetPackDescriptor> packs() {
        List<TargetPackDescriptor> packs = new ArrayList<>();
        try {
            for (URL url : Collections.list(TestFiles.class.getClassLoader().getResources("probehost-pack.json"))) {
                packs.add(TargetPackReader.read(url.toString(), read(url), path -> read(new URL(url, path))));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return packs;
    }

    private static byte[] read(URL url) throws IOException {
        try (InputStream in = url.openStream()) {
            return in.readAllBytes();
        }
    }

    /** A UF2 file holding {@code bin} at {@code base}, 256 bytes per block, with the nRF51 family ID. */
    static byte[] uf2(byte[] bin, long base) {
        int blocks = (bin.length + 255) / 256;
        ByteBuffer out = ByteBuffer.allocate(blocks * 512).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < blocks; i++) {
            byte[] payload = Arrays.copyOfRange(bin, i * 256, Math.min(bin.length, (i + 1) * 256));
            int start = out.position();
            out.putInt(0x0A324655).putInt(0x9E5D5157).putInt(0x2000).putInt((int) (base + i * 256L))
                    .putInt(payload.length).putInt(i).putInt(blocks).putInt((int) NRF51_FAMILY);
            out.put(payload);
            out.position(start + 508);
            out.putInt(0x0AB16F30);
        }
        return out.array();
    }
}
