package io.probehost.flash.format;

import java.util.List;
import java.util.Optional;

/**
 * What a .pdsc says about a pack's devices.
 *
 * @param vendor  {@code <vendor>}
 * @param name    {@code <name>}
 * @param version the first (newest) {@code <release version>}, empty when none
 * @param devices every device and variant, in file order
 */
public record PdscPack(String vendor, String name, String version, List<PdscDevice> devices) {

    public PdscPack {
        devices = List.copyOf(devices);
    }

    /** The device or variant named {@code name}, compared ignoring case. */
    public Optional<PdscDevice> device(String deviceName) {
        return devices.stream().filter(d -> d.name().equalsIgnoreCase(deviceName)).findFirst();
    }
}
